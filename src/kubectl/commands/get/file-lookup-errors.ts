/**
 * What `get -f` could not read or fetch, printed the way get.go hands its visitor's error to
 * checkErr. The builder fetches each object inside its file visitors (Latest), so a List's lookups
 * fail inside FlattenListVisitor and join the List's own aggregate; EagerVisitorList gathers one
 * error per document or List in file order.
 * Models cli-runtime/pkg/resource/visitor.go EagerVisitorList, FlattenListVisitor and
 * kubectl/pkg/cmd/get/get.go Run and printGeneric.
 */
import type { Status } from '../../../engine/api/client.ts';
import { formatStatus } from '../../errors.ts';
import { aggregateMessage, standardErrorMessage } from '../visit-errors.ts';

/** Where an object sits among the files' objects: errors keep this order; `list` names its List. */
export interface FilePlace {
  seq: number;
  list?: number;
}

type Failure = FilePlace & ({ message: string } | { status: Status });

/** One element of EagerVisitorList's aggregate: one document's error, or one List's errors together. */
type Element = Failure | { list: number; items: Failure[] };

export class FileLookupErrors {
  readonly #failures: Failure[] = [];

  /** A document or List item the builder could not read or map. */
  builder(place: FilePlace, message: string): void {
    this.#failures.push({ ...place, message });
  }

  /** The server's refusal to return one object of the files. */
  lookup(place: FilePlace, status: Status): void {
    this.#failures.push({ ...place, status });
  }

  get isEmpty(): boolean {
    return this.#failures.length === 0;
  }

  /**
   * get's table path: checkErr unwraps get's own aggregate of one, leaving the visitor's, whose
   * elements print one per line, a List's errors as one `[a, b]` entry.
   */
  forTables(): string {
    return lines(this.#elements().map(elementMessage));
  }

  /**
   * printGeneric: one file alone (singleItemImplied) returns the visitor's aggregate untouched,
   * so a lone List is unwrapped to its own errors; several files flatten every error and reduce
   * an aggregate of one to the error itself.
   */
  forPrinters(singleItemImplied: boolean): string {
    const elements = this.#elements();
    if (singleItemImplied) {
      const [only] = elements;
      if (elements.length !== 1 || only === undefined) return lines(elements.map(elementMessage));
      return 'items' in only ? lines(only.items.map(standardMessage)) : `${checkErrMessage(only)}\n`;
    }
    const leaves = this.#ordered();
    const [first] = leaves;
    if (leaves.length === 1 && first) return `${checkErrMessage(first)}\n`;
    return lines(leaves.map(standardMessage));
  }

  #ordered(): Failure[] {
    return [...this.#failures].sort((a, b) => a.seq - b.seq);
  }

  #elements(): Element[] {
    const out: Element[] = [];
    for (const failure of this.#ordered()) {
      const last = out[out.length - 1];
      if (failure.list === undefined) out.push(failure);
      else if (last && 'items' in last && last.list === failure.list) last.items.push(failure);
      else out.push({ list: failure.list, items: [failure] });
    }
    return out;
  }
}

const lines = (messages: string[]) => messages.map((m) => `${m}\n`).join('');

/** MultipleErrors' line: StandardErrorMessage for an API error, the text otherwise. */
function standardMessage(failure: Failure): string {
  return 'status' in failure ? standardErrorMessage(failure.status, '') : failure.message;
}

function elementMessage(element: Element): string {
  return 'items' in element ? aggregateMessage(element.items.map(plainMessage)) : standardMessage(element);
}

/** An error as checkErr prints it alone: an API error in its standard form, anything else after `error: `. */
function checkErrMessage(failure: Failure): string {
  if ('status' in failure) return formatStatus(failure.status);
  return failure.message.startsWith('error: ') ? failure.message : `error: ${failure.message}`;
}

const plainMessage = (failure: Failure): string => ('status' in failure ? (failure.status.message ?? '') : failure.message);
