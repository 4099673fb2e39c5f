/**
 * The apiserver's admission chain on create: every plugin's `admit` before validation, every
 * `validate` after it, the first refusal ending the request (apiserver/pkg/admission chain.go).
 */
import type { ApiRequest, KubeObject } from '../client.ts';
import type { ServerContext } from '../resource-definition.ts';
import type { AdmissionAttributes, AdmissionPlugin } from './admission-plugin.ts';

/** How a plugin writes another object's status (quota usage) through the server. */
export type StatusWriter = (group: string, resource: string, obj: KubeObject) => void;

export class AdmissionChain {
  constructor(
    readonly plugins: readonly AdmissionPlugin[],
    readonly updateStatus: StatusWriter,
  ) {}

  attributes(req: ApiRequest, namespace: string | undefined, obj: KubeObject, ctx: ServerContext): AdmissionAttributes {
    return { group: req.group, resource: req.resource, namespace, obj, ctx, dryRun: req.query?.dryRun === 'All', updateStatus: this.updateStatus };
  }

  /** The first refusal of the chain's `phase`, as the Forbidden detail. */
  run(phase: 'admit' | 'validate', attributes: AdmissionAttributes): string | undefined {
    for (const plugin of this.plugins) {
      const refusal = plugin[phase]?.(attributes);
      if (refusal) return refusal;
    }
    return undefined;
  }
}
