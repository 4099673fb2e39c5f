import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../shell/fs/memory-file-system.ts';
import type { FileSystem } from '../file-system.ts';
import { LazyFileSystem } from './lazy-file-system.ts';

function counted() {
  let builds = 0;
  const fs = new LazyFileSystem(() => {
    builds++;
    const root = new MemoryFileSystem();
    root.mkdir('/etc', { recursive: true });
    root.writeFile('/etc/hostname', 'web-1\n');
    return root;
  });
  return { fs, builds: () => builds };
}

describe('LazyFileSystem', () => {
  it('builds nothing until it is used', () => {
    const { fs, builds } = counted();
    expect(builds()).toBe(0);
    expect(fs.isBuilt).toBe(false);
  });

  const cases: { name: string; use: (fs: FileSystem) => unknown; expected: unknown }[] = [
    { name: 'readFile', use: (fs) => fs.readFile('/etc/hostname'), expected: 'web-1\n' },
    { name: 'exists', use: (fs) => fs.exists('/etc/hostname'), expected: true },
    { name: 'stat', use: (fs) => fs.stat('/etc/hostname').size, expected: 6 },
    { name: 'readdir', use: (fs) => fs.readdir('/etc'), expected: ['hostname'] },
    { name: 'snapshot', use: (fs) => Object.keys(fs.snapshot('/etc')), expected: ['/etc/hostname'] },
    {
      name: 'writeFile then readFile',
      use: (fs) => {
        fs.writeFile('/etc/hostname', 'x\n', { append: true });
        return fs.readFile('/etc/hostname');
      },
      expected: 'web-1\nx\n',
    },
    {
      name: 'mkdir then readdir',
      use: (fs) => {
        fs.mkdir('/etc/nginx');
        return fs.readdir('/etc');
      },
      expected: ['hostname', 'nginx'],
    },
    {
      name: 'remove then exists',
      use: (fs) => {
        fs.remove('/etc/hostname');
        return fs.exists('/etc/hostname');
      },
      expected: false,
    },
    {
      name: 'chmod then stat',
      use: (fs) => {
        fs.chmod('/etc/hostname', 0o600);
        return fs.stat('/etc/hostname').mode;
      },
      expected: 0o600,
    },
  ];

  it.each(cases)('builds once on $name and answers from the built filesystem', ({ use, expected }) => {
    const { fs, builds } = counted();
    expect(use(fs)).toEqual(expected);
    expect(use === cases[0]!.use ? fs.readFile('/etc/hostname') : fs.exists('/')).toBeTruthy();
    expect(builds()).toBe(1);
    expect(fs.isBuilt).toBe(true);
  });
});
