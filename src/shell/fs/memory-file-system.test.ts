import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';
import { FsError } from './file-system.ts';
import { MemoryFileSystem } from './memory-file-system.ts';

describe('a full file system', () => {
  it('writes what fits, then refuses with ENOSPC', () => {
    const fs = new MemoryFileSystem(() => 0, 10);
    fs.mkdir('/root');
    fs.writeFile('/root/a', '123456');
    expect(() => fs.writeFile('/root/b', 'abcdef')).toThrow(new FsError('ENOSPC', '/root/b'));
    expect(fs.readFile('/root/b')).toBe('abcd');
    expect(() => fs.writeFile('/root/a', 'x', { append: true })).toThrow(new FsError('ENOSPC', '/root/a'));
  });

  it('frees the room of a file that is removed or replaced', () => {
    const fs = new MemoryFileSystem(() => 0, 10);
    fs.mkdir('/root');
    fs.writeFile('/root/a', '1234567890');
    fs.writeFile('/root/a', '12345');
    fs.writeFile('/root/b', '12345');
    fs.remove('/root/a');
    fs.writeFile('/root/c', '12345');
    expect(fs.snapshot()).toEqual({ '/root/b': { content: '12345', mode: 0o644 }, '/root/c': { content: '12345', mode: 0o644 } });
  });

  // A runaway writer into a file ends with a full disk, not an exhausted heap; the shell goes on.
  it('keeps a runaway redirection to the capacity', async () => {
    const result = await runToolLine('for i in $(seq 200); do echo 0123456789 >> big; done 2>/dev/null; wc -c < big', { fsCapacity: 1000 });
    expect(result).toEqual({ out: '1000\n', code: 0 });
  });
});

// The size `stat` reports is kept at each write; Node's own UTF-8 encoder says what it must be.
describe('the byte size a file keeps', () => {
  const pair = '\u{1F600}';
  const cases: { name: string; writes: { content: string; append?: boolean }[] }[] = [
    { name: 'ASCII', writes: [{ content: 'some line\n' }] },
    { name: 'two-, three- and four-byte characters', writes: [{ content: `é€${pair}\n` }] },
    { name: 'overwritten by a shorter text', writes: [{ content: '€€€€' }, { content: 'é' }] },
    { name: 'appended to', writes: [{ content: 'é' }, { content: '€\n', append: true }, { content: pair, append: true }] },
    { name: 'a surrogate pair split between two appends', writes: [{ content: `a${pair[0]}` }, { content: `${pair[1]}b`, append: true }] },
    { name: 'a lone surrogate', writes: [{ content: `${pair[0]}x${pair[1]}` }] },
    { name: 'truncated to empty', writes: [{ content: 'abc€' }, { content: '' }] },
    { name: 'appended to a missing file', writes: [{ content: '€', append: true }] },
  ];
  it.each(cases)('$name', ({ writes }) => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/root');
    let expected = '';
    for (const { content, append } of writes) {
      fs.writeFile('/root/f', content, { append: append ?? false });
      expected = append ? expected + content : content;
    }
    expect(fs.stat('/root/f').size).toBe(Buffer.byteLength(expected));
  });

  it('counts only what fits on a full disk', () => {
    const fs = new MemoryFileSystem(() => 0, 3);
    fs.mkdir('/root');
    expect(() => fs.writeFile('/root/f', '€€€€')).toThrow(new FsError('ENOSPC', '/root/f'));
    expect(fs.stat('/root/f').size).toBe(9);
  });

  // GNU coreutils 8.32 and bash 5.1 on Ubuntu 22.04: `ls -l f | cut -d' ' -f5` after each line.
  it.each([
    { name: 'a redirection', line: "printf 'é€\\n' > f; ls -l f | cut -d' ' -f5", out: '6\n' },
    { name: 'an appending redirection', line: "printf 'é' > f; printf '€' >> f; ls -l f | cut -d' ' -f5", out: '5\n' },
    { name: 'tee -a', line: "echo é | tee f >/dev/null; echo € | tee -a f >/dev/null; ls -l f | cut -d' ' -f5", out: '7\n' },
    { name: 'a truncating redirection', line: "echo €€ > f; : > f; ls -l f | cut -d' ' -f5; test -s f || echo empty", out: '0\nempty\n' },
  ])('after $name', async ({ line, out }) => {
    expect(await runToolLine(`cd /root; ${line}`)).toEqual({ out, code: 0 });
  });
});
