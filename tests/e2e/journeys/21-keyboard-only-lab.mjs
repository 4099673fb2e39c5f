// Issue 14's "done when": from the home page through a lab with the keyboard only, at 1280×720,
// 1920×1080 and in the 800×600 embed, the terminal never under 80 columns. No click, no focus() from
// the test: every move is a key a learner presses.
import { mkdirSync } from 'node:fs';
import { pollFor, terminalOf } from '../support.mjs';

const SHOTS = 'tests/output/screenshots';
const LAB = 'multi-container-pods';

const SIZES = [
  ['1280x720', { width: 1280, height: 720 }, '/'],
  ['1920x1080', { width: 1920, height: 1080 }, '/'],
  ['800x600-embed', { width: 800, height: 600 }, '/?embed=1'],
];

/** Where the keyboard is: the area of the page, then the focused element's test id or text. */
const focusOf = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const area = element?.closest('.terminal-slot')
      ? 'terminal'
      : element?.closest('[data-testid=editor]')
        ? 'editor'
        : element?.closest('.steps-column, .steps-drawer')
          ? 'steps'
          : element?.closest('[data-testid=home]')
            ? 'home'
            : 'elsewhere';
    const step = element?.closest('[data-testid^=lab-step-]')?.getAttribute('data-testid') ?? '';
    const label = element?.getAttribute('aria-label') ?? element?.getAttribute('data-testid') ?? element?.textContent?.trim().slice(0, 40) ?? '';
    return { area, step, label, tag: element?.tagName.toLowerCase() ?? '' };
  });

/** Presses `key` until `wanted(focus)` holds, at most `limit` times; fails naming where the keyboard got stuck. */
async function pressUntil(page, key, wanted, limit, what) {
  for (let i = 0; i <= limit; i++) {
    const focus = await focusOf(page);
    if (wanted(focus)) return focus;
    await page.keyboard.press(key);
  }
  throw new Error(`${what}: ${limit} presses of ${key} ended at ${JSON.stringify(await focusOf(page))}`);
}

/** Ctrl+Alt+O (Shift: backwards) until the keyboard is in `area`. */
async function focusArea(page, area, backwards = false) {
  const key = backwards ? 'Control+Alt+Shift+KeyO' : 'Control+Alt+KeyO';
  for (let i = 0; i < 4; i++) {
    if ((await focusOf(page)).area === area) return;
    const before = (await focusOf(page)).area;
    await page.keyboard.press(key);
    await pollFor(
      async () => (await focusOf(page)).area,
      (a) => a !== before,
      5_000,
    ).catch(() => undefined);
  }
  throw new Error(`Ctrl+Alt+O never reached the ${area}: the keyboard is at ${JSON.stringify(await focusOf(page))}`);
}

async function expectColumns(page, what) {
  const columns = () => page.getAttribute('[data-testid=terminal]', 'data-cols').then(Number);
  const cols = await pollFor(columns, (c) => c >= 80, 5_000).catch(columns);
  if (!(cols >= 80)) throw new Error(`${what}: the terminal has ${cols} columns`);
}

/** Types a command line into the focused terminal and waits for the next prompt after `expected`. */
async function runKeys(page, line, expected, timeoutMs = 30_000) {
  const { screen } = terminalOf(page);
  const prompts = (s) => s.split('controlplane ~ ').length;
  const before = prompts(await screen());
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await pollFor(screen, (s) => prompts(s) > before && (!expected || s.includes(expected)), timeoutMs);
}

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: yellow',
  'spec:',
  '  containers:',
  '  - name: lemon',
  '    image: busybox',
  '    command: ["sleep", "1000"]',
  '  - name: gold',
  '    image: redis',
];

export default async function play({ newPage, newBrowser, url, journey }) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [name, viewport, start] of SIZES) {
    await journey(`at ${name}, a lab from the home page to its third step with the keyboard only, the terminal at 80 columns or more`, async () => {
      const page = await newPage(viewport);
      await page.goto(url(`${start}#/`));
      await page.waitForSelector('[data-testid=home-lab]', { timeout: 30_000 });

      // The home page puts the keyboard on its first way in; Tab walks the cards to the lab's button.
      await pressUntil(page, 'Tab', (f) => f.label === 'Start Multi-Container Pods', 80, 'the lab card');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=lab-panel], [data-testid=steps-drawer-toggle]', { timeout: 30_000 });
      await terminalOf(page).waitForPrompt(60_000);
      await expectColumns(page, `${name}, the lab started`);
      await page.screenshot({ path: `${SHOTS}/keys-${name}-start.png` });

      // Step 1 asks for a number: Ctrl+Alt+O brings the keyboard to its answer box.
      await focusArea(page, 'steps');
      const answerBox = await focusOf(page);
      if (answerBox.step !== 'lab-step-red-container-count' || answerBox.tag !== 'input') throw new Error(`the steps' first stop is ${JSON.stringify(answerBox)}`);
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=lab-step-red-container-count].passed', { timeout: 10_000 });
      // The answered step folds; the keyboard goes on to the next one instead of falling to the page.
      const next = await pollFor(
        () => focusOf(page),
        (f) => f.step === 'lab-step-blue-container-names',
        5_000,
      ).catch(() => focusOf(page));
      if (next.step !== 'lab-step-blue-container-names') throw new Error(`after the answer the keyboard is at ${JSON.stringify(next)}`);
      await expectColumns(page, `${name}, step 1 answered`);

      // Step 2 is a choice: arrows move between the choices, Enter picks one.
      await pressUntil(page, 'ArrowDown', (f) => f.label === 'teal & navy', 4, 'the choices');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=lab-step-blue-container-names].passed', { timeout: 10_000 });
      await pollFor(
        () => focusOf(page),
        (f) => f.step === 'lab-step-yellow',
        5_000,
      );
      // In the embed the steps are a drawer over the work area: Escape folds it back.
      if (name.includes('embed')) {
        await page.keyboard.press('Escape');
        await page.waitForSelector('[data-testid=steps-drawer]', { state: 'hidden' });
      }

      // Step 3 is a task: a file written in the terminal, edited and saved in the editor, applied.
      await focusArea(page, 'terminal');
      await runKeys(page, `printf '%s\\n' ${POD.map((l) => `'${l}'`).join(' ')} > yellow.yaml`);
      await expectColumns(page, `${name}, in the terminal`);
      await page.keyboard.type('vi yellow.yaml');
      await page.keyboard.press('Enter');
      await pollFor(
        () => focusOf(page),
        (f) => f.area === 'editor',
        30_000,
      );
      await page.waitForSelector('[data-testid=editor-vim-status]:has-text("NORMAL")', { timeout: 30_000 });
      await expectColumns(page, `${name}, with the editor open`);
      await page.screenshot({ path: `${SHOTS}/keys-${name}-editor.png` });
      // A comment line above the first, then :wq.
      await page.keyboard.type('ggO# the yellow pod');
      await page.keyboard.press('Escape');
      await page.keyboard.type(':wq');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=editor-tab][data-path="/root/yellow.yaml"]', { state: 'detached' });
      // :wq hands the keyboard back to the terminal, as vim does when it exits.
      await pollFor(
        () => focusOf(page),
        (f) => f.area === 'terminal',
        5_000,
      );
      await runKeys(page, 'head -1 yellow.yaml', '# the yellow pod');
      await runKeys(page, 'kubectl apply -f yellow.yaml', 'pod/yellow created');
      await runKeys(page, 'kubectl wait --for=condition=Ready pod/yellow --timeout=60s', 'condition met', 90_000);

      // Back to the steps (backwards from the terminal) and on to Check.
      await focusArea(page, 'steps', true);
      await pressUntil(page, 'Tab', (f) => f.label === 'check-button', 12, 'the Check button');
      await page.keyboard.press('Enter');
      const verdict = await page.waitForSelector('[data-testid=lab-step-yellow] .verdict', { timeout: 30_000 });
      const read = await verdict.innerText();
      if (!read.startsWith('✔')) throw new Error(`Check says: ${read}`);
      const after = await pollFor(
        () => focusOf(page),
        (f) => f.step !== 'lab-step-yellow' && f.area === 'steps',
        5_000,
      ).catch(() => focusOf(page));
      if (after.area !== 'steps' || after.step === 'lab-step-yellow') throw new Error(`after Check the keyboard is at ${JSON.stringify(after)}`);
      await expectColumns(page, `${name}, the task checked`);
      await page.screenshot({ path: `${SHOTS}/keys-${name}-checked.png` });
      await page.close();
    });
  }
  await playMenuAndEmptyEditor({ newBrowser, url, journey });
}

/** The terminal's context menu and the empty editor, on free play at 1280×720. */
export async function playMenuAndEmptyEditor({ newBrowser, url, journey }) {
  await journey('Shift+F10 in the terminal opens its menu: Copy waits for a selection, Paste types the clipboard', async () => {
    const context = await newBrowser({ width: 1280, height: 720 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url('/').replace(/\/$/, '') });
    const page = await context.newPage();
    await page.goto(url('/#/free-play'));
    await terminalOf(page).waitForPrompt(60_000);
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-by-menu'));
    await focusArea(page, 'terminal');
    await page.keyboard.press('Shift+F10');
    await page.waitForSelector('[data-testid=terminal-menu]');
    const items = await page
      .locator('[data-testid=terminal-menu] [role=menuitem]')
      .evaluateAll((buttons) => buttons.map((b) => `${b.textContent}${b.disabled ? ' (disabled)' : ''}`));
    if (items.join(' | ') !== 'Copy Ctrl+Shift+C (disabled) | Paste Ctrl+Shift+V') throw new Error(`the menu offers: ${items.join(' | ')}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=terminal-menu]', { state: 'detached' });
    if ((await focusOf(page)).area !== 'terminal') throw new Error(`after Paste the keyboard is at ${JSON.stringify(await focusOf(page))}`);
    await runKeys(page, '', '\npasted-by-menu\n');
    await page.keyboard.press('Shift+F10');
    await page.waitForSelector('[data-testid=terminal-menu]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=terminal-menu]', { state: 'detached' });

    // With no file open the editor is its Files strip alone, with no empty Monaco beside it.
    await focusArea(page, 'editor');
    await page.waitForSelector('[data-testid=editor].collapsed');
    if ((await page.locator('[data-testid=editor] .monaco-editor').count()) !== 0) throw new Error('an empty Monaco shows with no file open');
    const stop = await focusOf(page);
    if (stop.label !== 'editor-files-toggle') throw new Error(`Ctrl+Alt+O into the empty editor lands on ${JSON.stringify(stop)}`);
    await context.close();
  });
}
