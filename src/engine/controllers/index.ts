/** Starts the control plane's controllers, in the order kube-controller-manager would have them ready. */
import { startBootstrap } from './bootstrap/bootstrap-controller.ts';
import { startCustomResourceDefinitionController } from '../api/custom-resources/crd-controller.ts';
import type { ControllerContext } from './controller-context.ts';
import { CronJobController } from './cronjob/cronjob-controller.ts';
import { DaemonSetController } from './daemon/daemon-set-controller.ts';
import { DisruptionController } from './disruption/disruption-controller.ts';
import { DeploymentController } from './deployment/deployment-controller.ts';
import { EndpointsController } from './endpoints/endpoints-controller.ts';
import { GarbageCollector } from './garbage-collector/garbage-collector.ts';
import { JobController } from './job/job-controller.ts';
import { ReplicaSetController } from './replicaset/replica-set-controller.ts';
import { StatefulSetController } from './statefulset/stateful-set-controller.ts';
import { startServiceAccountsController } from './serviceaccount/serviceaccounts-controller.ts';
import { ResourceQuotaController } from './resource-quota/resource-quota-controller.ts';
import { PersistentVolumeController } from './volume/persistent-volume-controller.ts';
import { VolumeProtectionController } from './volume/volume-protection.ts';

export function startControllers(ctx: ControllerContext): void {
  startBootstrap(ctx);
  new GarbageCollector(ctx).start();
  new ReplicaSetController(ctx).start();
  new DeploymentController(ctx).start();
  new StatefulSetController(ctx).start();
  new DaemonSetController(ctx).start();
  new EndpointsController(ctx).start();
  new JobController(ctx).start();
  new CronJobController(ctx).start();
  startServiceAccountsController(ctx);
  new DisruptionController(ctx).start();
  new ResourceQuotaController(ctx).start();
  new PersistentVolumeController(ctx).start();
  new VolumeProtectionController(ctx).start();
  startCustomResourceDefinitionController(ctx.server, ctx.clock);
}
