/**
 * The scenario both simulators play, after webernetes' own examples: a Deployment of N nginx
 * replicas created until every replica is Ready, then a rolling update to a new image until the
 * rollout is complete (what `kubectl rollout status` waits for). Each system gets the same
 * manifest and the same two phases; only the way it is driven differs.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';

export const DEPLOYMENT_NAME = 'bench';
export const FIRST_IMAGE = 'nginx:1.26';
export const NEXT_IMAGE = 'nginx:1.27';

export function benchDeployment(replicas: number, image = FIRST_IMAGE): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: DEPLOYMENT_NAME, namespace: 'default', labels: { app: DEPLOYMENT_NAME } },
    spec: {
      replicas,
      selector: { matchLabels: { app: DEPLOYMENT_NAME } },
      template: {
        metadata: { labels: { app: DEPLOYMENT_NAME } },
        spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }] }] },
      },
    },
  };
}

/** The status fields both phases read, as the deployment controller writes them. */
export interface DeploymentProgress {
  generation?: number | undefined;
  observedGeneration?: number | undefined;
  replicas?: number | undefined;
  updatedReplicas?: number | undefined;
  readyReplicas?: number | undefined;
  availableReplicas?: number | undefined;
}

/** A deployment as either system's client types it (webernetes' dates are Date objects). */
export interface ObservedDeployment {
  metadata?: { generation?: number | undefined } | undefined;
  status?: Omit<DeploymentProgress, 'generation'> | undefined;
}

export function progressOf(deployment: ObservedDeployment): DeploymentProgress {
  const status = deployment.status;
  return {
    generation: deployment.metadata?.generation,
    observedGeneration: status?.observedGeneration,
    replicas: status?.replicas,
    updatedReplicas: status?.updatedReplicas,
    readyReplicas: status?.readyReplicas,
    availableReplicas: status?.availableReplicas,
  };
}

/** Phase one is over once every replica is Ready. */
export function isCreated(progress: DeploymentProgress, replicas: number): boolean {
  return progress.readyReplicas === replicas;
}

/**
 * Phase two is over when `kubectl rollout status` would say "successfully rolled out": the
 * controller saw the new template, every replica is updated and available, none of the old is left.
 * webernetes sets no `generation`, so the rollout must also have been seen under way (fewer updated
 * replicas than wanted) — or the status from before the update would pass at once.
 */
export class RolloutWatch {
  #started = false;
  readonly #replicas: number;

  constructor(replicas: number) {
    this.#replicas = replicas;
  }

  isRolledOut(progress: DeploymentProgress): boolean {
    const { generation, observedGeneration } = progress;
    if ((progress.updatedReplicas ?? 0) < this.#replicas || (observedGeneration !== undefined && generation !== undefined && observedGeneration < generation)) {
      this.#started = true;
      return false;
    }
    return this.#started && progress.updatedReplicas === this.#replicas && progress.replicas === this.#replicas && progress.availableReplicas === this.#replicas;
  }
}

/** What one run measured of one phase: CPU (user + system) and wall time, in ms. */
export interface PhaseCost {
  cpuMs: number;
  wallMs: number;
}

/** What a runner process reports to the parent, one message per event. */
export type RunnerMessage =
  | { type: 'phase'; phase: 'create' | 'update'; cost: PhaseCost }
  | { type: 'done'; peakRssMb: number; heapAfterGcMb: number; nodes: number }
  | { type: 'failed'; phase: 'create' | 'update'; reason: string };
