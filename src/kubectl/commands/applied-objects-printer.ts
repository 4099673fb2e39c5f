/**
 * apply.go prints the applied objects for `-o json|yaml|jsonpath|…` once every object went through
 * (PrintAndPrunePostProcessor): one object as itself, several as a v1 List, none after an error.
 * `-o name` and the default `kind/name verb` lines print as each object is applied.
 */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { stringFlag } from '../flags.ts';
import type { Invocation } from '../kubectl-command.ts';
import { outputOf } from './manifest-targets.ts';

export class AppliedObjectsPrinter {
  readonly #held: { resource: ApiResource; obj: KubeObject }[] = [];

  constructor(private readonly inv: Invocation) {}

  print(resource: ApiResource, obj: KubeObject, verb: string): void {
    const output = stringFlag(this.inv.flags, 'output');
    if (output && output !== 'name') this.#held.push({ resource, obj });
    else this.inv.out(outputOf(this.inv, resource, obj, verb));
  }

  /** Called only when no object failed. */
  flush(): void {
    const [first] = this.#held;
    if (first === undefined) return;
    const document = this.#held.length === 1 ? first.obj : ({ apiVersion: 'v1', items: this.#held.map((h) => h.obj), kind: 'List', metadata: {} } as KubeObject);
    this.inv.out(outputOf(this.inv, first.resource, document, ''));
  }
}
