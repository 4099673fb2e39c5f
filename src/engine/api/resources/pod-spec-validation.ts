/**
 * ValidatePodSpec and what it calls (pkg/apis/core/validation/validation.go), in upstream's
 * order so that several errors come out as the real server lists them. Shared by pods and
 * workload templates; `path` is `spec` or `spec.template.spec`.
 */
import type { Container, PodSpec, Probe, Volume } from 'kubernetes-types/core/v1';
import { type FieldError, duplicate, forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';
import { inclusiveRangeError, isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isQualifiedName, isValidPortName, isValidPortNum } from './name-validation.ts';
import { validateLabels } from './object-meta-validation.ts';
import { quantityValue } from './quantity-value.ts';

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

function validateVolumes(volumes: readonly Volume[] | undefined, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((volume, i) => {
    const idx = `${path}[${i}]`;
    const sources = VOLUME_SOURCES.filter((s) => (volume as unknown as Record<string, unknown>)[s] !== undefined);
    if (sources.length === 0) errs.push(required(idx, 'must specify a volume type'));
    else if (sources.length > 1) errs.push(forbidden(`${idx}.${sources[1]}`, 'may not specify more than 1 volume type'));
    if (!volume.name) errs.push(required(`${idx}.name`));
    else for (const msg of isDNS1123Label(volume.name)) errs.push(invalid(`${idx}.name`, goValue(volume.name), msg));
    if (volume.configMap && !volume.configMap.name) errs.push(required(`${idx}.configMap.name`));
    if (volume.secret && !volume.secret.secretName) errs.push(required(`${idx}.secret.secretName`));
    if (volume.persistentVolumeClaim && !volume.persistentVolumeClaim.claimName) {
      errs.push(required(`${idx}.persistentVolumeClaim.claimName`));
    }
    if (volume.hostPath && !volume.hostPath.path) errs.push(required(`${idx}.hostPath.path`));
    if (volume.name && names.has(volume.name)) errs.push(duplicate(`${idx}.name`, goValue(volume.name)));
    if (volume.name) names.add(volume.name);
  });
  return { errs, names };
}

function validatePorts(container: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (container.ports ?? []).forEach((port, i) => {
    const idx = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const msg of msgs) errs.push(invalid(`${idx}.name`, goValue(port.name), msg));
      else if (names.has(port.name)) errs.push(duplicate(`${idx}.name`, goValue(port.name)));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${idx}.containerPort`));
    else for (const msg of isValidPortNum(port.containerPort)) errs.push(invalid(`${idx}.containerPort`, String(port.containerPort), msg));
    if (port.hostPort) for (const msg of isValidPortNum(port.hostPort)) errs.push(invalid(`${idx}.hostPort`, String(port.hostPort), msg));
    if (!port.protocol) errs.push(required(`${idx}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(port.protocol)) errs.push(notSupported(`${idx}.protocol`, goValue(port.protocol), ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

function validateEnv(container: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (container.env ?? []).forEach((env, i) => {
    const idx = `${path}[${i}]`;
    if (!env.name) errs.push(required(`${idx}.name`));
    else for (const msg of isEnvVarName(env.name)) errs.push(invalid(`${idx}.name`, goValue(env.name), msg));
    const from = env.valueFrom;
    if (!from) return;
    const sources = [from.fieldRef, from.resourceFieldRef, from.configMapKeyRef, from.secretKeyRef].filter((s) => s !== undefined);
    if (sources.length === 0) errs.push(invalid(`${idx}.valueFrom`, '""', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (sources.length > 1) errs.push(invalid(`${idx}.valueFrom`, '""', 'may not have more than one field specified at a time'));
    for (const [refName, ref] of [
      ['configMapKeyRef', from.configMapKeyRef],
      ['secretKeyRef', from.secretKeyRef],
    ] as const) {
      if (!ref) continue;
      if (!ref.key) errs.push(required(`${idx}.valueFrom.${refName}.key`));
      else for (const msg of isConfigMapKey(ref.key)) errs.push(invalid(`${idx}.valueFrom.${refName}.key`, goValue(ref.key), msg));
      if (!ref.name) errs.push(required(`${idx}.valueFrom.${refName}.name`));
    }
    if (env.value && sources.length > 0) errs.push(invalid(`${idx}.valueFrom`, '""', 'may not be specified when `value` is not empty'));
  });
  return errs;
}

function validateVolumeMounts(container: Container, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  (container.volumeMounts ?? []).forEach((mount, i) => {
    const idx = `${path}[${i}]`;
    if (!mount.name) errs.push(required(`${idx}.name`));
    else if (!volumes.has(mount.name)) errs.push({ type: 'FieldValueNotFound', field: `${idx}.name`, value: goValue(mount.name) });
    if (!mount.mountPath) errs.push(required(`${idx}.mountPath`));
    else if (paths.has(mount.mountPath)) errs.push(invalid(`${idx}.mountPath`, goValue(mount.mountPath), 'must be unique'));
    if (mount.mountPath) paths.add(mount.mountPath);
  });
  return errs;
}

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

// Models validateContainerResourceName: `cpus` or `mem` are typos the server rejects.
function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, goValue(name), msg));
  if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.includes(name) && !name.startsWith('hugepages-')) {
    errs.push(invalid(path, goValue(name), 'must be a standard resource for containers'));
  }
  return errs;
}

function validateResources(container: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = container.resources?.limits ?? {};
  const requests = container.resources?.requests ?? {};
  for (const name of Object.keys(limits).sort()) {
    const quantity = limits[name]!;
    errs.push(...validateResourceName(name, `${path}.limits[${name}]`));
    if ((quantityValue(quantity) ?? 0) < 0) errs.push(invalid(`${path}.limits[${name}]`, goValue(quantity), 'must be greater than or equal to 0'));
  }
  for (const name of Object.keys(requests).sort()) {
    const quantity = requests[name]!;
    const value = quantityValue(quantity) ?? 0;
    errs.push(...validateResourceName(name, `${path}.requests[${name}]`));
    if (value < 0) errs.push(invalid(`${path}.requests[${name}]`, goValue(quantity), 'must be greater than or equal to 0'));
    const limit = limits[name];
    if (limit !== undefined && value > (quantityValue(limit) ?? 0)) {
      errs.push(invalid(`${path}.requests`, goValue(String(quantity)), `must be less than or equal to ${name} limit of ${limit}`));
    }
  }
  return errs;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer'];

/** validateResizePolicy: cpu and memory once each, NotRequired or RestartContainer (only NotRequired under Never). */
function validateResizePolicy(container: Container, path: string, podRestartPolicy: string | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (container.resizePolicy ?? []).forEach((policy, i) => {
    const name = policy.resourceName ?? '';
    if (seen.has(name)) errs.push(duplicate(`${path}[${i}]`, goValue(name)));
    seen.add(name);
    if (name === '') errs.push(required(path));
    else if (!RESIZE_RESOURCES.includes(name)) errs.push(notSupported(path, goValue(name), RESIZE_RESOURCES));
    const restart = policy.restartPolicy ?? '';
    if (restart === '') errs.push(required(path));
    else if (!RESIZE_POLICIES.includes(restart)) errs.push(notSupported(path, goValue(restart), RESIZE_POLICIES));
    if (podRestartPolicy === 'Never' && restart !== 'NotRequired') errs.push(invalid(path, goValue(restart), "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  });
  return errs;
}

function validateContainerCommon(container: Container, volumes: Set<string>, path: string, podRestartPolicy?: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!container.name) errs.push(required(`${path}.name`));
  else for (const msg of isDNS1123Label(container.name)) errs.push(invalid(`${path}.name`, goValue(container.name), msg));
  if (!container.image) errs.push(required(`${path}.image`));
  const policy = container.terminationMessagePolicy;
  if (policy !== undefined && policy !== 'File' && policy !== 'FallbackToLogsOnError') {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, goValue(policy), ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validatePorts(container, `${path}.ports`));
  errs.push(...validateEnv(container, `${path}.env`));
  errs.push(...validateVolumeMounts(container, volumes, `${path}.volumeMounts`));
  const pull = container.imagePullPolicy;
  if (pull !== undefined && !PULL_POLICIES.includes(pull)) errs.push(notSupported(`${path}.imagePullPolicy`, goValue(pull), PULL_POLICIES));
  errs.push(...validateResources(container, `${path}.resources`));
  errs.push(...validateResizePolicy(container, `${path}.resizePolicy`, podRestartPolicy));
  return errs;
}

// Models validateProbe and the liveness/startup successThreshold rule.
function validateProbe(probe: Probe | undefined, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!probe) return [];
  const errs: FieldError[] = [];
  const handlers = [probe.exec, probe.httpGet, probe.tcpSocket, probe.grpc].filter((h) => h !== undefined);
  if (handlers.length === 0) errs.push(required(path, 'must specify a handler type'));
  else if (handlers.length > 1) errs.push(forbidden(path, 'may not specify more than 1 handler type'));
  if (probe.httpGet) errs.push(...validatePortNumOrName(probe.httpGet.port, `${path}.httpGet.port`));
  if (probe.tcpSocket) errs.push(...validatePortNumOrName(probe.tcpSocket.port, `${path}.tcpSocket.port`));
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const value = probe[field];
    if (value !== undefined && value < 0) errs.push(invalid(`${path}.${field}`, String(value), 'must be greater than or equal to 0'));
  }
  if (mustSucceedOnce && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(invalid(`${path}.successThreshold`, String(probe.successThreshold), 'must be 1'));
  }
  return errs;
}

function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => invalid(path, String(port), msg));
  if (!port) return [required(path)];
  return isValidPortName(port).map((msg) => invalid(path, goValue(port), msg));
}

function validateContainers(containers: readonly Container[] | undefined, volumes: Set<string>, path: string, podRestartPolicy: string | undefined): FieldError[] {
  if (!containers || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((container, i) => {
    const idx = `${path}[${i}]`;
    errs.push(...validateContainerCommon(container, volumes, idx, podRestartPolicy));
    if (names.has(container.name)) errs.push(duplicate(`${idx}.name`, goValue(container.name)));
    else names.add(container.name);
    errs.push(...validateProbe(container.livenessProbe, `${idx}.livenessProbe`, true));
    errs.push(...validateProbe(container.readinessProbe, `${idx}.readinessProbe`, false));
    errs.push(...validateProbe(container.startupProbe, `${idx}.startupProbe`, true));
    if (container.restartPolicy !== undefined) errs.push(forbidden(`${idx}.restartPolicy`, 'may not be set for non-init containers'));
  });
  return errs;
}

function validateInitContainers(spec: PodSpec, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const others = new Set((spec.containers ?? []).map((c) => c.name));
  (spec.initContainers ?? []).forEach((container, i) => {
    const idx = `${path}[${i}]`;
    errs.push(...validateContainerCommon(container, volumes, idx, spec.restartPolicy));
    if (others.has(container.name)) errs.push(duplicate(`${idx}.name`, goValue(container.name)));
    else others.add(container.name);
    const restartable = container.restartPolicy === 'Always';
    if (container.restartPolicy !== undefined && !restartable) {
      errs.push(notSupported(`${idx}.restartPolicy`, goValue(container.restartPolicy), ['Always']));
    }
    if (!restartable) {
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (container[probe]) errs.push(forbidden(`${idx}.${probe}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TOLERATION_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateTolerations(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (spec.tolerations ?? []).forEach((toleration, i) => {
    const idx = `${path}[${i}]`;
    const operator = toleration.operator ?? 'Equal';
    if (toleration.key) for (const msg of isQualifiedName(toleration.key)) errs.push(invalid(`${idx}.key`, goValue(toleration.key), msg));
    if (!toleration.key && operator !== 'Exists') {
      errs.push(invalid(`${idx}.operator`, goValue(operator), 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (toleration.tolerationSeconds !== undefined && toleration.effect !== 'NoExecute') {
      errs.push(invalid(`${idx}.effect`, goValue(toleration.effect ?? ''), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Exists' && toleration.value) {
      errs.push(invalid(`${idx}.operator`, goValue(toleration.value), "value must be empty when `operator` is 'Exists'"));
    } else if (operator !== 'Equal' && operator !== 'Exists') {
      errs.push(notSupported(`${idx}.operator`, goValue(operator), ['Equal', 'Exists']));
    }
    if (toleration.effect && !TOLERATION_EFFECTS.includes(toleration.effect)) {
      errs.push(notSupported(`${idx}.effect`, goValue(toleration.effect), TOLERATION_EFFECTS));
    }
  });
  return errs;
}

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  if (!spec) return [required(`${path}.containers`)];
  const errs: FieldError[] = [];
  const { errs: volumeErrs, names: volumes } = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...volumeErrs);
  errs.push(...validateContainers(spec.containers, volumes, `${path}.containers`, spec.restartPolicy));
  errs.push(...validateInitContainers(spec, volumes, `${path}.initContainers`));
  const restart = spec.restartPolicy;
  if (restart === undefined || restart === '') errs.push(required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(restart)) errs.push(notSupported(`${path}.restartPolicy`, goValue(restart), RESTART_POLICIES));
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errs.push(notSupported(`${path}.dnsPolicy`, goValue(spec.dnsPolicy), DNS_POLICIES));
  }
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.serviceAccountName) {
    for (const msg of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(invalid(`${path}.serviceAccountName`, goValue(spec.serviceAccountName), msg));
  }
  if (spec.nodeName) {
    for (const msg of isDNS1123Subdomain(spec.nodeName)) errs.push(invalid(`${path}.nodeName`, goValue(spec.nodeName), msg));
  }
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && (deadline < 1 || deadline > 2147483647)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, String(deadline), inclusiveRangeError(1, 2147483647)));
  }
  if (spec.hostname) for (const msg of isDNS1123Label(spec.hostname)) errs.push(invalid(`${path}.hostname`, goValue(spec.hostname), msg));
  if (spec.subdomain) for (const msg of isDNS1123Label(spec.subdomain)) errs.push(invalid(`${path}.subdomain`, goValue(spec.subdomain), msg));
  errs.push(...validateTolerations(spec, `${path}.tolerations`));
  return errs;
}
