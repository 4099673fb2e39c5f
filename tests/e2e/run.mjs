#!/usr/bin/env node
// End-to-end journeys in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against the built app served on 127.0.0.1. Writes {passed, failed} to --report=FILE.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const reportArg = process.argv.find((a) => a.startsWith('--report='));
const PORT = 4173;
const results = [];

async function pollFor(read, predicate, timeoutMs = 10_000) {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    last = await read();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out; screen was:\n${last}`);
}

async function journey(name, run) {
  try {
    await run();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  ✗ ${name}\n${error instanceof Error ? error.message : error}`);
  }
}

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { detached: true, stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const screen = () => page.locator('.xterm-rows').innerText();
  await pollFor(async () => {
    try {
      await page.goto(`http://127.0.0.1:${PORT}/`);
      return 'up';
    } catch {
      return '';
    }
  }, (s) => s === 'up', 20_000);

  await journey('the terminal shows the exam prompt and runs kubectl get nodes', async () => {
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'));
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get nodes');
    await page.keyboard.press('Enter');
    const text = await pollFor(screen, (s) => s.includes('node01'));
    if (!/controlplane\s+Ready\s+control-plane/.test(text)) throw new Error(`unexpected output:\n${text}`);
  });

  await journey('a failing command turns the prompt into ✖', async () => {
    await page.keyboard.type('foo');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('bash: foo: command not found') && s.includes('controlplane ~ ✖'));
  });

  await journey('the rolling-updates lab: answer a question, upgrade the image, and see the task pass', async () => {
    await page.goto(`http://127.0.0.1:${PORT}/#/labs/rolling-updates`);
    await page.waitForSelector('[data-testid=lab-step-current-color]', { timeout: 20_000 });
    await page.click('[data-testid=lab-step-current-color] >> text=blue');
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');
    const preview = page.frameLocator('[data-testid=app-preview] iframe');
    await preview.locator('h2', { hasText: 'Application Version: v1' }).waitFor({ timeout: 10_000 });
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'));
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('deployment.apps/frontend image updated'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=rollout-view] g.rs').length === 2, null, { timeout: 15_000 });
    await page.click('[data-testid=lab-step-upgrade-to-v2] [data-testid=check-button]');
    await page.waitForSelector('[data-testid=lab-step-upgrade-to-v2] .verdict.pass', { timeout: 10_000 });
  });

  await journey('progress and files survive a reload', async () => {
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('echo kept > mine.txt');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.split('controlplane ~ ➜').length > 3);
    await page.reload();
    await page.waitForSelector('[data-testid=lab-step-upgrade-to-v2] .verdict.pass', { timeout: 20_000 });
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'));
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('cat mine.txt');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('kept'));
  });

  await journey('init-containers: the purple step stays closed until opened, then the pod is there', async () => {
    const lab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      const labScreen = () => lab.locator('.xterm-rows').innerText();
      await lab.goto(`http://127.0.0.1:${PORT}/#/labs/init-containers`);
      const purple = '[data-testid=lab-step-purple-init-count]';
      await lab.waitForSelector(`${purple}.closed`, { timeout: 20_000 });
      if ((await lab.locator('[data-testid=lab-step-purple-state]').innerText()).includes('state of the POD')) throw new Error('a later step shows its question before it is reached');
      await pollFor(labScreen, (s) => s.includes('controlplane ~ ➜'), 20_000);
      await lab.click(`${purple} >> text=Open it now`);
      await pollFor(() => lab.locator(purple).innerText(), (t) => t.includes('purple'));
      await lab.click('[data-testid=terminal]');
      await lab.keyboard.type('kubectl get pods purple');
      await lab.keyboard.press('Enter');
      await pollFor(labScreen, (s) => /purple\s+0\/1\s+Init:0\/2/.test(s), 20_000);
    } finally {
      await lab.close();
    }
  });

  await journey('Tab completes kubectl verbs and object names', async () => {
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl rollout stat');
    await page.keyboard.press('Tab');
    await pollFor(screen, (s) => s.includes('kubectl rollout status '));
    await page.keyboard.type('deploy fro');
    await page.keyboard.press('Tab');
    await pollFor(screen, (s) => s.includes('kubectl rollout status deploy frontend'));
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('deployment "frontend" successfully rolled out'), 30_000);
  });

  /** Runs one command line in the terminal and waits for `expected` on the screen. */
  const run = async (line, expected, timeoutMs) => {
    await page.click('[data-testid=terminal]');
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    if (expected) return pollFor(screen, (s) => s.includes(expected), timeoutMs);
  };
  const tab = (path) => `[data-testid=editor-tab][data-path="${path}"]`;
  /** Waits for Monaco to show `path` and puts the cursor at the end of the first line matching `pattern` (or of the text). */
  const cursorInMonaco = async (path, pattern) => {
    await page.waitForSelector(`${tab(path)}[aria-selected=true]`);
    await page.waitForFunction((p) => globalThis.__editor?.getModel()?.uri.path === p, path, { timeout: 30_000 });
    await page.evaluate((source) => {
      const editor = globalThis.__editor;
      const model = editor.getModel();
      const match = source ? model.findMatches(source, false, true, false, null, false)[0] : undefined;
      const line = match ? match.range.startLineNumber : model.getLineCount();
      editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
      editor.focus();
    }, pattern ?? null);
  };
  const openFromList = async (path) => {
    if ((await page.getAttribute('[data-testid=editor-files-toggle]', 'aria-pressed')) !== 'true') await page.click('[data-testid=editor-files-toggle]');
    await page.click(`[data-testid=editor-file][data-path="${path}"]`, { timeout: 10_000 });
  };
  const markers = () => page.evaluate(() => globalThis.__monaco.editor.getModelMarkers({ resource: globalThis.__editor.getModel().uri }).map((m) => m.message).join('\n'));

  await journey('vi opens a file in the editor; saving writes it and cat shows it', async () => {
    await run('vi notes.txt');
    await cursorInMonaco('/root/notes.txt');
    await page.keyboard.type('hello from the editor');
    await page.waitForSelector(`${tab('/root/notes.txt')} [data-testid=editor-dirty]`);
    await page.keyboard.press('Control+s');
    await page.waitForSelector(tab('/root/notes.txt'), { state: 'detached' });
    await run('cat notes.txt', 'hello from the editor');
  });

  await journey('kubectl edit opens the live object in Monaco; saving applies it', async () => {
    await run('kubectl edit deployment frontend');
    const path = await page.waitForSelector('[data-testid=editor-tab][data-path^="/tmp/kubectl-edit-"]', { timeout: 30_000 }).then((t) => t.getAttribute('data-path'));
    await cursorInMonaco(path, '^  replicas: ');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('5');
    await page.click('[data-testid=editor-save]');
    await pollFor(screen, (s) => s.includes('deployment.apps/frontend edited'));
    await run(`kubectl get deployment frontend -o jsonpath='{.spec.replicas}{"\\n"}'`);
    await pollFor(screen, (s) => /\n5\n/.test(s));
  });

  await journey('kubectl edit: an invalid change comes back with the error; closing leaves the copy in /tmp', async () => {
    await run('kubectl edit deployment frontend');
    const first = await page.waitForSelector('[data-testid=editor-tab][data-path^="/tmp/kubectl-edit-"]', { timeout: 30_000 }).then((t) => t.getAttribute('data-path'));
    await cursorInMonaco(first, '^  replicas: ');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('-1');
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

  // Terminal streaming, clock, rollout view and watchdog journeys, in their own browser context
  // (own IndexedDB) with the worker's test hooks enabled.
  {
    const lab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const labScreen = () => lab.locator('.xterm-rows').innerText();
    const PROMPT = /controlplane ~ [➜✖]\s*$/;
    const atPrompt = (s) => PROMPT.test(s.trimEnd() + ' ');
    const typeLine = async (line) => {
      await lab.click('[data-testid=terminal]');
      await lab.keyboard.type(line);
      await lab.keyboard.press('Enter');
    };
    const count = (s, word) => s.split('\n').filter((l) => l.trim() === word).length;
    const columns = () => lab.evaluate(() => [...document.querySelectorAll('[data-testid=rollout-view] g.rs:not(.exiting)')].map((g) => g.querySelector('text.rs-title')?.textContent ?? ''));
    await lab.goto(`http://127.0.0.1:${PORT}/?test-hooks=1#/labs/rolling-updates`);
    await pollFor(labScreen, (s) => s.includes('controlplane ~ ➜'), 20_000);
    // Progress to keep across the worker restart below; answered while the deployment still runs v1.
    await lab.click('[data-testid=lab-step-current-color] >> text=blue');
    await lab.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');

    await journey('kubectl get pods -w streams new lines while a rollout proceeds and stops on Ctrl-C', async () => {
      await typeLine('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2');
      await pollFor(labScreen, (s) => s.includes('deployment.apps/frontend image updated') && atPrompt(s));
      await typeLine('kubectl get pods -w');
      const listed = await pollFor(labScreen, (s) => /NAME\s+READY\s+STATUS/.test(s));
      const before = listed.split('\n').length;
      await pollFor(labScreen, (s) => s.split('\n').length >= before + 2 && /ContainerCreating|Terminating|Running/.test(s), 20_000);
      await lab.keyboard.press('Control+c');
      await pollFor(labScreen, (s) => /\^C\ncontrolplane ~ ✖/.test(s) && atPrompt(s));
    });

    await journey('a while loop with sleep prints tick by tick and stops on Ctrl-C', async () => {
      await typeLine('clear');
      await typeLine('while true; do echo tick; sleep 1; done');
      const first = count(await pollFor(labScreen, (s) => count(s, 'tick') >= 1), 'tick');
      await pollFor(labScreen, (s) => count(s, 'tick') >= first + 2, 10_000);
      await lab.keyboard.press('Control+c');
      const stopped = count(await pollFor(labScreen, (s) => s.includes('^C') && atPrompt(s)), 'tick');
      await new Promise((r) => setTimeout(r, 2000));
      if (count(await labScreen(), 'tick') !== stopped) throw new Error('the loop went on after Ctrl-C');
    });

    await journey('loops without sleep keep the page live and stop on Ctrl-C', async () => {
      for (const loop of ['while true; do echo x; done', 'while true; do :; done']) {
        await typeLine('clear');
        await typeLine(loop);
        await new Promise((r) => setTimeout(r, 2000));
        // The page answers while the worker loops: the header clock still moves.
        const t1 = await lab.textContent('[data-testid=clock-now]', { timeout: 2000 });
        await pollFor(() => lab.textContent('[data-testid=clock-now]', { timeout: 2000 }), (t) => t !== t1, 5000);
        await lab.keyboard.press('Control+c');
        await pollFor(labScreen, (s) => atPrompt(s), 5000);
      }
    });

    await journey('Ctrl-R finds an earlier command and Enter runs it; Alt+P pauses without typing into the line', async () => {
      await typeLine('clear');
      await typeLine('echo first-marker');
      await typeLine('echo second');
      await pollFor(labScreen, (s) => s.includes('second\ncontrolplane') && atPrompt(s));
      await lab.keyboard.press('Control+r');
      await lab.keyboard.type('first');
      await pollFor(labScreen, (s) => s.includes("(reverse-i-search)`first': echo first-marker"));
      await lab.keyboard.press('Enter');
      await pollFor(labScreen, (s) => (s.match(/^first-marker$/gm) ?? []).length === 2 && /controlplane ~ ➜ {2}echo first-marker\nfirst-marker\ncontrolplane ~ ➜\s*$/.test(s));
      await lab.keyboard.press('Alt+p');
      await lab.waitForSelector('[data-testid=clock-controls] >> text=Play');
      await lab.keyboard.press('Alt+p');
      await lab.waitForSelector('[data-testid=clock-controls] >> text=Pause');
      await lab.keyboard.type('echo ok');
      await lab.keyboard.press('Enter');
      await pollFor(labScreen, (s) => /^ok$/m.test(s) && atPrompt(s));
    });

    await journey('fast-forward until settled (Alt+S) finishes a rollout while the clock is paused', async () => {
      await lab.click('[data-testid=clock-controls] >> text=Pause');
      await lab.click('[data-testid=clock-settle]');
      await lab.waitForSelector('[data-testid=clock-settle-status]:has-text("Settled after"), [data-testid=clock-settle-status]:has-text("Nothing pending")', { timeout: 20_000 });
      await pollFor(async () => (await columns()).join('|'), (c) => c.startsWith('rev 2') && !c.includes('|'), 5000);
      await typeLine('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v3');
      await pollFor(labScreen, (s) => s.includes('deployment.apps/frontend image updated') && atPrompt(s));
      await lab.keyboard.press('Alt+s');
      await lab.waitForSelector('[data-testid=clock-settle-status]:has-text("Settled after")', { timeout: 20_000 });
      await pollFor(async () => (await columns()).join('|'), (c) => c.startsWith('rev 3') && !c.includes('|'), 5000);
      const bounds = await lab.evaluate(() => ['ceiling', 'floor', 'desired', 'total', 'available'].map((k) => document.querySelector(`[data-testid=bound-${k}]`)?.getAttribute('data-value')).join(' '));
      if (bounds !== '5 3 4 4 4') throw new Error(`bounds were ${bounds}`);
      await typeLine('kubectl rollout status deployment/frontend');
      await pollFor(labScreen, (s) => s.includes('deployment "frontend" successfully rolled out') && atPrompt(s), 5000);
      await lab.click('[data-testid=clock-controls] >> text=Play');
    });

    await journey('the scrubber shows an earlier moment of the rollout with two ReplicaSet columns', async () => {
      await lab.focus('[data-testid=rollout-scrubber]');
      let shown = await columns();
      for (let i = 0; i < 200 && shown.length !== 2; i++) {
        await lab.keyboard.press('ArrowLeft');
        shown = await columns();
      }
      if (shown.length !== 2 || !shown[0].startsWith('rev 2') || !shown[1].startsWith('rev 3')) throw new Error(`columns: ${shown.join(', ')}`);
      await lab.waitForSelector('[data-testid=rollout-live][aria-pressed=false]');
      await lab.waitForSelector('[data-testid=rollout-timeline] [data-testid=timeline-event]');
      await lab.click('[data-testid=rollout-live]');
      await pollFor(async () => (await columns()).join('|'), (c) => c.startsWith('rev 3') && !c.includes('|'), 5000);
    });

    await journey('a hung worker is restarted from what was saved: a file written before the hang is kept', async () => {
      await typeLine('clear');
      await typeLine('echo written-before-the-hang > kept.txt');
      await pollFor(labScreen, (s) => s.includes('kept.txt') && atPrompt(s));
      await lab.evaluate(() => window.ckaLabTest.freezeWorker());
      await typeLine('ls');
      await pollFor(labScreen, (s) => s.includes('[cka-lab] Session restarted (not responding)'), 20_000);
      await pollFor(labScreen, (s) => atPrompt(s), 20_000);
      await lab.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass', { timeout: 10_000 });
      await typeLine('cat kept.txt');
      await pollFor(labScreen, (s) => s.includes('written-before-the-hang\ncontrolplane ~ ➜'));
    });
    await lab.close();
  }

  mkdirSync('tests/output', { recursive: true });
  await page.screenshot({ path: 'tests/output/terminal.png' });
} finally {
  await browser.close();
  try {
    process.kill(-server.pid);
  } catch {}
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (reportArg) writeFileSync(reportArg.slice('--report='.length), JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
