/**
 * kubectl prints objects it built itself (client dry runs) as JSON in Go struct field order, not
 * sorted: `kind`, `apiVersion`, `metadata` {name, namespace, creationTimestamp, labels…}, then the
 * type's fields. Keys of any other object are sorted, as Go's encoding/json sorts map keys (labels,
 * data); the structs generators build beyond this table have their fields in alphabetical order.
 */
const ORDER: Record<string, string[]> = {
  '': ['kind', 'apiVersion', 'metadata', 'spec', 'data', 'stringData', 'binaryData', 'type', 'status'],
  metadata: ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'labels', 'annotations'],
  spec: ['replicas', 'ports', 'selector', 'template', 'strategy', 'containers', 'restartPolicy', 'dnsPolicy'],
  containers: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'imagePullPolicy'],
  initContainers: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'imagePullPolicy'],
  ports: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'],
  env: ['name', 'value', 'valueFrom'],
};

export function inGoFieldOrder(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => inGoFieldOrder(v, key));
  if (!value || typeof value !== 'object') return value;
  const order = ORDER[key] ?? [];
  const keys = Object.keys(value);
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k)).sort();
  return Object.fromEntries([...known, ...rest].map((k) => [k, inGoFieldOrder((value as Record<string, unknown>)[k], k)]));
}
