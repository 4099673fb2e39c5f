/**
 * The plugin contract, reduced to what the default profile uses: a filter says why a node cannot
 * take the pod (one or more reasons, and whether preempting pods there could ever help), a score
 * ranks the nodes that can. Models pkg/scheduler/framework (Status codes, MaxNodeScore).
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { NodeInfo, PodInfo } from './node-info.ts';

/** Unschedulable: preemption might make room. UnschedulableAndUnresolvable: it never would. */
export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  code: StatusCode;
  reasons: string[];
  plugin: string;
}

export const MAX_NODE_SCORE = 100;

/** What every plugin may read during one scheduling attempt. */
export interface CycleState {
  pod: Pod;
  podInfo: PodInfo;
  /** All nodes of the snapshot, name order. */
  nodes: readonly NodeInfo[];
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
  /** The claims, volumes and classes VolumeBinding reads; a cycle without them sees none. */
  storage?: StorageLister;
}

export interface StorageLister {
  claim(namespace: string, name: string): PersistentVolumeClaim | undefined;
  volume(name: string): PersistentVolume | undefined;
  volumes(): PersistentVolume[];
  storageClass(name: string): StorageClass | undefined;
}

export interface FilterPlugin {
  name: string;
  /** Computes what the filter needs across the cluster once per attempt (PreFilter). */
  preFilter?(state: CycleState): unknown;
  /** A PreFilter rejection: every node gets it and FailedScheduling says only it. */
  preFilterStatus?(pre: unknown): Status | undefined;
  filter(state: CycleState, node: NodeInfo, pre: unknown): Status | undefined;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /** Raw scores for the feasible nodes, already normalized to 0–MAX_NODE_SCORE; undefined skips the plugin. */
  score(state: CycleState, nodes: readonly NodeInfo[]): number[] | undefined;
}

export function unschedulable(plugin: string, code: StatusCode, ...reasons: string[]): Status {
  return { code, reasons, plugin };
}

/** helper.DefaultNormalizeScore: scales raw scores to 0–100 by the largest; `reverse` flips them. */
export function defaultNormalizeScore(scores: number[], reverse: boolean): number[] {
  const highest = Math.max(0, ...scores);
  if (highest === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const normalized = Math.trunc((MAX_NODE_SCORE * s) / highest);
    return reverse ? MAX_NODE_SCORE - normalized : normalized;
  });
}
