// What a learner sees around reloads and tabs: unsaved editor text, a paused rollout played again, one lab in two tabs.
import { editorOf, pollFor, terminalOf } from '../support.mjs';

const LAB = 'rolling-updates';

export default async function ({ newPage, newBrowser, url, journey }) {
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
  await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 60_000);

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
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    // The old prompt may still show while the lab resets: the draft's end is what says it is done.
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await pollFor(dirty, (n) => n === 0, 30_000).catch(async (error) => {
      throw new Error(`${error.message} unsaved tab(s) after Reset lab; the terminal reads:\n${await screen()}`);
    });
    await pollFor(text, (t) => !t.includes('second draft') && !t.includes('my unsaved') && t.includes('kind: Pod'), 30_000);
    await page.reload();
    await cursorAt(FILE);
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    const after = await text();
    if (after.includes('second draft') || (await dirty()) !== 0) throw new Error(`the draft came back after Reset lab:\n${after}`);
  });

  await journey('a second tab on the lab says it is open elsewhere; "Use it here" moves it, and the first tab can take it back', async () => {
    const tabs = await newBrowser({ width: 1400, height: 900 });
    const first = await tabs.newPage();
    const second = await tabs.newPage();
    const [one, two] = [terminalOf(first), terminalOf(second)];
    const flat = (term) => async () => (await term.screen()).replaceAll('\n', '');
    const run = async (term, line, expected) => {
      await term.typeLine(line);
      return pollFor(flat(term), (s) => s.includes(expected) && term.atPrompt(s), 30_000);
    };
    const banner = (p) => () =>
      p
        .locator('[data-testid=lab-elsewhere]')
        .innerText({ timeout: 1000 })
        .catch(() => '');
    await first.goto(url(`/#/labs/${LAB}`));
    await pollFor(one.screen, (s) => one.atPrompt(s), 60_000);
    await run(one, 'echo from-a > a.txt; echo wr""ote-a', 'wrote-a');

    await second.goto(url(`/#/labs/${LAB}`));
    await pollFor(banner(second), (b) => b.includes('This lab is open in another tab. Use it here, and the other tab stops saving.'), 40_000);
    if (two.atPrompt(await two.screen())) throw new Error('the second tab started a session on a lab open in the first');
    // The first tab goes on as before.
    await run(one, 'echo still-a""live', 'still-alive');

    await second.click('[data-testid=lab-use-here]');
    await pollFor(banner(first), (b) => b.includes('This lab is now open in another tab; this tab no longer saves your work.'), 20_000);
    if ((await first.getAttribute('.app-body', 'inert')) === null) throw new Error('the first tab can still be typed in');
    await pollFor(two.screen, (s) => two.atPrompt(s), 60_000);
    await run(two, 'cat a.txt; echo from-b > b.txt; echo wr""ote-b', 'from-awrote-b');
    if ((await banner(second)()) !== '') throw new Error('the second tab still shows the notice');

    // The first tab takes it back and finds what the second one did: it wrote nothing over it meanwhile.
    await first.waitForTimeout(2500);
    await first.click('[data-testid=lab-use-here]');
    await pollFor(banner(second), (b) => b.includes('This lab is now open in another tab'), 20_000);
    await pollFor(one.screen, (s) => one.atPrompt(s), 60_000);
    await run(one, 'cat b.txt', 'cat b.txtfrom-b');
  });
}
