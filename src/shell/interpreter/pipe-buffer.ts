/**
 * What one pipeline stage or command substitution wrote, for the next to read. A real pipe holds
 * 64 KiB and makes the writer wait for the reader; ours keeps the whole output, since stages run one
 * after another. The cap stands in for a reader that stopped reading: past it, writes are dropped,
 * so a runaway writer (`yes $x` with $x doubling in a loop) ends with bounded memory instead of
 * overrunning the engine's longest string.
 */
export const PIPE_BUFFER_LIMIT = 64 * 1024 * 1024;

/** Small writes are joined in runs of this many, so a writer of short lines holds no million-entry array. */
const JOINED_RUN = 4096;

export class PipeBuffer {
  #chunks: string[] = [];
  #recent: string[] = [];
  #length = 0;

  constructor(readonly limit = PIPE_BUFFER_LIMIT) {}

  readonly write = (text: string): void => {
    const room = this.limit - this.#length;
    if (room <= 0) return;
    const kept = text.length <= room ? text : text.slice(0, room);
    this.#recent.push(kept);
    this.#length += kept.length;
    if (this.#recent.length >= JOINED_RUN) {
      this.#chunks.push(this.#recent.join(''));
      this.#recent = [];
    }
  };

  text(): string {
    return this.#chunks.join('') + this.#recent.join('');
  }
}
