// What a learner sees around a reload: a rollout made with the clock paused, played again.
import { pollFor, terminalOf } from '../support.mjs';

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
}
