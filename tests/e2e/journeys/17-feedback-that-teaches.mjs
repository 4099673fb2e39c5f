// Feedback that teaches (issue 14 item 3): a wrong choice says why, a failed Check says what it
// found and expected, solutions are wrapped code blocks with a copy button, a question's solution is
// an answer in words, values named in a prompt copy with one click, a folded title shows no backtick.
import { pollFor, terminalOf } from '../support.mjs';

export default async function ({ newBrowser, url, journey }) {
  const context = await newBrowser({ width: 1280, height: 720 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url('/') });
  const page = await context.newPage();
  const { screen } = terminalOf(page);
  const step = (id) => page.locator(`[data-testid=lab-step-${id}]`);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  // innerText puts a blank line around a paragraph; the lines themselves are what a learner reads.
  const lines = async (locator) => (await locator.innerText({ timeout: 10_000 })).split(/\n+/).join('\n');
  await page.goto(url('/#/labs/rolling-updates'));
  // The lab may still be held by a page of an earlier journey for a moment: take it here.
  await page
    .getByRole('button', { name: 'Use it here' })
    .click({ timeout: 5000 })
    .catch(() => {});
  await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 60_000);

  await journey('a wrong choice shows why it is wrong, in the lab’s words', async () => {
    await step('current-color').getByRole('button', { name: 'green', exact: true }).click();
    const verdict = await lines(step('current-color').locator('.verdict.fail'));
    const expected = '✖ answered "green", which is not right\nGreen is the colour of kodekloud/webapp-color:v2; the running v1 pods serve blue.';
    if (verdict !== expected) throw new Error(`the verdict reads:\n${verdict}`);
  });

  await journey('the right choice passes and says why it is right', async () => {
    await step('current-color').getByRole('button', { name: 'blue', exact: true }).click();
    await step('current-color').locator('.lab-step-fold').click();
    const verdict = await lines(step('current-color').locator('.verdict.pass'));
    if (!verdict.startsWith('✔ answered "blue"\nRight: the app shows a blue page')) throw new Error(`the verdict reads:\n${verdict}`);
  });

  await journey('"Show solution" for a question gives the answer as a sentence and why', async () => {
    await step('pod-count').getByRole('button', { name: 'Show solution' }).click();
    const text = await lines(step('pod-count').locator('[data-testid=step-solution]'));
    const expected = 'The answer is 4.\n`replicas: 4`, shown as READY 4/4 by `kubectl get deployment frontend`.'.replace(/`/g, '');
    if (text !== expected) throw new Error(`the solution reads:\n${text}`);
  });

  await journey('a failed Check says in one sentence what it found and what it expected', async () => {
    await step('upgrade-to-v2').locator('[data-testid=check-button]').click();
    const verdict = await step('upgrade-to-v2').locator('.verdict.fail').innerText({ timeout: 10_000 });
    const expected = '✖ deployment frontend (container simple-webapp) has image kodekloud/webapp-color:v1; expected kodekloud/webapp-color:v2';
    if (verdict !== expected) throw new Error(`the verdict reads:\n${verdict}`);
  });

  await journey('a task’s solution is a wrapped code block whose Copy button copies every line', async () => {
    await step('upgrade-to-v2').getByRole('button', { name: 'Show solution' }).click();
    const block = step('upgrade-to-v2').locator('.solution-code pre');
    const { overflow, wrap } = await block.evaluate((pre) => ({ overflow: pre.scrollWidth - pre.clientWidth, wrap: getComputedStyle(pre).whiteSpace }));
    if (overflow > 0 || wrap !== 'pre-wrap') throw new Error(`the solution runs ${overflow}px off the panel (white-space ${wrap})`);
    await step('upgrade-to-v2').getByRole('button', { name: 'Copy the solution' }).click();
    const copied = await pollFor(clipboard, (c) => c !== '');
    if (copied !== 'kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2') throw new Error(`copied ${JSON.stringify(copied)}`);
  });

  await journey('a value the task names in backticks copies with one click', async () => {
    const value = step('upgrade-to-v2').getByRole('button', { name: 'Copy kodekloud/webapp-color:v2' });
    await value.click();
    await value.locator('.copied-note').waitFor();
    const copied = await pollFor(clipboard, (c) => c === 'kodekloud/webapp-color:v2');
    if (copied !== 'kodekloud/webapp-color:v2') throw new Error(`copied ${JSON.stringify(copied)}`);
  });

  await journey('a folded step’s title shows its code as code, never a raw backtick', async () => {
    await page.locator('[data-testid=clock-settle]').click();
    const { typeLine } = terminalOf(page);
    await typeLine('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2');
    await step('upgrade-to-v2').locator('[data-testid=check-button]').click();
    await step('upgrade-to-v2').locator('.verdict.pass').waitFor({ timeout: 20_000 });
    const titles = await page.locator('.lab-step-fold').allInnerTexts();
    const raw = titles.filter((t) => t.includes('`') || t.includes('**'));
    if (titles.length < 2 || raw.length > 0) throw new Error(`folded titles: ${JSON.stringify(titles)}`);
    await page.screenshot({ path: 'tests/output/screenshots/feedback-1280x720.png' });
  });
}
