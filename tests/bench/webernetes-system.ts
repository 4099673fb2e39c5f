/**
 * The scenario on webernetes: its Cluster as its README and examples build one, on the node count
 * both systems get, its clock following real time; the deployment followed by `cluster.informer`.
 * webernetes ships no nginx, so two small images answer on port 80 under nginx's name and tags.
 */
import { BaseImage, Cluster, type ClusterApplyResource, type ProcessContext } from '@ngrok/webernetes';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { benchDeployment, FIRST_IMAGE, isCreated, RolloutWatch, NEXT_IMAGE, progressOf, type DeploymentProgress, type RunnerMessage } from './deployment-scenario.ts';
import { startMeter } from './phase-meter.ts';

/** Wall time without any change to the deployment's status before a phase counts as stuck. */
const STALL_MS = 60_000;

abstract class NginxImage extends BaseImage {
  static readonly imageName = 'nginx';
  readonly defaultCommand = ['nginx'];

  override async exec(ctx: ProcessContext, argv: readonly string[]): Promise<number> {
    if (argv[0] !== 'nginx') return super.exec(ctx, argv);
    ctx.listenHttp(80, () => Promise.resolve({ status: 200, body: 'Welcome to nginx!\n' }));
    return ctx.waitUntilKilled();
  }
}

/** The manifest has no timestamps, the one place where the two client type sets differ. */
const asApplied = (deployment: Deployment) => deployment as unknown as ClusterApplyResource;

const tagOf = (image: string) => image.slice(image.indexOf(':') + 1);

class NginxFirst extends NginxImage {
  static readonly imageVersion = tagOf(FIRST_IMAGE);
}

class NginxNext extends NginxImage {
  static readonly imageVersion = tagOf(NEXT_IMAGE);
}

export async function runWebernetes(replicas: number, nodes: number | undefined, report: (message: RunnerMessage) => void): Promise<Cluster | undefined> {
  const cluster = new Cluster(nodes !== undefined ? { nodes } : {});
  cluster.registerImage(NginxFirst);
  cluster.registerImage(NginxNext);
  await cluster.init();
  let progress: DeploymentProgress = {};
  let changed: () => void = () => undefined;
  const informer = cluster.informer(
    'deployments',
    (type, deployment) => {
      if (type === 'delete') return;
      progress = progressOf(deployment);
      changed();
    },
    { namespace: 'default' },
  );
  /** Resolves true once `isDone` holds, false when the status stops changing for STALL_MS. */
  const until = (isDone: () => boolean) =>
    new Promise<boolean>((resolve) => {
      let stall = setTimeout(() => resolve(false), STALL_MS);
      changed = () => {
        clearTimeout(stall);
        if (isDone()) {
          changed = () => undefined;
          resolve(true);
        } else stall = setTimeout(() => resolve(false), STALL_MS);
      };
      changed();
    });

  try {
    let meter = startMeter();
    await cluster.apply([asApplied(benchDeployment(replicas))]);
    if (!(await until(() => isCreated(progress, replicas)))) {
      report({ type: 'failed', phase: 'create', reason: `${progress.readyReplicas ?? 0}/${replicas} Ready` });
      return undefined;
    }
    report({ type: 'phase', phase: 'create', cost: meter() });

    meter = startMeter();
    const rollout = new RolloutWatch(replicas);
    await cluster.apply([asApplied(benchDeployment(replicas, NEXT_IMAGE))]);
    if (!(await until(() => rollout.isRolledOut(progress)))) {
      report({ type: 'failed', phase: 'update', reason: JSON.stringify(progress) });
      return undefined;
    }
    report({ type: 'phase', phase: 'update', cost: meter() });
    return cluster;
  } finally {
    await informer.stop();
  }
}
