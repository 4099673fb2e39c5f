// The watchdog: a worker that stops answering is restarted, and the learner loses nothing.
import { pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const lab = await newPage({ width: 1400, height: 900 });
  const { screen: labScreen, typeLine, atPrompt } = terminalOf(lab);
  await lab.goto(url('/?test-hooks=1#/labs/rolling-updates'));
  await pollFor(labScreen, (s) => s.includes('controlplane ~ ➜'), 20_000);
  await lab.click('[data-testid=lab-step-current-color] >> text=blue');
  await lab.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');

  await journey('a hung worker is restarted from what was saved: a file written before the hang is kept', async () => {
    await typeLine('clear');
    await typeLine('echo written-before-the-hang > kept.txt');
    await pollFor(labScreen, (s) => s.includes('kept.txt') && atPrompt(s));
    await lab.evaluate(() => window.ckaLabTest.freezeWorker());
    await typeLine('ls');
    await pollFor(labScreen, (s) => s.includes('[cka-lab] Session restarted (not responding)'), 20_000);
    await pollFor(labScreen, (s) => atPrompt(s), 20_000);
    await lab.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass', { timeout: 10_000 });
    await typeLine('cat kept.txt');
    await pollFor(labScreen, (s) => s.includes('written-before-the-hang\ncontrolplane ~ ➜'));
  });
}
