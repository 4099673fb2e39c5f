// The watchdog: a worker that stops answering is restarted, and the learner loses nothing.
import { editorOf, pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const lab = await newPage({ width: 1400, height: 900 });
  const { screen: labScreen, typeLine, atPrompt } = terminalOf(lab);
  const { tab, cursorAt, openFromList } = editorOf(lab);
  const columns = () =>
    lab.evaluate(() => [...document.querySelectorAll('[data-testid=rollout-view] g.rs:not(.exiting)')].map((g) => g.querySelector('text.rs-title')?.textContent ?? '').join(' | '));
  const runToPrompt = async (line, expected, timeoutMs) => {
    await typeLine(line);
    return pollFor(labScreen, (s) => s.includes(expected) && atPrompt(s), timeoutMs);
  };
  // The terminal is narrow beside the editor and the lab: the notice wraps.
  const unwrapped = async () => (await labScreen()).replaceAll('\n', '');
  const restartedWith = async (notice) => {
    const lastNotice = (s) => s.slice(s.lastIndexOf('[cka-lab] Session restarted (not responding): '));
    await pollFor(unwrapped, (s) => s.includes('[cka-lab] Session restarted') && lastNotice(s).includes(notice), 30_000);
    await pollFor(labScreen, (s) => atPrompt(s), 20_000);
  };
  const freezeAndRestart = async (notice) => {
    await lab.evaluate(() => window.ckaLabTest.freezeWorker());
    await restartedWith(notice);
  };

  await lab.goto(url('/?test-hooks=1#/labs/rolling-updates'));
  await pollFor(labScreen, (s) => s.includes('controlplane ~ ➜'), 20_000);
  await lab.click('[data-testid=lab-step-current-color] >> text=blue');
  await lab.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');

  await journey('a hung worker is restarted with the cluster rebuilt: the rollout, the scale, a new pod and a file are all kept', async () => {
    await typeLine('clear');
    await runToPrompt('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2', 'deployment.apps/frontend image updated');
    await runToPrompt('kubectl scale deployment frontend --replicas=2', 'deployment.apps/frontend scaled');
    await runToPrompt('kubectl run extra --image=busybox -- sleep 3600', 'pod/extra created');
    await runToPrompt('echo written-before-the-hang > kept.txt', 'kept.txt');
    await runToPrompt('kubectl rollout status deployment/frontend', 'successfully rolled out', 60_000);
    const before = await pollFor(columns, (c) => c.includes('rev 2'), 20_000);

    await typeLine('clear');
    await pollFor(labScreen, (s) => atPrompt(s) && !s.includes('rolled out'));
    await lab.evaluate(() => window.ckaLabTest.freezeWorker());
    await typeLine('ls');
    await restartedWith('cluster restored; "ls" not rerun.');
    await lab.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass', { timeout: 10_000 });

    await runToPrompt('kubectl rollout history deployment/frontend', 'REVISION');
    await pollFor(labScreen, (s) => /\n1 +<none>\n2 +<none>\n/.test(s));
    await runToPrompt('kubectl get deployment frontend', 'frontend');
    await pollFor(labScreen, (s) => /frontend +2\/2 +2 +2 /.test(s));
    await runToPrompt('kubectl get pod extra', 'extra');
    await pollFor(labScreen, (s) => /extra +1\/1 +Running +0 /.test(s));
    await runToPrompt('cat kept.txt', 'written-before-the-hang\ncontrolplane ~ ➜');
    const after = await pollFor(columns, (c) => c === before, 20_000).catch(async () => columns());
    if (after !== before) throw new Error(`the rollout view showed ${before} before the restart and ${after} after`);
  });

  await journey('an editor tab open across a restart saves into the new session', async () => {
    await runToPrompt('echo draft > draft.txt', 'draft.txt');
    await openFromList('/root/draft.txt');
    await cursorAt('/root/draft.txt', '^draft');
    await lab.keyboard.type(' before the hang');
    await lab.waitForSelector(`${tab('/root/draft.txt')} [data-testid=editor-dirty]`);
    await freezeAndRestart('cluster, progress and files restored.');
    await lab.waitForSelector(`${tab('/root/draft.txt')} [data-testid=editor-dirty]`);
    await cursorAt('/root/draft.txt', '^draft');
    await lab.keyboard.type(', saved after it');
    await lab.click('[data-testid=editor-save]');
    await lab.waitForSelector(`${tab('/root/draft.txt')} [data-testid=editor-dirty]`, { state: 'detached' });
    await runToPrompt('cat draft.txt', 'draft before the hang, saved after it\ncontrolplane ~ ➜');
    await lab.click(`${tab('/root/draft.txt')} [data-testid=editor-tab-close]`);
  });

  await journey('a kubectl edit that was waiting when the worker hung closes with a note; a vi tab stays and saves', async () => {
    await typeLine('kubectl edit deployment frontend');
    const path = await lab.waitForSelector('[data-testid=editor-tab][data-path^="/tmp/kubectl-edit-"]', { timeout: 30_000 }).then((t) => t.getAttribute('data-path'));
    await cursorAt(path, '^  replicas: ');
    // kubectl edit runs vi: A appends at the end of the line.
    await lab.waitForSelector('[data-testid=editor-vim-status]:has-text("NORMAL")');
    await lab.keyboard.type('A');
    await lab.keyboard.press('Backspace');
    await lab.keyboard.type('4');
    await lab.keyboard.press('Escape');
    await freezeAndRestart('"kubectl edit deploy…" not rerun.');
    await lab.waitForSelector(tab(path), { state: 'detached' });
    await lab.waitForSelector(`[data-testid=editor-message]:has-text("kubectl edit ended with the restart and applied nothing; your text is in ${path}")`);
    await runToPrompt(`grep -m1 '^  replicas' ${path}; kubectl get deployment frontend -o jsonpath='{.spec.replicas}{"\\n"}'`, '  replicas: 4\n2\n');

    await typeLine('vi later.txt');
    await cursorAt('/root/later.txt');
    await lab.waitForSelector('[data-testid=editor-vim-status]:has-text("NORMAL")');
    await lab.keyboard.type('ityped while vi waited');
    await lab.keyboard.press('Enter');
    await freezeAndRestart('"vi later.txt" not rerun.');
    await lab.waitForSelector('[data-testid=editor-message]:has-text("vi ended with the restart; saving now writes later.txt directly")');
    await lab.click('[data-testid=editor-save]');
    await lab.waitForSelector(`${tab('/root/later.txt')} [data-testid=editor-dirty]`, { state: 'detached' });
    await runToPrompt('cat later.txt', 'typed while vi waited\ncontrolplane ~ ➜');
  });

  await journey('a corrupt journal is reported and the restart falls back to the saved progress and files', async () => {
    await runToPrompt('echo still-here > kept2.txt', 'kept2.txt');
    await lab.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('cka-lab');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('labs', 'readwrite').objectStore('labs');
            // The journal's entries are kept in chunks after the lab's record.
            const put = store.put('garbage', 'rolling-updates#journal#0');
            put.onsuccess = () => {
              open.result.close();
              resolve();
            };
            put.onerror = () => reject(put.error);
          };
        }),
    );
    await freezeAndRestart('progress and /root files kept; cluster reset.');
    await lab.waitForSelector('.notice[role=status]:has-text("Your cluster could not be rebuilt as you left it (the record of your commands could not be read)")');
    await lab.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass', { timeout: 10_000 });
    await runToPrompt('cat kept2.txt', 'still-here\ncontrolplane ~ ➜');
    await runToPrompt('kubectl rollout history deployment/frontend', 'REVISION');
    await pollFor(labScreen, (s) => /\n1 +<none>\n(\n)?controlplane ~ ➜ *$/.test(s.trimEnd() + ' '));
  });
}
