import { describe, expect, it } from 'vitest';
import { FsError } from '../file-system.ts';
import { MemoryFileSystem } from '../../shell/fs/memory-file-system.ts';
import { MountedFileSystem } from './mounted-file-system.ts';

function setup() {
  const root = new MemoryFileSystem();
  root.mkdir('/etc', { recursive: true });
  root.writeFile('/etc/hostname', 'app\n');
  const shared = new MemoryFileSystem();
  shared.mkdir('/logs', { recursive: true });
  shared.writeFile('/logs/app.log', 'line 1\n');
  const config = new MemoryFileSystem();
  config.writeFile('/app.conf', 'color=blue\n');
  config.writeFile('/other.conf', 'x\n');
  const fs = new MountedFileSystem(root, [
    { path: '/var/log/event-simulator/', fs: shared, source: '/logs', readOnly: false },
    { path: '/etc/config', fs: config, source: '/', readOnly: true },
    { path: '/opt/app.conf', fs: config, source: '/app.conf', readOnly: true },
  ]);
  return { root, shared, config, fs };
}

const code = (op: () => unknown) => {
  try {
    op();
    return 'ok';
  } catch (error) {
    return error instanceof FsError ? `${error.code} ${error.path}` : String(error);
  }
};

describe('MountedFileSystem', () => {
  it.each([
    ['a file of the root', '/etc/hostname', 'app\n'],
    ['a file through a sub-directory mount', '/var/log/event-simulator/app.log', 'line 1\n'],
    ['a file through a whole-filesystem mount', '/etc/config/app.conf', 'color=blue\n'],
    ['a single-file mount', '/opt/app.conf', 'color=blue\n'],
  ])('reads %s', (_name, path, content) => {
    expect(setup().fs.readFile(path)).toBe(content);
  });

  it('creates the mount points and lists them with their parents', () => {
    const { fs } = setup();
    expect(fs.readdir('/var/log')).toEqual(['event-simulator']);
    expect(fs.readdir('/etc')).toEqual(['config', 'hostname']);
    expect(fs.readdir('/opt')).toEqual(['app.conf']);
    expect(fs.stat('/opt/app.conf').kind).toBe('file');
    expect(fs.readdir('/etc/config')).toEqual(['app.conf', 'other.conf']);
  });

  it('writes through a writable mount into the shared filesystem', () => {
    const { fs, shared } = setup();
    fs.writeFile('/var/log/event-simulator/app.log', 'line 2\n', { append: true });
    expect(shared.readFile('/logs/app.log')).toBe('line 1\nline 2\n');
  });

  it.each([
    ['write a file', (fs: MountedFileSystem) => fs.writeFile('/etc/config/new', 'x'), 'EROFS /etc/config/new'],
    ['overwrite a single-file mount', (fs: MountedFileSystem) => fs.writeFile('/opt/app.conf', 'x'), 'EROFS /opt/app.conf'],
    ['make a directory', (fs: MountedFileSystem) => fs.mkdir('/etc/config/d'), 'EROFS /etc/config/d'],
    ['remove a file', (fs: MountedFileSystem) => fs.remove('/etc/config/app.conf'), 'EROFS /etc/config/app.conf'],
    ['chmod a file', (fs: MountedFileSystem) => fs.chmod('/etc/config/app.conf', 0o600), 'EROFS /etc/config/app.conf'],
    ['remove a mount point', (fs: MountedFileSystem) => fs.remove('/var/log/event-simulator'), 'EBUSY /var/log/event-simulator'],
    ['read a missing file (path as the container sees it)', (fs: MountedFileSystem) => fs.readFile('/etc/config/none'), 'ENOENT /etc/config/none'],
  ])('fails like Linux to %s', (_name, op, expected) => {
    expect(code(() => op(setup().fs))).toBe(expected);
  });

  it('shows each file once in a snapshot, at the path the container sees', () => {
    const snapshot = setup().fs.snapshot();
    expect(Object.keys(snapshot).sort()).toEqual(['/etc/config/app.conf', '/etc/config/other.conf', '/etc/hostname', '/opt/app.conf', '/var/log/event-simulator/app.log']);
  });
});
