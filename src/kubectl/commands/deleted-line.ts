import type { ApiResource } from '../../engine/api/client.ts';
import { dryRunSuffix, type DryRunStrategy } from '../dry-run.ts';
import { kindPrefix } from '../resource-mapper.ts';

export interface DeletedTarget {
  resource: ApiResource;
  name: string;
  namespace: string | undefined;
}

export interface DeleteSettings {
  /** The grace period kubectl sent; 0 is a force deletion. */
  gracePeriodSeconds: number;
  dryRun?: DryRunStrategy | undefined;
  output?: string | undefined;
}

/**
 * The line kubectl prints for each object it deleted.
 * Models pkg/cmd/delete/delete.go DeleteOptions.PrintObj (kubectl v1.35): a namespaced object
 * says `from NS namespace`, a cluster-scoped one does not; `-o name` prints only `kind/name`.
 */
export function deletedLine(target: DeletedTarget, settings: DeleteSettings): string {
  const kind = kindPrefix(target.resource);
  if (settings.output === 'name') return `${kind}/${target.name}\n`;
  let operation = settings.gracePeriodSeconds === 0 ? 'force deleted' : 'deleted';
  if (target.resource.namespaced) operation = `${operation} from ${target.namespace ?? ''} namespace`;
  operation += dryRunSuffix(settings.dryRun ?? 'none');
  return `${kind} "${target.name}" ${operation}\n`;
}
