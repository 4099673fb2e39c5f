/**
 * kubectl prints objects it built itself (client dry runs) as JSON in Go struct field order, not
 * sorted: `kind`, `apiVersion`, `metadata` {name, namespace, creationTimestamp, labels…}, then the
 * type's fields. Keys of any other object are sorted, as Go's encoding/json sorts map keys (labels,
 * data); the structs generators build beyond this table have their fields in alphabetical order.
 */
import { reorderKeysDeep } from './deep-pieces.ts';

const ORDER: Record<string, string[]> = {
  '': ['kind', 'apiVersion', 'metadata', 'spec', 'data', 'stringData', 'binaryData', 'type', 'status'],
  metadata: ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'labels', 'annotations'],
  spec: ['replicas', 'ports', 'selector', 'template', 'strategy', 'containers', 'restartPolicy', 'dnsPolicy', 'schedule', 'jobTemplate'],
  containers: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'imagePullPolicy'],
  initContainers: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'imagePullPolicy'],
  ports: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'],
  env: ['name', 'value', 'valueFrom'],
};

export function inGoFieldOrder(value: unknown): unknown {
  return reorderKeysDeep(value, (keys, key) => {
    const order = ORDER[key] ?? [];
    return [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k)).sort()];
  });
}
