/**
 * Issue 10 §2 for text tools: each one over a 16 MB file (the disk's size), the longest CPU time
 * between two host turns (the fuzz's own meter, `StretchMeter`) and the CPU time of
 * the whole line. Goals: no stretch past 50 ms, each tool under 2 s. `tsx tests/bench/text-tools.ts
 * [filter]` runs the lines whose text contains `filter`.
 */
import { newFuzzSession, runFuzzedLine } from '../fuzz/fuzz-session.ts';

const LINE = 'some line of text 12345\n';
/** `yes 'some line of text 12345' | head -c 16000000 > big`. */
const BIG = LINE.repeat(Math.ceil(16_000_000 / LINE.length)).slice(0, 16_000_000);

export const TEXT_TOOL_LINES = [
  'cat big > /dev/null',
  'wc -l big',
  'wc big',
  'head -n 2 big',
  'tail -n 2 big',
  'sort big > /dev/null',
  'sort big | head -n 1',
  'uniq -c big',
  'cut -c1-4 big | tail -n 1',
  "cut -d' ' -f2 big | tail -n 1",
  'tr a-z A-Z < big > /dev/null',
  'tr a-z A-Z < big | tail -n 1',
  'sed s/line/LINE/ big > /dev/null',
  'sed s/line/LINE/ big | tail -n 1',
  'grep -c 12345 big',
  'grep x big',
  'tee copy < big > /dev/null',
  'cat big | grep x | wc -l',
  'od -c big > /dev/null',
  'od -c big | tail -n 1',
  'xxd big > /dev/null',
  'xxd big | tail -n 1',
  'hexdump -C big > /dev/null',
  'hexdump -C big | tail -n 1',
  'xxd big > big.hex',
  'xxd -r big.hex > /dev/null',
  'xxd -r big.hex | tail -c 5',
  'diff big big',
];

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export async function benchTextTools(filter = ''): Promise<void> {
  const fuzz = await newFuzzSession();
  const { session } = fuzz;
  session.fs.writeFile('/root/big', BIG);
  console.log('| command | longest stretch ms | CPU ms | output |');
  console.log('|---|---:|---:|---|');
  for (const line of TEXT_TOOL_LINES.filter((l) => l.includes(filter))) {
    fuzz.resetStretch();
    const start = cpuMs();
    const { output, code } = await runFuzzedLine(session, `cd /root; ${line}`, 3_600_000);
    const total = cpuMs() - start;
    // Read before the output is looked at: slicing the 16 MB output copies it, a stretch of the bench's own.
    const stretchMs = fuzz.longestStretchMs();
    if (session.fs.exists('/root/copy')) session.fs.remove('/root/copy');
    const shown = JSON.stringify(output.slice(0, 40));
    console.log(`| \`${line}\` | ${stretchMs.toFixed(0)} | ${total.toFixed(0)} | ${code}: ${output.length} chars ${shown} |`);
  }
  session.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTextTools(process.argv[2]);
