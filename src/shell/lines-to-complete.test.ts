import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from './fs/memory-file-system.ts';
import { Shell, registryOf } from './shell.ts';

function newShell() {
  return new Shell({ fs: new MemoryFileSystem(), registry: registryOf([]), time: { now: () => 0, sleep: async () => undefined }, yieldToHost: async () => undefined });
}

describe('Shell.linesToComplete', () => {
  const cases: { name: string; line: string; following: string[]; want: number | undefined }[] = [
    { name: 'a complete line takes none', line: 'echo hi', following: ['echo next'], want: 0 },
    { name: 'a here-document takes its body and delimiter', line: 'cat <<EOF', following: ['a', 'b', 'EOF', 'echo next'], want: 3 },
    { name: 'a <<- delimiter may start with tabs', line: 'cat <<-EOF', following: ['\ta', '\tEOF', 'echo next'], want: 2 },
    { name: 'a second here-document on the line is read after the first', line: 'cat <<A <<B', following: ['1', 'A', '2', 'B', 'x'], want: 4 },
    { name: 'a loop takes the lines up to its done', line: 'for i in 1 2; do', following: ['echo $i', 'done', 'echo next'], want: 2 },
    { name: 'an open quote takes the line that closes it', line: 'echo "a', following: ['b"', 'c'], want: 1 },
    { name: 'a pipe at the end takes the next line', line: 'echo a |', following: ['cat', 'echo next'], want: 1 },
    { name: 'a here-document whose delimiter never comes takes all and wants more', line: 'cat <<EOF', following: ['a', 'b'], want: undefined },
    { name: 'a backslash at the end takes the next line', line: 'echo a \\', following: ['b', 'c'], want: 1 },
  ];
  it.each(cases)('$name', ({ line, following, want }) => {
    expect(newShell().linesToComplete(line, following)).toBe(want);
  });

  it('finds the end of a 1 MB here-document', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    expect(newShell().linesToComplete("cat <<'EOF' > big.txt", [...body, 'EOF', 'echo after'])).toBe(20_001);
  });
});
