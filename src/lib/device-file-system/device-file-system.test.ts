import { describe, expect, it } from 'vitest';
import { FsError } from '../file-system.ts';
import { MemoryFileSystem } from '../../shell/fs/memory-file-system.ts';
import { DeviceFileSystem, READ_CHARS } from './device-file-system.ts';

const devices = () => new DeviceFileSystem(new MemoryFileSystem(), () => 7);
const code = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return error instanceof FsError ? error.code : String(error);
  }
};

// Device numbers from the kernel's Documentation/admin-guide/devices.txt (mem, major 1).
describe('DeviceFileSystem', () => {
  it.each([
    { name: 'null', major: 1, minor: 3 },
    { name: 'zero', major: 1, minor: 5 },
    { name: 'full', major: 1, minor: 7 },
    { name: 'random', major: 1, minor: 8 },
    { name: 'urandom', major: 1, minor: 9 },
  ])('serves /dev/$name as character device $major, $minor', ({ name, major, minor }) => {
    expect(devices().stat(`/dev/${name}`)).toEqual({ kind: 'file', mode: 0o666, size: 0, mtimeMs: 0, device: { major, minor } });
  });

  it.each([
    { name: 'null reads empty', path: '/dev/null', expected: '' },
    { name: 'zero reads NULs', path: '/dev/zero', expected: '\0'.repeat(READ_CHARS) },
    { name: 'full reads NULs', path: '/dev/full', expected: '\0'.repeat(READ_CHARS) },
  ])('$name', ({ path, expected }) => {
    expect(devices().readFile(path)).toBe(expected);
  });

  it('reads new 7-bit bytes from urandom each time', () => {
    const fs = devices();
    const first = fs.readFile('/dev/urandom');
    const second = fs.readFile('/dev/urandom');
    expect(first.length).toBe(READ_CHARS);
    expect(first.slice(0, 64)).not.toBe(second.slice(0, 64));
    expect([...first.slice(0, 4096)].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(devices().readFile('/dev/urandom').slice(0, 64)).toBe(first.slice(0, 64));
  });

  it.each([
    { name: 'a write to null vanishes', run: (fs: DeviceFileSystem) => fs.writeFile('/dev/null', 'x'), expected: 'ok' },
    { name: 'a write to full fails with ENOSPC', run: (fs: DeviceFileSystem) => fs.writeFile('/dev/full', 'x'), expected: 'ENOSPC' },
    { name: 'opening full for writing succeeds', run: (fs: DeviceFileSystem) => fs.writeFile('/dev/full', ''), expected: 'ok' },
    { name: 'a device cannot be removed', run: (fs: DeviceFileSystem) => fs.remove('/dev/null'), expected: 'EACCES' },
    { name: 'a device cannot become a directory', run: (fs: DeviceFileSystem) => fs.mkdir('/dev/zero'), expected: 'EEXIST' },
  ])('$name', ({ run, expected }) => {
    const fs = devices();
    expect(code(() => run(fs))).toBe(expected);
    expect(fs.readFile('/dev/null')).toBe('');
  });

  it('lists the devices beside the files the inner filesystem keeps in /dev', () => {
    const fs = devices();
    fs.writeFile('/dev/termination-log', '');
    expect(fs.readdir('/dev')).toEqual(['full', 'null', 'random', 'termination-log', 'urandom', 'zero']);
    expect(fs.snapshot()).toEqual({ '/dev/termination-log': { content: '', mode: 0o644 } });
  });
});
