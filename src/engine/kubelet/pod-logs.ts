/**
 * Container logs as the kubelet keeps them: the current instance and the previous one (for
 * `kubectl logs --previous`), each line stamped with its virtual time for `--timestamps`.
 */
export interface LogLine {
  atMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ContainerLog {
  write(stream: 'stdout' | 'stderr', text: string): void;
}

/** Beyond this many lines per container the oldest are dropped, like log rotation. */
const MAX_LINES = 10_000;

export class PodLogs {
  readonly #current = new Map<string, LogLine[]>();
  readonly #previous = new Map<string, LogLine[]>();

  begin(container: string, now: () => number): ContainerLog {
    const existing = this.#current.get(container);
    if (existing) this.#previous.set(container, existing);
    const lines: LogLine[] = [];
    this.#current.set(container, lines);
    let partial = '';
    return {
      write: (stream, text) => {
        partial += text;
        const parts = partial.split('\n');
        partial = parts.pop() ?? '';
        for (const part of parts) lines.push({ atMs: now(), stream, text: `${part}\n` });
        if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
      },
    };
  }

  lines(container: string, previous: boolean): LogLine[] | undefined {
    return (previous ? this.#previous : this.#current).get(container);
  }
}
