// The editor as the exam's (issue 14 item 6): vi with vim's keys and ~/.vimrc, nano with nano's keys.
import { editorOf, pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const page = await newPage();
  const { screen, run, waitForPrompt } = terminalOf(page);
  const { tab, cursorAt, openFromList, text } = editorOf(page);
  const vimStatus = '[data-testid=editor-vim-status]';
  const lineNumbers = () => page.locator('.monaco-editor .line-numbers').count();
  /** Types an ex command in vim's command line and runs it. */
  const ex = async (command) => {
    await page.keyboard.type(`:${command}`);
    await page.keyboard.press('Enter');
  };
  /** Waits for nano's "File Name to Write:" prompt offering `name`. */
  const fileNamePrompt = (name) =>
    page.waitForFunction((n) => document.querySelector('[data-testid=nano-prompt] input[aria-label="File Name to Write"]')?.value === n, name, { timeout: 10_000 });
  await page.goto(url('/#/free-play'));
  // The first prompt can take a while on a loaded machine.
  await waitForPrompt(60_000);

  await journey('vi: i, Esc and :wq write the file; :q on a change says E37; :q! leaves the file as it was', async () => {
    await run('vi notes.txt');
    await cursorAt('/root/notes.txt');
    await page.waitForSelector(`${vimStatus}:has-text("NORMAL")`);
    await page.keyboard.type('ifirst line');
    await page.keyboard.press('Escape');
    await ex('wq');
    await page.waitForSelector(tab('/root/notes.txt'), { state: 'detached' });
    await run('cat notes.txt', 'first line');

    await run('vi notes.txt');
    await cursorAt('/root/notes.txt');
    await page.waitForSelector(`${vimStatus}:has-text("NORMAL")`);
    await page.keyboard.type('osecond line');
    await page.keyboard.press('Escape');
    await ex('q');
    await page.waitForSelector(`${vimStatus}:has-text("E37: No write since last change (add ! to override)")`);
    await ex('q!');
    await page.waitForSelector(tab('/root/notes.txt'), { state: 'detached' });
    await run('cat notes.txt | wc -l', 'cat notes.txt | wc -l\n1\n');
  });

  await journey('vi: ZZ writes a changed file and returns to the prompt', async () => {
    await run('vi zz.txt');
    await cursorAt('/root/zz.txt');
    await page.waitForSelector(`${vimStatus}:has-text("NORMAL")`);
    await page.keyboard.type('iby ZZ');
    await page.keyboard.press('Escape');
    await page.keyboard.type('ZZ');
    await page.waitForSelector(tab('/root/zz.txt'), { state: 'detached' });
    await run('cat zz.txt', 'by ZZ');
  });

  await journey('nano: Ctrl+O writes with "[ Wrote N lines ]", Ctrl+K and Ctrl+U move a line, Ctrl+X asks to save', async () => {
    await run('nano pod.yaml');
    await cursorAt('/root/pod.yaml');
    await page.waitForSelector('[data-testid=nano-title]:has-text("pod.yaml")');
    if ((await page.locator(`${vimStatus}:visible`).count()) !== 0) throw new Error('nano shows a vim status line');
    await page.keyboard.type('kind: Pod');
    await page.keyboard.press('Enter');
    await page.keyboard.type('apiVersion: v1');
    await page.keyboard.press('Control+o');
    await fileNamePrompt('pod.yaml');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=nano-status]:has-text("[ Wrote 2 lines ]")');
    // Cut the first line and paste it below the second: apiVersion comes first.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+k');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+u');
    await pollFor(text, (t) => t === 'apiVersion: v1\nkind: Pod\n');
    await page.waitForSelector('[data-testid=nano-title]:has-text("Modified")');
    await page.keyboard.press('Control+x');
    await page.waitForSelector('[data-testid=nano-prompt]:has-text("Save modified buffer?")');
    await page.keyboard.press('y');
    await fileNamePrompt('pod.yaml');
    await page.keyboard.press('Enter');
    await page.waitForSelector(tab('/root/pod.yaml'), { state: 'detached' });
    await run('cat pod.yaml', 'cat pod.yaml\napiVersion: v1\nkind: Pod\n');
  });

  await journey('nano: Ctrl+O under another name asks "Save file under DIFFERENT NAME?" and the buffer becomes that file', async () => {
    await run('nano pod.yaml');
    await cursorAt('/root/pod.yaml');
    await page.waitForSelector('[data-testid=nano-title]:has-text("pod.yaml")');
    await page.keyboard.type('# copied');
    await page.keyboard.press('Control+o');
    await fileNamePrompt('pod.yaml');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('copy.yaml');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=nano-prompt]:has-text("Save file under DIFFERENT NAME?")');
    await page.keyboard.press('y');
    await page.waitForSelector('[data-testid=nano-status]:has-text("[ Wrote 3 lines ]")');
    await page.waitForSelector('[data-testid=nano-title]:has-text("copy.yaml")');
    // The same name again asks nothing; a file of another name that exists asks to overwrite it.
    await page.keyboard.press('Control+o');
    await fileNamePrompt('copy.yaml');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('pod.yaml');
    await page.keyboard.press('Enter');
    await page.keyboard.press('y');
    await page.waitForSelector('[data-testid=nano-prompt]:has-text(\'File "pod.yaml" exists; OVERWRITE?\')');
    await page.keyboard.press('n');
    await fileNamePrompt('pod.yaml');
    await page.keyboard.press('Control+c');
    await page.waitForSelector('[data-testid=nano-status]:has-text("[ Cancelled ]")');
    await page.keyboard.press('Control+x');
    await page.waitForSelector(tab('/root/copy.yaml'), { state: 'detached' });
    await run('cat copy.yaml pod.yaml', 'cat copy.yaml pod.yaml\napiVersion: v1\nkind: Pod\n# copied\napiVersion: v1\nkind: Pod\n');
  });

  await journey('nano: Ctrl+W finds text; Ctrl+X, N leaves the file unchanged', async () => {
    await run('nano pod.yaml');
    await cursorAt('/root/pod.yaml');
    await page.waitForSelector('[data-testid=nano-title]:has-text("pod.yaml")');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+w');
    await page.keyboard.type('POD');
    await page.keyboard.press('Enter');
    const at = await page.evaluate(() => globalThis.__editor.getPosition());
    if (at.lineNumber !== 2 || at.column !== 7) throw new Error(`search left the cursor at ${JSON.stringify(at)}`);
    await page.keyboard.type('Service');
    await page.keyboard.press('Control+x');
    await page.waitForSelector('[data-testid=nano-prompt]:has-text("Save modified buffer?")');
    await page.keyboard.press('n');
    await page.waitForSelector(tab('/root/pod.yaml'), { state: 'detached' });
    await run('cat pod.yaml', 'cat pod.yaml\napiVersion: v1\nkind: Pod\n');
  });

  await journey('~/.vimrc applies: line numbers, expandtab, and Enter keeps the indentation after containers:', async () => {
    await run('vi plain.yaml');
    await cursorAt('/root/plain.yaml');
    await page.waitForSelector(`${vimStatus}:has-text("NORMAL")`);
    if ((await lineNumbers()) !== 0) throw new Error('vim without a vimrc numbers its lines');
    await ex('q');
    await page.waitForSelector(tab('/root/plain.yaml'), { state: 'detached' });
    await waitForPrompt();

    await run(`echo 'set expandtab tabstop=2 shiftwidth=2 autoindent number' > ~/.vimrc; echo 'syntax on' >> ~/.vimrc`);
    await waitForPrompt();
    await run('vi deploy.yaml');
    await cursorAt('/root/deploy.yaml');
    await page.waitForSelector(`${vimStatus}:has-text("NORMAL")`);
    await pollFor(lineNumbers, (n) => n > 0);
    await page.keyboard.type('iapiVersion: v1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kind: Pod');
    await page.keyboard.press('Enter');
    await page.keyboard.type('spec:');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('containers:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- name: web');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('image: nginx');
    // The schema still completes when asked.
    await page.keyboard.press('Enter');
    await page.keyboard.type('imagePull');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget .monaco-list-row:has-text("imagePullPolicy")', { timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.type('dd');
    const written = await text();
    if (written !== 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx') throw new Error(`the buffer is ${JSON.stringify(written)}`);
    await ex('wq');
    await page.waitForSelector(tab('/root/deploy.yaml'), { state: 'detached' });
    // vim ends the file with a newline; the spaces are spaces (expandtab), not tabs.
    await run('cat deploy.yaml', 'cat deploy.yaml\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx\ncontrolplane');
    await page.screenshot({ path: 'tests/output/e2e-14-vimrc.png' });
  });

  await journey('vi: :set nu, :set nonu, :set et ts=2 sw=2, :set, :set all, :set foo, :set paste and :syntax off apply while the file is open', async () => {
    await run('vi settings.txt');
    await cursorAt('/root/settings.txt');
    await page.waitForSelector(`${vimStatus}:has-text("NORMAL")`);
    await ex('set nonu');
    await pollFor(lineNumbers, (n) => n === 0);
    await ex('set nu');
    await pollFor(lineNumbers, (n) => n > 0);
    await ex('set et ts=2 sw=2');
    await ex('set ts?');
    await page.waitForSelector(`${vimStatus}:has-text("tabstop=2")`);
    await ex('set');
    await page.waitForSelector(`${vimStatus}:has-text("--- Options ---")`);
    await page.waitForSelector(`${vimStatus}:has-text("  expandtab")`);
    await ex('set all');
    await page.waitForSelector(`${vimStatus}:has-text("  aleph=224")`);
    await ex('set foo ts=4');
    await page.waitForSelector(`${vimStatus}:has-text("E518: Unknown option: foo")`);
    await page.waitForFunction(() => globalThis.__editor.getModel().getOptions().insertSpaces === true);
    await ex('set paste');
    await page.waitForFunction(() => globalThis.__editor.getOption(globalThis.__monaco.editor.EditorOption.autoIndent) === 0);
    await ex('syntax off');
    await page.waitForSelector('.monaco-editor.without-syntax');
    await ex('syntax on');
    await page.waitForSelector('.monaco-editor.without-syntax', { state: 'detached' });
    await ex('q');
    await page.waitForSelector(tab('/root/settings.txt'), { state: 'detached' });
  });

  await journey('the keys chosen for files opened from the list are remembered across a reload', async () => {
    await openFromList('/root/pod.yaml');
    await page.click('[data-testid=editor-nano-toggle]');
    await page.waitForSelector('[data-testid=editor-nano-toggle][aria-pressed=true]');
    await page.waitForSelector('[data-testid=nano-title]');
    await page.click(`${tab('/root/pod.yaml')} [data-testid=editor-tab-close]`);
    await page.reload();
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 60_000);
    await openFromList('/root/notes.txt');
    await page.waitForSelector('[data-testid=editor-nano-toggle][aria-pressed=true]');
    await page.waitForSelector('[data-testid=nano-title]:has-text("notes.txt")');
    await page.click(`${tab('/root/notes.txt')} [data-testid=editor-tab-close]`);
  });
}
