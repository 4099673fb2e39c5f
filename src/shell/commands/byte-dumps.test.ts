import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const files = { '/root/h': 'Hello, world!\n', '/root/a': `${'a'.repeat(49)}b` };

// Expected outputs recorded from util-linux 2.38 hexdump, vim 9 xxd and coreutils 9 od.
describe('hexdump, xxd and od', () => {
  const cases: { name: string; line: string; out: string }[] = [
    { name: 'hexdump -C', line: 'hexdump -C h', out: '00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a        |Hello, world!.|\n0000000e\n' },
    {
      name: 'hexdump -C squeezes repeated lines',
      line: 'hexdump -C a',
      out: '00000000  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n*\n00000030  61 62                                             |ab|\n00000032\n',
    },
    { name: 'hexdump -C of nothing', line: "printf '' | hexdump -C", out: '' },
    { name: 'hexdump in words', line: 'hexdump h', out: '0000000 6548 6c6c 2c6f 7720 726f 646c 0a21     \n000000e\n' },
    { name: 'xxd', line: 'xxd h', out: '00000000: 4865 6c6c 6f2c 2077 6f72 6c64 210a       Hello, world!.\n' },
    { name: 'xxd -c 2', line: 'printf abc | xxd -c 2', out: '00000000: 6162  ab\n00000002: 63    c\n' },
    { name: 'xxd -p', line: 'xxd -p a', out: '616161616161616161616161616161616161616161616161616161616161\n6161616161616161616161616161616161616162\n' },
    { name: 'xxd -r -p', line: 'printf 616263 | xxd -r -p', out: 'abc' },
    { name: 'xxd -r', line: "printf '00000000: 6162 63  abc\\n' | xxd -r", out: 'abc' },
    { name: 'od -c', line: "printf 'abc\\t' | od -c", out: '0000000   a   b   c  \\t\n0000004\n' },
    { name: 'od -c squeezes', line: 'od -c a', out: '0000000   a   a   a   a   a   a   a   a   a   a   a   a   a   a   a   a\n*\n0000060   a   b\n0000062\n' },
    { name: 'od in octal words', line: 'printf abc | od', out: '0000000 061141 000143\n0000003\n' },
    { name: 'od -x', line: 'od -x h', out: '0000000 6548 6c6c 2c6f 7720 726f 646c 0a21\n0000016\n' },
    { name: 'od -An -t x1', line: 'od -An -t x1 h', out: ' 48 65 6c 6c 6f 2c 20 77 6f 72 6c 64 21 0a\n' },
  ];
  it.each(cases)('$name', async ({ line, out }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files })).toEqual({ out, code: 0 });
  });
});

// A file that cannot be read, in each tool's words and exit status (util-linux 2.38, vim 9 xxd,
// coreutils 9 od; busybox 1.36 libbb/dump.c for the image's applets).
describe('hexdump, xxd and od on a missing file', () => {
  const cases: { name: string; line: string; userland?: 'gnu' | 'busybox'; out: string; code: number }[] = [
    { name: 'hexdump', line: 'hexdump -C nofile', out: 'hexdump: nofile: No such file or directory\nhexdump: all input file arguments failed\n', code: 1 },
    { name: 'hexdump with one file of two', line: 'hexdump -C nofile h | tail -1', out: 'hexdump: nofile: No such file or directory\n0000000e\n', code: 0 },
    { name: 'busybox hexdump', line: 'hexdump -C nofile', userland: 'busybox', out: 'hexdump: nofile: No such file or directory\n', code: 1 },
    { name: 'xxd', line: 'xxd nofile', out: 'xxd: nofile: No such file or directory\n', code: 2 },
    { name: 'od', line: 'od -c nofile', out: 'od: nofile: No such file or directory\n', code: 1 },
    { name: 'od with one file of two', line: 'od -c nofile h | tail -1', out: 'od: nofile: No such file or directory\n0000016\n', code: 0 },
  ];
  it.each(cases)('$name', async ({ line, userland, out, code }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files, ...(userland ? { userland } : {}) })).toEqual({ out, code });
  });
});
