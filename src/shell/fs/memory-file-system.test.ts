import { describe, expect, it } from 'vitest';
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
