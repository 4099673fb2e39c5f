// What a learner sees around a reload: unsaved editor text, and a rollout made with the clock paused, played again.
import { editorOf, pollFor, terminalOf } from '../support.mjs';

const LAB = 'rolling-updates';

export default async function ({ newPage, url, journey }) {
  const page = await newPage({ width: 1400, height: 900 });
  const { screen, typeLine, atPrompt } = terminalOf(page);
  const unwrapped = async () => (await screen()).replaceAll('\n', '');
  const runToPrompt = async (line, expected, timeoutMs) => {
    await typeLine(line);
    return pollFor(unwrapped, (s) => s.includes(expected) && atPrompt(s), timeoutMs);
  };
  const clockNow = () => page.locator('[data-testid=clock-now]').innerText();
  const { tab, cursorAt, openFromList, text } = editorOf(page);
  const FILE = '/root/curl-pod.yaml';
  const dirty = () => page.locator(`${tab(FILE)} [data-testid=editor-dirty]`).count();

  await page.goto(url(`/#/labs/${LAB}`));
  await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 20_000);

  await journey('Play pressed and a command typed while a paused rollout is restored: the clock plays and the command runs', async () => {
    // Ten minutes of a cluster at work make a replay that takes a while.
    await runToPrompt('kubectl scale deploy/frontend --replicas=8', 'deployment.apps/frontend scaled');
    for (let i = 0; i < 10; i++) await page.click('button[title^="Move the clock one minute ahead"]');
    await page.click('button[title^="Pause the cluster clock"]');
    await page.waitForSelector('button[title^="Play the cluster clock"]');
    await runToPrompt('kubectl set image deploy/frontend simple-webapp=kodekloud/webapp-color:v2', 'deployment.apps/frontend image updated');
    await page.reload();
    // The restored clock shows as paused before the session is back; the learner does not wait for the prompt.
    await page.click('button[title^="Play the cluster clock"]', { timeout: 10_000 });
    await typeLine('kubectl get pods');
    await pollFor(unwrapped, (s) => /controlplane ~ ➜  kubectl get podsNAME +READY +STATUS +RESTARTS +AGE.*frontend-.*controlplane ~ ➜ $/.test(s.trimEnd() + ' '), 30_000);
    const before = await clockNow();
    await pollFor(clockNow, (now) => now !== before, 5_000);
    await page.waitForSelector('button[title^="Pause the cluster clock"]');
    await runToPrompt('kubectl rollout status deploy/frontend', 'deployment "frontend" successfully rolled out', 120_000);
  });

  await journey('text typed in the editor and not saved comes back after a reload, unsaved, and the file is untouched', async () => {
    await page.reload();
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await openFromList(FILE);
    await cursorAt(FILE);
    await page.keyboard.type('# my unsaved note');
    await pollFor(dirty, (n) => n === 1);
    // Kept after a short pause in typing.
    await page.waitForTimeout(1000);
    await page.reload();
    await cursorAt(FILE);
    await pollFor(text, (t) => t.trimEnd().endsWith('# my unsaved note'));
    await pollFor(dirty, (n) => n === 1);
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await runToPrompt('grep -c "my unsaved" curl-pod.yaml', 'grep -c "my unsaved" curl-pod.yaml0');
    await cursorAt(FILE);
    await page.keyboard.press('Control+s');
    await pollFor(dirty, (n) => n === 0);
    await runToPrompt('grep -c "my unsaved" curl-pod.yaml', 'grep -c "my unsaved" curl-pod.yaml1');
  });

  await journey('Reset lab drops the unsaved editor text', async () => {
    await cursorAt(FILE);
    await page.keyboard.type('# second draft');
    await pollFor(dirty, (n) => n === 1);
    await page.waitForTimeout(1000);
    await page.click('button:has-text("Reset lab")');
    await page.click('button:has-text("Reset")');
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await pollFor(dirty, (n) => n === 0);
    await pollFor(text, (t) => !t.includes('second draft') && !t.includes('my unsaved') && t.includes('kind: Pod'));
    await page.reload();
    await cursorAt(FILE);
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    const after = await text();
    if (after.includes('second draft') || (await dirty()) !== 0) throw new Error(`the draft came back after Reset lab:\n${after}`);
  });
}
