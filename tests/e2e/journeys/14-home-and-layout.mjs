// The home page's catalogue and Continue, and the lab layout: a terminal of at least 80 columns at
// 1280×720 with the editor open, at 1920×1080 and in an 800×600 embed; sizes kept across a reload.
import { mkdirSync } from 'node:fs';
import { editorOf, pollFor, showPane, terminalOf } from '../support.mjs';

const SHOTS = 'tests/output/screenshots';

/** The terminal's width in columns, as the shell was told it. */
const columnsOf = async (page) => Number(await page.getAttribute('[data-testid=terminal]', 'data-cols'));

async function expectColumns(page, what) {
  const cols = await pollFor(
    () => columnsOf(page),
    (c) => c >= 80,
    5000,
  ).catch(async () => columnsOf(page));
  if (!(cols >= 80)) throw new Error(`${what}: the terminal has ${cols} columns`);
  return cols;
}

const separator = async (page, id) => Number(await page.getAttribute(`[data-testid=${id}]`, 'aria-valuenow'));

export default async function play({ newPage, url, journey }) {
  mkdirSync(SHOTS, { recursive: true });
  const page = await newPage({ width: 1280, height: 720 });
  const { waitForPrompt, typeLine, screen } = terminalOf(page);
  await page.goto(url('/'));

  await journey('a newcomer lands on the catalogue: every lab with its length and progress, and free play', async () => {
    await page.waitForSelector('[data-testid=home-lab]', { timeout: 60_000 });
    const labs = await page.locator('[data-testid=home-lab]').count();
    if (labs < 10) throw new Error(`${labs} labs listed`);
    const card = page.locator('[data-testid=home-lab][data-lab-id=rolling-updates]');
    const text = await card.innerText();
    if (!text.includes('Rolling Updates and Rollbacks') || !text.includes('about 25 min') || !text.includes('Not started')) throw new Error(`the card reads:\n${text}`);
    if ((await page.locator('[data-testid=home-continue]').count()) !== 0) throw new Error('a first visit offers to continue');
    await page.waitForSelector('[data-testid=home-free-play] a[href="#/free-play"]');
    if ((await page.locator('[data-testid=terminal]').count()) !== 0) throw new Error('the home page shows a terminal');
    await page.screenshot({ path: `${SHOTS}/home-1280x720.png` });
  });

  await journey('a lab started from the home page shows its score there, and Continue goes back to it', async () => {
    await page.click('[data-testid=home-lab][data-lab-id=rolling-updates] .lab-card-go');
    await page.waitForSelector('[data-testid=lab-step-current-color]', { timeout: 60_000 });
    await page.click('[data-testid=lab-step-current-color] >> text=blue');
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');
    await page.click('[data-testid=home-link]');
    const progress = page.locator('[data-testid=home-lab][data-lab-id=rolling-updates] [data-testid=home-lab-progress]');
    await pollFor(
      () => progress.innerText(),
      (t) => /^1 of \d+ passed$/.test(t),
      10_000,
    );
    const resume = await page.locator('[data-testid=home-continue]').innerText();
    if (!resume.includes('Rolling Updates and Rollbacks')) throw new Error(`Continue reads: ${resume}`);
    await page.click('[data-testid=home-continue]');
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass', { timeout: 60_000 });
    await waitForPrompt(60_000);
  });

  await journey('at 1280×720 with the editor open the terminal keeps 80 columns and the steps stay in view', async () => {
    await typeLine("printf 'a: 1\\n' > notes.yaml");
    await pollFor(screen, (s) => s.split('controlplane ~ ➜').length > 2);
    await showPane(page, 'editor');
    await editorOf(page).openFromList('/root/notes.yaml');
    await page.waitForSelector('[data-testid=editor-tab][data-path="/root/notes.yaml"]');
    await expectColumns(page, '1280×720 with the editor');
    if (!(await page.locator('[data-testid=lab-panel]').isVisible())) throw new Error('the steps are hidden');
    await page.screenshot({ path: `${SHOTS}/lab-1280x720-editor.png` });
  });

  await journey('the panes resize by keyboard, and the layout is the same after a reload', async () => {
    const stepsBefore = await separator(page, 'steps-separator');
    // One press at a time, each on the focused separator and seen rendered before the next.
    for (const moved of [16, 32]) {
      await page.focus('[data-testid=steps-separator]');
      await page.keyboard.press('ArrowLeft');
      await pollFor(
        () => separator(page, 'steps-separator'),
        (v) => v === stepsBefore - moved,
        5_000,
      ).catch(() => undefined);
    }
    const steps = await separator(page, 'steps-separator');
    if (steps !== stepsBefore - 32) throw new Error(`the steps went from ${stepsBefore} to ${steps} px`);
    const dockBefore = await separator(page, 'dock-separator');
    await page.focus('[data-testid=dock-separator]');
    await page.keyboard.press('ArrowUp');
    const dock = await separator(page, 'dock-separator');
    if (!(dock > dockBefore)) throw new Error(`the dock went from ${dockBefore} to ${dock} %`);
    await page.reload();
    await page.waitForSelector('[data-testid=dock-separator]', { timeout: 20_000 });
    // The dock is the page's own; the steps column comes with the lab's view, once the worker has replayed the session.
    await page.waitForSelector('[data-testid=steps-separator]', { timeout: 60_000 });
    const after = [await separator(page, 'steps-separator'), await separator(page, 'dock-separator'), await page.getAttribute('[data-testid=dock-tab-editor]', 'aria-selected')];
    if (after.join() !== [steps, dock, 'true'].join()) throw new Error(`after the reload: ${after.join(', ')}, before: ${steps}, ${dock}, true`);
  });

  // A page left open keeps its lab's cluster running in its worker, which the next page's first
  // prompt competes with for CPU: on a loaded machine that wait passed the minute allowed.
  await page.close();

  await journey('at 1920×1080 the editor sits beside an 80-column terminal', async () => {
    const wide = await newPage({ width: 1920, height: 1080 });
    await wide.goto(url('/#/free-play'));
    await terminalOf(wide).waitForPrompt(60_000);
    await showPane(wide, 'editor');
    await wide.waitForSelector('.work-area.beside');
    await expectColumns(wide, '1920×1080');
    await wide.screenshot({ path: `${SHOTS}/lab-1920x1080.png` });
    await wide.goto(url('/#/labs/rolling-updates'));
    await wide.waitForSelector('[data-testid=lab-panel]', { timeout: 60_000 });
    await expectColumns(wide, '1920×1080 in a lab');
    await wide.screenshot({ path: `${SHOTS}/lab-1920x1080-steps.png` });
    await wide.close();
  });

  await journey('the 800×600 embed keeps 80 columns and folds the steps into a drawer', async () => {
    const embed = await newPage({ width: 800, height: 600 });
    await embed.goto(url('/?embed=1#/labs/init-containers'));
    await terminalOf(embed).waitForPrompt(60_000);
    await expectColumns(embed, '800×600 embed');
    if ((await embed.locator('.steps-column').count()) !== 0) throw new Error('the embed shows the steps column');
    await embed.click('[data-testid=steps-drawer-toggle]');
    await embed.waitForSelector('[data-testid=steps-drawer] [data-testid=lab-panel]');
    await embed.screenshot({ path: `${SHOTS}/embed-800x600-steps.png` });
    await embed.keyboard.press('Escape');
    await embed.waitForSelector('[data-testid=steps-drawer]', { state: 'hidden' });
    await expectColumns(embed, '800×600 embed after the drawer');
    await embed.screenshot({ path: `${SHOTS}/embed-800x600.png` });
  });
}
