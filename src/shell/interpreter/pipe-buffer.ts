/**
 * What one pipeline stage or command substitution wrote, for the next to read. A real pipe holds
 * 64 KiB and makes the writer wait for the reader; ours keeps the whole output, since stages run one
 * after another. The caps stand in for a reader that stopped reading: past them, writes are dropped,
 * so a runaway writer (`yes $x` with $x doubling in a loop) ends with bounded memory instead of
 * overrunning the engine's longest string.
 */
export const PIPE_BUFFER_LIMIT = 16 * 1024 * 1024;

/**
 * What all of a shell's pipes may hold at once. Stages that recurse (`f(){ base64 | f; }`) each
 * keep what they read until the stage after them ends: a real kernel holds 64 KiB per pipe there,
 * ours would hold a whole output per level without this.
 */
export const PIPES_TOTAL_LIMIT = 64 * 1024 * 1024;

/** Small writes are joined in runs of this many, so a writer of short lines holds no million-entry array. */
const JOINED_RUN = 4096;

/** The characters held by a shell's pipes that have not been read to the end yet. */
export class PipeMemory {
  #held = 0;

  constructor(readonly limit = PIPES_TOTAL_LIMIT) {}

  get room(): number {
    return this.limit - this.#held;
  }

  hold(chars: number): void {
    this.#held += chars;
  }

  free(chars: number): void {
    this.#held -= chars;
  }
}

export class PipeBuffer {
  #chunks: string[] = [];
  #recent: string[] = [];
  #length = 0;
  #released = false;

  constructor(
    readonly limit = PIPE_BUFFER_LIMIT,
    readonly memory?: PipeMemory,
  ) {}

  readonly write = (text: string): void => {
    const room = Math.min(this.limit - this.#length, this.#released ? 0 : (this.memory?.room ?? Infinity));
    if (room <= 0) return;
    const kept = text.length <= room ? text : text.slice(0, room);
    this.#recent.push(kept);
    this.#length += kept.length;
    this.memory?.hold(kept.length);
    if (this.#recent.length >= JOINED_RUN) {
      this.#chunks.push(this.#recent.join(''));
      this.#recent = [];
    }
  };

  text(): string {
    return this.#chunks.join('') + this.#recent.join('');
  }

  /** The reader is done with what this pipe held: its share of the shell's pipe memory is free again. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.memory?.free(this.#length);
  }
}
