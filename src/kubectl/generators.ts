/**
 * The objects kubectl's imperative generators build (`run`, `create deployment|configmap|secret
 * generic|namespace`), field for field as kubectl v1.35 prints them with `--dry-run=client -o yaml`.
 */
import type { KubeObject } from '../engine/api/client.ts';
import { encodeBase64 } from '../lib/base64.ts';

export function deploymentFor(name: string, images: string[], replicas: number, port?: number, command?: string[]): KubeObject {
  // Only the first container gets --port (create_deployment.go buildPodSpec).
  const containers = images.map((image, i) => {
    const base = image.split('@')[0]!.split('/').pop()!.split(':')[0]!;
    return { ...(command?.length ? { command } : {}), image, name: base, ...(port !== undefined && i === 0 ? { ports: [{ containerPort: port }] } : {}), resources: {} };
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { app: name }, name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      strategy: {},
      template: { metadata: { labels: { app: name } }, spec: { containers } },
    },
    status: {},
  };
}

export interface RunOptions {
  name: string;
  image: string;
  labels?: Record<string, string>;
  env?: { name: string; value: string }[];
  port?: number;
  command: boolean;
  args: string[];
  restart: string;
  imagePullPolicy?: string;
  annotations?: Record<string, string>;
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
  privileged?: boolean;
}

export function podFor(o: RunOptions): KubeObject {
  const container: Record<string, unknown> = {};
  if (o.args.length) container[o.command ? 'command' : 'args'] = o.args;
  if (o.env?.length) container.env = o.env;
  container.image = o.image;
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  container.name = o.name;
  if (o.port !== undefined) container.ports = [{ containerPort: o.port }];
  container.resources = {};
  if (o.privileged) container.securityContext = { privileged: true };
  if (o.stdin) container.stdin = true;
  if (o.stdinOnce) container.stdinOnce = true;
  if (o.tty) container.tty = true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(o.annotations ? { annotations: o.annotations } : {}), labels: o.labels ?? { run: o.name }, name: o.name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: o.restart },
    status: {},
  };
}

/** The ClusterIP Service `run --expose` creates: --labels, or `run=<name>`, select the pod. */
export function serviceFor(name: string, port: number, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...(labels ? { labels } : {}), name },
    spec: { ports: [{ port, protocol: 'TCP', targetPort: port }], selector: { ...(labels ?? { run: name }) } },
    status: { loadBalancer: {} },
  };
}

export function configMapFor(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', ...(Object.keys(data).length ? { data } : {}), kind: 'ConfigMap', metadata: { name } };
}

export function secretFor(name: string, data: Record<string, string>, type?: string): KubeObject {
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeBase64(v)]));
  return { apiVersion: 'v1', ...(Object.keys(encoded).length ? { data: encoded } : {}), kind: 'Secret', metadata: { name }, ...(type ? { type } : {}) };
}

export function namespaceFor(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} };
}

/** create_job.go createJob: one container named after the Job, restartPolicy Never. */
export function jobFor(name: string, image: string, command: string[]): KubeObject {
  const container = { ...(command.length ? { command } : {}), image, name, resources: {} };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } }, status: {} };
}

/** create_job.go createJobFromCronJob: the CronJob's job template, marked as a manual run and owned by the CronJob. */
export function jobFromCronJob(name: string, cronJob: KubeObject): KubeObject {
  const template = ((cronJob.spec as { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } } | undefined)
    ?.jobTemplate ?? {}) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const owner = { apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata?.name ?? '', uid: cronJob.metadata?.uid ?? '', controller: true };
  const metadata = { name, ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}), annotations, ownerReferences: [owner] };
  const spec = JSON.parse(JSON.stringify(template.spec ?? {}));
  // The server's `creationTimestamp: null` does not survive kubectl's decoding into Go structs.
  if (spec.template?.metadata?.creationTimestamp === null) delete spec.template.metadata.creationTimestamp;
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec, status: {} };
}

/** create_cronjob.go createCronJob: the job template carries the CronJob's name too. */
export function cronJobFor(name: string, image: string, schedule: string, restart: string, command: string[]): KubeObject {
  const container = { ...(command.length ? { command } : {}), image, name, resources: {} };
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      jobTemplate: { metadata: { name }, spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: restart } } } },
      schedule,
    },
    status: {},
  };
}

export function serviceAccountFor(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } };
}
