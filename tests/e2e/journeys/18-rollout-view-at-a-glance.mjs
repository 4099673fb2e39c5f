// The rollout view readable at a glance (issue 14 item 4), at 1280×720 and in the 800×600 embed: a
// legend, no label over another, the surge and unavailable bounds inside the panel, a timeline
// with a virtual-time axis and the rollout's markers. Screenshots go to tests/output/screenshots.
import { pollFor, terminalOf, showPane } from '../support.mjs';

/** Every problem a glance would catch: overlapping texts, anything drawn outside its svg. */
function layoutProblems() {
  const problems = [];
  const view = document.querySelector('[data-testid=rollout-view]');
  const panel = view.getBoundingClientRect();
  const texts = [...view.querySelectorAll('g.rs:not(.exiting) text')].map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
  for (const [i, a] of texts.entries()) {
    for (const b of texts.slice(i + 1)) {
      const overlap = a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1 && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1;
      if (overlap) problems.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  for (const id of ['rollout-bounds', 'rollout-timeline']) {
    const svg = view.querySelector(`[data-testid=${id}]`);
    const box = svg.getBoundingClientRect();
    if (box.right > panel.right + 0.5) problems.push(`${id} is ${Math.round(box.right - panel.right)}px wider than the panel`);
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) problems.push(`${id}: "${t.textContent}" is outside it`);
    }
  }
  return problems;
}

async function watchRollout(page, size, label) {
  const { screen, typeLine, atPrompt } = terminalOf(page);
  // The lab may still be held by a page of an earlier journey for a moment: take it here.
  await page
    .getByRole('button', { name: 'Use it here' })
    .click({ timeout: 5000 })
    .catch(() => {});
  await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 60_000).catch(async (error) => {
    await page.screenshot({ path: `tests/output/screenshots/rollout-no-prompt-${size}.png` });
    throw error;
  });
  await typeLine('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2');
  await pollFor(screen, (s) => s.includes('deployment.apps/frontend image updated') && atPrompt(s));
  await showPane(page, 'rollout');
  const view = page.locator('[data-testid=rollout-view]');
  await view.scrollIntoViewIfNeeded();
  // Mid-rollout: two revisions side by side, the moment labels crowd most.
  await pollFor(
    () => page.locator('[data-testid=rollout-view] g.rs:not(.exiting)').count(),
    (n) => n >= 2,
    20_000,
  );
  await page.locator('[data-testid=timeline-event][data-kind=rollout-start]').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  const during = await page.evaluate(layoutProblems);
  if (during.length > 0) throw new Error(`${label} mid-rollout: ${during.join('; ')}`);
  // Fast-forward until settled by its shortcut: the embed has no room for the clock's buttons.
  await page.keyboard.press('Control+Alt+s');
  await page.locator('[data-testid=timeline-event][data-kind=rollout-complete]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  const after = await page.evaluate(layoutProblems);
  if (after.length > 0) throw new Error(`${label} after the rollout: ${after.join('; ')}`);
  const legend = await page.locator('[data-testid=rollout-legend]').innerText();
  for (const words of [
    'Running, ready',
    'Terminating',
    'available pods',
    'maxSurge',
    'maxUnavailable',
    'desired replicas',
    'rollout started',
    'rollout complete',
    'ReplicaSet scaled up',
  ]) {
    if (!legend.includes(words)) throw new Error(`the legend does not say "${words}":\n${legend}`);
  }
  const ticks = await page.locator('[data-testid=rollout-time-axis] .tick text').allTextContents();
  if (ticks.length < 2 || !ticks.every((t) => /^\d\d:\d\d:\d\d$/.test(t))) throw new Error(`time axis ticks: ${JSON.stringify(ticks)}`);
  const scaled = await page.locator('[data-testid=timeline-event][data-kind^=scaled-]').count();
  if (scaled < 2) throw new Error(`only ${scaled} scaling markers on the timeline`);
  await view.screenshot({ path: `tests/output/screenshots/rollout-view-${size}.png` });
  await page.screenshot({ path: `tests/output/screenshots/rollout-page-${size}.png` });
}

export default async function ({ newPage, url, journey }) {
  await journey('at 1280×720 the rollout view has a legend, an axis and markers, and nothing overlaps or leaves the panel', async () => {
    const page = await newPage({ width: 1280, height: 720 });
    await page.goto(url('/#/labs/rolling-updates'));
    await watchRollout(page, '1280x720', '1280×720').finally(() => page.close());
  });

  await journey('in the 800×600 embed the bounds and the timeline still fit the narrow panel', async () => {
    const page = await newPage({ width: 800, height: 600 });
    await page.goto(url('/?embed=1#/labs/rolling-updates'));
    await watchRollout(page, '800x600', '800×600 embed');
  });
}
