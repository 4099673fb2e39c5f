// Streaming output, the clock, the rollout view and the watchdog, with the worker's test hooks on.
import { pollFor, showPane, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const lab = await newPage({ width: 1400, height: 900 });
  const { screen: labScreen, typeLine, atPrompt } = terminalOf(lab);
  const count = (s, word) => s.split('\n').filter((l) => l.trim() === word).length;
  const columns = () =>
    lab.evaluate(() => [...document.querySelectorAll('[data-testid=rollout-view] g.rs:not(.exiting)')].map((g) => g.querySelector('text.rs-title')?.textContent ?? ''));
  await lab.goto(url('/?test-hooks=1#/labs/rolling-updates'));
  await pollFor(labScreen, (s) => s.includes('controlplane ~ ➜'), 20_000);

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
      await pollFor(
        () => lab.textContent('[data-testid=clock-now]', { timeout: 2000 }),
        (t) => t !== t1,
        5000,
      );
      await lab.keyboard.press('Control+c');
      await pollFor(labScreen, (s) => atPrompt(s), 5000);
    }
  });

  await journey('Ctrl-R finds an earlier command and Enter runs it; Ctrl+Alt+P pauses without typing into the line', async () => {
    await typeLine('clear');
    await typeLine('echo first-marker');
    await typeLine('echo second');
    await pollFor(labScreen, (s) => s.includes('second\ncontrolplane') && atPrompt(s));
    await lab.keyboard.press('Control+r');
    await lab.keyboard.type('first');
    await pollFor(labScreen, (s) => s.includes("(reverse-i-search)`first': echo first-marker"));
    await lab.keyboard.press('Enter');
    await pollFor(labScreen, (s) => (s.match(/^first-marker$/gm) ?? []).length === 2 && /controlplane ~ ➜ {2}echo first-marker\nfirst-marker\ncontrolplane ~ ➜\s*$/.test(s));
    await lab.keyboard.press('Control+Alt+p');
    await lab.waitForSelector('[data-testid=clock-controls] >> text=Play');
    await lab.keyboard.press('Control+Alt+p');
    await lab.waitForSelector('[data-testid=clock-controls] >> text=Pause');
    await lab.keyboard.type('echo ok');
    await lab.keyboard.press('Enter');
    await pollFor(labScreen, (s) => /^ok$/m.test(s) && atPrompt(s));
  });

  await journey('fast-forward until settled (Ctrl+Alt+S) finishes a rollout while the clock is paused', async () => {
    await lab.click('[data-testid=clock-controls] >> text=Pause');
    await lab.click('[data-testid=clock-settle]');
    await lab.waitForSelector('[data-testid=clock-settle-status]:has-text("Settled after"), [data-testid=clock-settle-status]:has-text("Nothing pending")', { timeout: 20_000 });
    await pollFor(
      async () => (await columns()).join('|'),
      (c) => c.startsWith('rev 2') && !c.includes('|'),
      5000,
    );
    await typeLine('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v3');
    await pollFor(labScreen, (s) => s.includes('deployment.apps/frontend image updated') && atPrompt(s));
    await lab.keyboard.press('Control+Alt+s');
    await lab.waitForSelector('[data-testid=clock-settle-status]:has-text("Settled after")', { timeout: 20_000 });
    await pollFor(
      async () => (await columns()).join('|'),
      (c) => c.startsWith('rev 3') && !c.includes('|'),
      5000,
    );
    const bounds = await lab.evaluate(() =>
      ['ceiling', 'floor', 'desired', 'total', 'available'].map((k) => document.querySelector(`[data-testid=bound-${k}]`)?.getAttribute('data-value')).join(' '),
    );
    if (bounds !== '5 3 4 4 4') throw new Error(`bounds were ${bounds}`);
    await typeLine('kubectl rollout status deployment/frontend');
    await pollFor(labScreen, (s) => s.includes('deployment "frontend" successfully rolled out') && atPrompt(s), 5000);
    // With the clock still paused, only Until settled can end a sleep in the terminal (the old pods may take longer to go).
    await typeLine('sleep 90; echo slept');
    await pollFor(labScreen, (s) => s.includes('sleep 90; echo slept'));
    await lab.keyboard.press('Control+Alt+s');
    await lab.waitForSelector('[data-testid=clock-settle-status]:has-text("Settled after 1m")', { timeout: 20_000 }).catch(async (e) => {
      throw new Error(`${e.message.split('\n')[0]}; the status said ${await lab.locator('[data-testid=clock-settle-status]').innerText()}`);
    });
    await pollFor(labScreen, (s) => /^slept$/m.test(s) && atPrompt(s), 5000);
    await lab.click('[data-testid=clock-controls] >> text=Play');
  });

  await journey('the scrubber shows an earlier moment of the rollout with two ReplicaSet columns', async () => {
    await showPane(lab, 'rollout');
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
    await pollFor(
      async () => (await columns()).join('|'),
      (c) => c.startsWith('rev 3') && !c.includes('|'),
      5000,
    );
  });
}
