/**
 * Paste speed: what the terminal and the worker spend on a 1 MB here-document and a 2 MB line,
 * as they handle them (the line editor, the echo written to xterm, one linesToComplete, one run).
 * Issue 10's goals: the here-document accepted in under a second, the page's main thread never
 * busy 50 ms on the 2 MB line. What the browser then spends drawing the echo is measured by the
 * e2e journey 11-runaway-input (printed there, as it needs a production build).
 */
import { performance } from 'node:perf_hooks';
import { LineEditor } from '../../src/ui/terminal/line-editor.ts';
import { continuationEcho, splitTypedLines } from '../../src/ui/terminal/typed-lines.ts';
import { newSession, runLine } from '../support/session.ts';

/** A terminal 170 columns by 50 rows with xterm's 1000 rows of scrollback. */
const SCREEN = { cols: 170, keptRows: 1050 };

function newEditor(): LineEditor {
  const editor = new LineEditor();
  editor.prompt = 'controlplane ~ ➜  ';
  editor.columns = SCREEN.cols;
  editor.keptRows = SCREEN.keptRows;
  return editor;
}

export async function benchPaste(): Promise<void> {
  const body = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
  const paste = `cat <<'EOF' > /root/big.txt\r${body.join('\r')}\rEOF\r`;
  const session = await newSession();
  let start = performance.now();
  const first = newEditor().feed(paste);
  // The page sends the line with the whole lines after it, in one message.
  const following = splitTypedLines(first.rest ?? '').lines;
  const taken = session.shell.linesToComplete(first.submitted ?? '', following);
  const command = [first.submitted, ...following.slice(0, taken)].join('\n');
  const echo = continuationEcho(following.slice(0, taken), SCREEN);
  const acceptedMs = performance.now() - start;
  await runLine(session, command);
  const ranMs = performance.now() - start;
  console.log(
    `1 MB here-document paste: accepted in ${acceptedMs.toFixed(0)} ms (echo ${echo.length} chars), written in ${ranMs.toFixed(0)} ms (${session.fs.readFile('/root/big.txt').length} chars)`,
  );

  const line = `echo ${'a'.repeat(2_000_000)}`;
  start = performance.now();
  const edit = newEditor().feed(`${line}\r`);
  console.log(`2 MB line through the line editor: ${(performance.now() - start).toFixed(1)} ms (echo ${edit.echo.length} chars)`);
  start = performance.now();
  const result = await runLine(session, `${line} | wc -c`);
  console.log(`2 MB line run by the shell: ${(performance.now() - start).toFixed(0)} ms (${result.stdout.trim()} chars)`);
}
