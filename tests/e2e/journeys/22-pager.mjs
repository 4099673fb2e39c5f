// less as a pager (issue 13 §5): a long file on the alternate screen, paged and searched with
// less's keys, and the shell's screen back as it was once q is pressed.
import { pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const page = await newPage();
  const { screen, run, waitForPrompt } = terminalOf(page);
  const rows = async () => (await screen()).split('\n');

  await journey('less pages a long file, searches it and gives the prompt back with the screen restored', async () => {
    await page.goto(url('/#/labs/rolling-updates'));
    await waitForPrompt(60_000);
    await run('clear');
    await run('seq 1 500 | sed "s/^/row /" > long.txt; echo before-less', 'before-less');
    await run('less long.txt');
    // The file's name in the prompt on the first screen, the shell's lines gone.
    await pollFor(screen, (s) => /^row 1\n/.test(s) && /long\.txt\s*$/.test(s) && !s.includes('before-less'));
    await page.keyboard.press('Space');
    await pollFor(
      rows,
      (r) =>
        /^row \d+$/.test(r[0].trim()) &&
        r[0].trim() !== 'row 1' &&
        r
          .filter((row) => row.trim() !== '')
          .at(-1)
          .trim() === ':',
    );
    await page.keyboard.type('/row 250');
    await page.keyboard.press('Enter');
    await pollFor(rows, (r) => r[0].trim() === 'row 250');
    await page.keyboard.press('Shift+G');
    await pollFor(screen, (s) => /row 500\n\(END\)\s*$/.test(s));
    await page.keyboard.type('q');
    await pollFor(screen, (s) => s.includes('before-less') && /less long\.txt\ncontrolplane ~ ➜\s*$/.test(s));
    // The keys are the shell's again.
    await run('echo after-less', '\nafter-less\n');
  });
}
