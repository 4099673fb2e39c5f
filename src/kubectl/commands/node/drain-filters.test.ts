import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse, KubeObject } from '../../../engine/api/client.ts';
import { judgePods, podsToRemove, verdictErrors, verdictWarnings, type DrainOptions } from './drain-filters.ts';

// Cases from pkg/cmd/drain/drain_test.go TestDrain (kubectl v1.35): which pods a drain removes and
// what it says about the others. Messages are the ones kubectl v1.35.2 prints.
const owner = (kind: string, name: string, apiVersion = 'apps/v1') => ({ ownerReferences: [{ apiVersion, kind, name, uid: `${name}-uid`, controller: true }] });

function pod(name: string, meta: Partial<NonNullable<KubeObject['metadata']>> = {}, extra: { emptyDir?: boolean; phase?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...meta },
    spec: { nodeName: 'node01', ...(extra.emptyDir ? { volumes: [{ name: 'scratch', emptyDir: {} }] } : {}) },
    status: { phase: extra.phase ?? 'Running' },
  };
}

/** A server that knows one DaemonSet, `ds`. */
const api: ApiClient = {
  request: (async (req: { resource: string; name?: string }) =>
    req.resource === 'daemonsets' && req.name === 'ds'
      ? { ok: true, code: 200, body: { kind: 'DaemonSet', metadata: { name: 'ds' } } }
      : {
          ok: false,
          code: 404,
          body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `daemonsets.apps "${req.name}" not found` },
        }) as unknown as ApiClient['request'],
  watch: () => ({ stop: () => undefined }),
  discover: async () => [],
  serverVersion: async () => ({}) as never,
} as unknown as ApiClient;

const defaults: DrainOptions = { force: false, ignoreDaemonSets: false, deleteEmptyDirData: false, skipWaitSeconds: 0, nowMs: 0 };

describe('drain filters', () => {
  it.each([
    { name: 'RC-managed pod', pods: [pod('rc', owner('ReplicationController', 'rc', 'v1'))], options: {}, removed: ['rc'], errors: [], warnings: '' },
    {
      name: 'DS-managed pod',
      pods: [pod('bar', owner('DaemonSet', 'ds'))],
      options: {},
      removed: [],
      errors: ['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/bar'],
      warnings: '',
    },
    { name: 'DS-managed terminated pod', pods: [pod('bar', owner('DaemonSet', 'ds'), { phase: 'Succeeded' })], options: {}, removed: ['bar'], errors: [], warnings: '' },
    {
      name: 'orphaned DS-managed pod',
      pods: [pod('bar', owner('DaemonSet', 'gone'))],
      options: {},
      removed: [],
      errors: ['cannot delete daemonsets.apps "gone" not found: default/bar'],
      warnings: '',
    },
    {
      name: 'orphaned DS-managed pod with --force',
      pods: [pod('bar', owner('DaemonSet', 'gone'))],
      options: { force: true },
      removed: ['bar'],
      errors: [],
      // The unreplicated filter after it answers Okay, which hides the warning, as upstream.
      warnings: '',
    },
    {
      name: 'DS-managed pod with --ignore-daemonsets',
      pods: [pod('bar', owner('DaemonSet', 'ds'))],
      options: { ignoreDaemonSets: true },
      removed: [],
      errors: [],
      warnings: 'ignoring DaemonSet-managed Pods: default/bar',
    },
    {
      name: 'DS-managed pod with emptyDir with --ignore-daemonsets',
      pods: [pod('bar', owner('DaemonSet', 'ds'), { emptyDir: true })],
      options: { ignoreDaemonSets: true },
      removed: [],
      errors: [],
      warnings: 'ignoring DaemonSet-managed Pods: default/bar',
    },
    {
      name: 'Job-managed pod with local storage',
      pods: [pod('bar', owner('Job', 'job', 'batch/v1'), { emptyDir: true })],
      options: { deleteEmptyDirData: true },
      removed: ['bar'],
      errors: [],
      warnings: '',
    },
    { name: 'Job-managed terminated pod', pods: [pod('bar', owner('Job', 'job', 'batch/v1'), { phase: 'Failed' })], options: {}, removed: ['bar'], errors: [], warnings: '' },
    { name: 'RS-managed pod', pods: [pod('bar', owner('ReplicaSet', 'rs'))], options: {}, removed: ['bar'], errors: [], warnings: '' },
    { name: 'SS-managed pod', pods: [pod('bar', owner('StatefulSet', 'ss'))], options: {}, removed: ['bar'], errors: [], warnings: '' },
    {
      name: 'naked pod',
      pods: [pod('bar')],
      options: {},
      removed: [],
      errors: ['cannot delete cannot delete Pods that declare no controller (use --force to override): default/bar'],
      warnings: '',
    },
    { name: 'naked terminated pod', pods: [pod('bar', {}, { phase: 'Succeeded' })], options: {}, removed: ['bar'], errors: [], warnings: '' },
    {
      name: 'naked pod with --force',
      pods: [pod('bar')],
      options: { force: true },
      removed: ['bar'],
      errors: [],
      warnings: 'deleting Pods that declare no controller: default/bar',
    },
    {
      name: 'pod with EmptyDir',
      pods: [pod('bar', owner('ReplicaSet', 'rs'), { emptyDir: true })],
      options: {},
      removed: [],
      errors: ['cannot delete Pods with local storage (use --delete-emptydir-data to override): default/bar'],
      warnings: '',
    },
    {
      name: 'terminated pod with emptyDir',
      pods: [pod('bar', owner('ReplicaSet', 'rs'), { emptyDir: true, phase: 'Failed' })],
      options: {},
      removed: ['bar'],
      errors: [],
      warnings: '',
    },
    { name: 'mirror pod', pods: [pod('bar', { annotations: { 'kubernetes.io/config.mirror': 'x' } })], options: {}, removed: [], errors: [], warnings: '' },
    { name: 'empty node', pods: [], options: {}, removed: [], errors: [], warnings: '' },
  ])('$name', async ({ pods, options, removed, errors, warnings }) => {
    const verdicts = await judgePods(api, pods, { ...defaults, ...options });
    expect({ removed: podsToRemove(verdicts).map((p) => p.metadata?.name), errors: verdictErrors(verdicts), warnings: verdictWarnings(verdicts) }).toEqual({
      removed,
      errors,
      warnings,
    });
  });
});
