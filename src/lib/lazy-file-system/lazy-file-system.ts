/**
 * A filesystem built on its first use. Most containers never have their files read (nginx serves
 * from memory, nobody execs into most of a Deployment's pods), so their image root need not exist
 * until someone looks; the build must not depend on when it runs.
 */
import type { FileStat, FileSystem } from '../file-system.ts';

export class LazyFileSystem implements FileSystem {
  #build: (() => FileSystem) | undefined;
  #fs: FileSystem | undefined;

  constructor(build: () => FileSystem) {
    this.#build = build;
  }

  /** Whether the filesystem has been built yet. */
  get isBuilt(): boolean {
    return this.#fs !== undefined;
  }

  #get(): FileSystem {
    if (!this.#fs) {
      this.#fs = this.#build!();
      // Drop the builder so what it captured can be collected.
      this.#build = undefined;
    }
    return this.#fs;
  }

  readFile(path: string): string {
    return this.#get().readFile(path);
  }

  writeFile(path: string, content: string, options?: { mode?: number; append?: boolean }): void {
    this.#get().writeFile(path, content, options);
  }

  exists(path: string): boolean {
    return this.#get().exists(path);
  }

  stat(path: string): FileStat {
    return this.#get().stat(path);
  }

  readdir(path: string): string[] {
    return this.#get().readdir(path);
  }

  mkdir(path: string, options?: { recursive?: boolean }): void {
    this.#get().mkdir(path, options);
  }

  remove(path: string, options?: { recursive?: boolean }): void {
    this.#get().remove(path, options);
  }

  chmod(path: string, mode: number): void {
    this.#get().chmod(path, mode);
  }

  snapshot(root?: string): Record<string, { content: string; mode: number }> {
    return this.#get().snapshot(root);
  }
}
