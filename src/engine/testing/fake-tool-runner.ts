/**
 * A ToolRunner for engine tests that do not need a shell: `sleep N`, `true`, `false`, `echo`,
 * `sh -c 'exit N'`, over a map-backed filesystem.
 */
import { FsError, type FileSystem } from '../../lib/file-system.ts';
import type { ProcessIO, ToolRunner } from '../kubelet/tool-runner.ts';

class MapFileSystem implements FileSystem {
  readonly files = new Map<string, { content: string; mode: number }>();
  readonly dirs = new Set<string>(['/']);
  readFile(path: string): string {
    const file = this.files.get(path);
    if (!file) throw new FsError('ENOENT', path);
    return file.content;
  }
  writeFile(path: string, content: string, options?: { mode?: number; append?: boolean }): void {
    const previous = this.files.get(path);
    this.files.set(path, { content: options?.append && previous ? previous.content + content : content, mode: options?.mode ?? previous?.mode ?? 0o644 });
  }
  exists(path: string): boolean {
    return this.files.has(path) || this.dirs.has(path);
  }
  stat(path: string) {
    const file = this.files.get(path);
    if (file) return { kind: 'file' as const, mode: file.mode, size: file.content.length, mtimeMs: 0 };
    if (this.dirs.has(path)) return { kind: 'directory' as const, mode: 0o755, size: 4096, mtimeMs: 0 };
    throw new FsError('ENOENT', path);
  }
  readdir(path: string): string[] {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...new Set([...this.files.keys(), ...this.dirs].filter((p) => p.startsWith(prefix) && p !== prefix).map((p) => p.slice(prefix.length).split('/')[0]!))].sort();
  }
  mkdir(path: string): void {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) this.dirs.add(`/${parts.slice(0, i).join('/')}`);
  }
  remove(path: string): void {
    this.files.delete(path);
    this.dirs.delete(path);
  }
  chmod(path: string, mode: number): void {
    const file = this.files.get(path);
    if (file) file.mode = mode;
  }
  snapshot() {
    return Object.fromEntries(this.files);
  }
}

export class FakeToolRunner implements ToolRunner {
  newFileSystem(): FileSystem {
    return new MapFileSystem();
  }

  async run(io: ProcessIO): Promise<number> {
    const [program, ...args] = io.argv;
    const name = (program ?? '').split('/').pop();
    if (name === 'sleep') {
      try {
        await io.sleep(Number(args[0] ?? '0') * 1000);
      } catch {
        return 137;
      }
      return 0;
    }
    if (name === 'echo') {
      io.stdout(`${args.join(' ')}\n`);
      return 0;
    }
    if (name === 'false') return 1;
    if (name === 'sh' && args[0] === '-c') {
      const exit = /^exit (\d+)$/.exec(args[1] ?? '');
      return exit ? Number(exit[1]) : 0;
    }
    return 0;
  }
}
