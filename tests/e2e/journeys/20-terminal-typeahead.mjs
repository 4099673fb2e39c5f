// A terminal as fast as a real one (issue 14 item 7): typeahead before the first prompt, a tty's
// echo while a command runs, and the exam terminal's Ctrl+Shift+C / Ctrl+Shift+V.
import { pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const page = await newPage();
  const { screen, atPrompt, run, waitForPrompt } = terminalOf(page);

  await journey('a line typed before the first prompt runs once the prompt appears', async () => {
    await page.goto(url('/#/labs/rolling-updates'), { waitUntil: 'commit' });
    await page.waitForSelector('[data-testid=terminal] textarea', { state: 'attached' });
    const early = !atPrompt(await screen());
    // No click: the terminal has the keyboard from the start.
    await page.keyboard.type('echo typed-be""fore-the-prompt');
    await page.keyboard.press('Enter');
    console.log(`    (typing began ${early ? 'before' : 'after'} the first prompt showed)`);
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜  echo typed-be""fore-the-prompt\ntyped-before-the-prompt\n'), 60_000);
  });

  await journey('keys typed during kubectl get po -w are echoed; Ctrl-C drops them as a tty flushes its input', async () => {
    await waitForPrompt(60_000);
    await run('clear');
    await run('kubectl get po -w', 'NAME');
    await pollFor(screen, (s) => /frontend-\S+\s+1\/1\s+Running/.test(s), 30_000);
    await page.keyboard.type('kubectl get deploy');
    await pollFor(screen, (s) => s.trimEnd().endsWith('kubectl get deploy'));
    await page.keyboard.press('Control+c');
    await pollFor(screen, (s) => /kubectl get deploy\^C\ncontrolplane ~ ✖\s*$/.test(s));
  });

  await journey('a line typed while a command runs is echoed, then shown and run at the next prompt', async () => {
    await run('clear');
    await waitForPrompt();
    await run('sleep 2');
    await page.keyboard.type('echo que""ued');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('sleep 2\necho que""ued\ncontrolplane ~ ➜  echo que""ued\nqueued\n'), 15_000);
  });

  await journey('Ctrl+Shift+C copies the selection and Ctrl+Shift+V pastes it at the prompt', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url('/').replace(/\/$/, '') });
    await run('clear');
    await run('echo copy""-me', 'copy-me');
    const row = page.locator('.xterm-rows > div', { hasText: /^copy-me\s*$/ });
    const box = await row.boundingBox();
    await page.mouse.dblclick(box.x + 5, box.y + box.height / 2);
    await page.keyboard.press('Control+Shift+C');
    await pollFor(
      () => page.evaluate(() => navigator.clipboard.readText()),
      (t) => t === 'copy-me',
    );
    // Nothing reached the shell: no ^C, still at the prompt.
    if (!atPrompt(await screen())) throw new Error('Ctrl+Shift+C reached the shell');
    await page.keyboard.type('echo pasted:');
    await page.keyboard.press('Control+Shift+V');
    await pollFor(screen, (s) => s.trimEnd().endsWith('controlplane ~ ➜  echo pasted:copy-me'));
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('\npasted:copy-me\n'));
  });
}
