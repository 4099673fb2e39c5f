// A thousand pods at one instant: the prompt comes back at once, the page stays live while the
// worker catches up, and the rollout view counts each ReplicaSet's pods by state. Frame times are
// printed for the bench's report, never asserted.
import { pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const page = await newPage({ width: 1400, height: 900 });
  const { screen, typeLine, atPrompt } = terminalOf(page);
  await page.goto(url('/#/labs/rolling-updates'));
  await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 20_000);

  await journey('kubectl scale to 1,000 replicas gives the prompt back while the cluster catches up', async () => {
    const start = Date.now();
    await typeLine('kubectl scale deployment frontend --replicas=1000');
    await pollFor(screen, (s) => s.includes('deployment.apps/frontend scaled') && atPrompt(s), 60_000);
    console.log(`    prompt back after ${Date.now() - start} ms`);
    // The header clock is drawn from the worker's messages: it answering shows the worker is not stuck.
    await typeLine('echo caught-up');
    await pollFor(screen, (s) => /^caught-up$/m.test(s), 600_000);
  });

  await journey('the rollout view counts the pods by state and draws frames while they start', async () => {
    await pollFor(
      () => page.evaluate(() => document.querySelectorAll('[data-testid=rollout-view] g.pod-group').length),
      (n) => n > 0,
      60_000,
    );
    const frames = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const deltas = [];
          let last = performance.now();
          const end = last + 5000;
          const step = (now) => {
            deltas.push(now - last);
            last = now;
            if (now < end) requestAnimationFrame(step);
            else resolve(deltas);
          };
          requestAnimationFrame(step);
        }),
    );
    const sorted = [...frames].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
    const circles = await page.evaluate(() => document.querySelectorAll('[data-testid=rollout-view] circle').length);
    console.log(`    ${frames.length} frames in 5 s: median ${at(0.5)} ms, p95 ${at(0.95)} ms, longest ${at(1)} ms; ${circles} circles drawn`);
  });
}
