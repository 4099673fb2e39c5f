// The editor: vi and kubectl edit open Monaco; the schema, unsaved changes and vim keys.
import { editorOf, pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const page = await newPage();
  const { screen, run, waitForPrompt } = terminalOf(page);
  const { tab, cursorAt: cursorInMonaco, openFromList, markers } = editorOf(page);
  await page.goto(url('/#/labs/rolling-updates'));
  await waitForPrompt();

  await journey('vi opens a file in the editor; saving writes it and cat shows it', async () => {
    await run('vi notes.txt');
    await cursorInMonaco('/root/notes.txt');
    // vi opens with vim's keys: i to insert.
    await page.waitForSelector('[data-testid=editor-vim-status]:has-text("NORMAL")');
    await page.keyboard.type('ihello from the editor');
    await page.waitForSelector(`${tab('/root/notes.txt')} [data-testid=editor-dirty]`);
    await page.keyboard.press('Control+s');
    await page.waitForSelector(tab('/root/notes.txt'), { state: 'detached' });
    await run('cat notes.txt', 'hello from the editor');
  });

  await journey('kubectl edit opens the live object in Monaco; saving applies it', async () => {
    await run('kubectl edit deployment frontend');
    const path = await page.waitForSelector('[data-testid=editor-tab][data-path^="/tmp/kubectl-edit-"]', { timeout: 30_000 }).then((t) => t.getAttribute('data-path'));
    await cursorInMonaco(path, '^  replicas: ');
    // kubectl edit runs vi: A appends at the end of the line.
    await page.waitForSelector('[data-testid=editor-vim-status]:has-text("NORMAL")');
    await page.keyboard.type('A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('5');
    await page.keyboard.press('Escape');
    await page.click('[data-testid=editor-save]');
    await pollFor(screen, (s) => s.includes('deployment.apps/frontend edited'));
    await run(`kubectl get deployment frontend -o jsonpath='{.spec.replicas}{"\\n"}'`);
    await pollFor(screen, (s) => /\n5\n/.test(s));
  });

  await journey('kubectl edit: an invalid change comes back with the error; closing leaves the copy in /tmp', async () => {
    await run('kubectl edit deployment frontend');
    const first = await page.waitForSelector('[data-testid=editor-tab][data-path^="/tmp/kubectl-edit-"]', { timeout: 30_000 }).then((t) => t.getAttribute('data-path'));
    await cursorInMonaco(first, '^  replicas: ');
    await page.waitForSelector('[data-testid=editor-vim-status]:has-text("NORMAL")');
    await page.keyboard.type('A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('-1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => /# \* spec\.replicas: Invalid value: -1/.test(globalThis.__editor?.getModel()?.getValue() ?? ''), null, { timeout: 15_000 });
    await pollFor(screen, (s) => s.includes('error: deployments.apps "frontend" is invalid'));
    await page.click('[data-testid=editor-tab][data-path^="/tmp/kubectl-edit-"] [data-testid=editor-tab-close]');
    await pollFor(screen, (s) => s.includes('A copy of your changes has been stored to "/tmp/kubectl-edit-') && s.includes('error: Edit cancelled, no valid changes were saved.'));
  });

  await journey('the Kubernetes schema marks a wrong type and an unknown field, and completes fields', async () => {
    await run('kubectl create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml > web.yaml');
    await openFromList('/root/web.yaml');
    await cursorInMonaco('/root/web.yaml', '^  replicas: 3');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await page.keyboard.type('replicaz: 2');
    await pollFor(markers, (m) => m.includes('Incorrect type. Expected "number".') && m.includes('Property replicaz is not allowed.'), 30_000);
    await page.waitForSelector('[data-testid=editor-problems]:has-text("2 problems")');
    await page.keyboard.press('Enter');
    await page.keyboard.type('minReady');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget .monaco-list-row:has-text("minReadySeconds")', { timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.click('[data-testid=editor-save]');
    await page.waitForSelector(`${tab('/root/web.yaml')} [data-testid=editor-dirty]`, { state: 'detached' });
    await run('grep replica web.yaml', 'replicaz: 2');
    await pollFor(screen, (s) => s.includes('replicas: abc'));
    await page.click(`${tab('/root/web.yaml')} [data-testid=editor-tab-close]`);
  });

  await journey('closing a tab with unsaved changes asks first', async () => {
    await run('echo draft > draft.txt');
    await openFromList('/root/draft.txt');
    await cursorInMonaco('/root/draft.txt', '^draft');
    await page.keyboard.type(' more');
    await page.waitForSelector(`${tab('/root/draft.txt')} [data-testid=editor-dirty]`);
    const answers = [false, true];
    const asked = [];
    const onDialog = (dialog) => {
      asked.push(dialog.message());
      void (answers.shift() ? dialog.accept() : dialog.dismiss());
    };
    page.on('dialog', onDialog);
    try {
      await page.click(`${tab('/root/draft.txt')} [data-testid=editor-tab-close]`);
      await page.waitForSelector(`${tab('/root/draft.txt')} [data-testid=editor-dirty]`);
      await page.click(`${tab('/root/draft.txt')} [data-testid=editor-tab-close]`);
      await page.waitForSelector(tab('/root/draft.txt'), { state: 'detached' });
    } finally {
      page.off('dialog', onDialog);
    }
    if (asked.length !== 2 || !asked[0].includes('/root/draft.txt has unsaved changes')) throw new Error(`asked: ${JSON.stringify(asked)}`);
    await run('cat draft.txt', 'draft');
  });

  await journey('vim keys: the toggle persists; ihello<Esc>:w saves, :q closes, :wq returns to the terminal', async () => {
    await run('echo first > vimfile.txt');
    await openFromList('/root/vimfile.txt');
    await page.click('[data-testid=editor-vim-toggle]');
    await page.waitForSelector('[data-testid=editor-vim-toggle][aria-pressed=true]');
    await cursorInMonaco('/root/vimfile.txt', '^first');
    await page.keyboard.press('0');
    await page.keyboard.type('ihello ');
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${tab('/root/vimfile.txt')} [data-testid=editor-dirty]`);
    await page.keyboard.type(':w');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${tab('/root/vimfile.txt')} [data-testid=editor-dirty]`, { state: 'detached' });
    await page.waitForSelector('[data-testid=editor-message]:has-text("written")');
    await page.keyboard.type(':q');
    await page.keyboard.press('Enter');
    await page.waitForSelector(tab('/root/vimfile.txt'), { state: 'detached' });
    await run('cat vimfile.txt', 'hello first');
    await page.reload();
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 20_000);
    await run('vi exam.txt');
    await cursorInMonaco('/root/exam.txt');
    await page.waitForSelector('[data-testid=editor-vim-toggle][aria-pressed=true]');
    await page.waitForSelector('[data-testid=editor-vim-status]:has-text("NORMAL")');
    await page.keyboard.type('iin vim');
    await page.keyboard.press('Escape');
    await page.keyboard.type(':wq');
    await page.keyboard.press('Enter');
    await page.waitForSelector(tab('/root/exam.txt'), { state: 'detached' });
    await run('cat exam.txt', 'in vim');
    await openFromList('/root/exam.txt');
    await page.click('[data-testid=editor-vim-toggle]');
    await page.waitForSelector('[data-testid=editor-vim-toggle][aria-pressed=false]');
    await page.click(`${tab('/root/exam.txt')} [data-testid=editor-tab-close]`);
  });
}
