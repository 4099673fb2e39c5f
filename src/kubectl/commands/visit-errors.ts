/**
 * The errors of a `-f` command that goes on after a failure (create, apply, replace, delete), printed the
 * way kubectl prints them when it is done: one error as usual; several one per line, the builder's
 * own errors (parse, validation, mapping) joined as one `[a, b]` entry.
 * Models cli-runtime/pkg/resource/visitor.go ContinueOnErrorVisitor, EagerVisitorList and
 * kubectl/pkg/cmd/util/helpers.go checkErr (aggregates of one are unwrapped).
 */
import type { Status } from '../../engine/api/client.ts';
import { formatStatus } from '../errors.ts';

type FileVerb = 'creating' | 'applying patch' | 'replacing' | 'deleting';

type VisitError = { status: Status; verb?: FileVerb; file?: string } | { message: string };

/** A builder error, or the errors of one List's items (FlattenListVisitor's own aggregate). */
type BuilderError = string | { list: number; items: string[] };

export class VisitErrors {
  readonly #builder: BuilderError[] = [];
  readonly #visit: VisitError[] = [];
  /** apply gathers every object before it applies one, so its builder errors come first. */
  readonly #builderFirst: boolean;

  constructor(order: 'builder-first' | 'builder-last') {
    this.#builderFirst = order === 'builder-first';
  }

  /** A file that could not be read, validated or mapped; `list` groups the items of one List. */
  builder(message: string, list?: number): void {
    const last = this.#builder[this.#builder.length - 1];
    if (list === undefined) this.#builder.push(message);
    else if (typeof last === 'object' && last.list === list) last.items.push(message);
    else this.#builder.push({ list, items: [message] });
  }

  /** A refusal, named after its file unless the command passes the bare error on (replace --force). */
  server(status: Status, verb?: FileVerb, file?: string): void {
    this.#visit.push({ status, ...(verb && file !== undefined ? { verb, file } : {}) });
  }

  /** An error kubectl makes of its own (printed `error: …` when alone). */
  plain(message: string): void {
    this.#visit.push({ message });
  }

  get isEmpty(): boolean {
    return this.#builder.length === 0 && this.#visit.length === 0;
  }

  /** What kubectl writes to stderr at the end; '' when nothing failed. */
  print(): string {
    const builder = this.#builder.length > 0 ? [{ builder: this.#builder }] : [];
    const all = this.#builderFirst ? [...builder, ...this.#visit] : [...this.#visit, ...builder];
    if (all.length === 0) return '';
    if (all.length === 1) {
      const only = all[0]!;
      if ('builder' in only) return builderLines(only.builder);
      if ('status' in only) return `${formatStatus(only.status, only.verb && only.file !== undefined ? { verb: only.verb, file: only.file } : undefined)}\n`;
      return `${withErrorPrefix(only.message)}\n`;
    }
    return all
      .map((e) => {
        if ('builder' in e) return aggregateMessage(e.builder.flatMap((b) => (typeof b === 'string' ? [b] : b.items)));
        if ('status' in e) return standardErrorMessage(e.status, e.verb ? `error when ${e.verb} "${e.file}": ` : '');
        return e.message;
      })
      .map((line) => `${line}\n`)
      .join('');
  }
}

/**
 * The builder's errors alone, through checkErr: an aggregate of one is unwrapped once, so one error
 * prints `error: …`, and one List's items (an aggregate inside) or several errors one per line.
 */
function builderLines(errors: BuilderError[]): string {
  const [only] = errors;
  if (errors.length === 1 && typeof only === 'string') return `${withErrorPrefix(only)}\n`;
  if (errors.length === 1 && typeof only === 'object') return only.items.map((m) => `${m}\n`).join('');
  return errors.map((e) => `${typeof e === 'string' ? e : aggregateMessage(e.items)}\n`).join('');
}

/** StandardErrorMessage for an API error: no special form for Invalid. */
export function standardErrorMessage(status: Status, where: string): string {
  return status.reason ? `Error from server (${status.reason}): ${where}${status.message}` : `Error from server: ${where}${status.message}`;
}

const withErrorPrefix = (message: string) => (message.startsWith('error: ') ? message : `error: ${message}`);

/** utilerrors aggregate's Error(): one message alone, several in brackets, repeats left out. */
export function aggregateMessage(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}
