// The app after one visit with no network: the page, the session worker, the labs and the editor come from the cache.
import { editorOf, pollFor, terminalOf } from '../support.mjs';

const LAB = 'rolling-updates';

export default async function ({ newBrowser, url, journey }) {
  const context = await newBrowser({ width: 1280, height: 800 });
  const page = await context.newPage();
  const { screen, typeLine, atPrompt } = terminalOf(page);
  const offlineState = () => page.getAttribute('[data-testid=offline-state]', 'data-state');

  await journey('after one visit, a reload with no network starts the lab, runs kubectl and jq, and opens the editor', async () => {
    await page.goto(url(`/#/labs/${LAB}`));
    await pollFor(screen, (s) => atPrompt(s), 60_000);
    await pollFor(offlineState, (s) => s === 'ready', 60_000);

    await context.setOffline(true);
    await page.reload();
    await pollFor(screen, (s) => atPrompt(s), 60_000);
    // jq is a chunk of its own, loaded on first use.
    await typeLine(`kubectl get deploy frontend -o json | jq -r '.metadata.name + "-found"'`);
    await pollFor(
      async () => (await screen()).replaceAll('\n', ''),
      (s) => s.includes("'frontend-found") && atPrompt(s),
      30_000,
    );

    const { openFromList, cursorAt, text } = editorOf(page);
    await openFromList('/root/curl-pod.yaml');
    await cursorAt('/root/curl-pod.yaml');
    await pollFor(text, (t) => t.includes('kind: Pod'), 20_000);
  });

  await journey('a new tab with no network opens the home page, and free play from it', async () => {
    // Only this tab's cluster runs, as the learner's would after closing the other.
    await page.close();
    const tab = await context.newPage();
    await tab.goto(url('/'));
    await tab.click('[data-testid=home-free-play] a', { timeout: 60_000 });
    await pollFor(terminalOf(tab).screen, (s) => terminalOf(tab).atPrompt(s), 60_000);
    await context.setOffline(false);
  });
}
