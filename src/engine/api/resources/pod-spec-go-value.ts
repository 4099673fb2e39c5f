/**
 * Converts a v1 PodSpec (JSON) into the internal core.PodSpec as Go holds it, field by field in
 * the declaration order of pkg/apis/core/types.go, so go-cmp-report can print what the real
 * apiserver prints. Types missing from the table fall back to their JSON keys, capitalised.
 */
import type { GoValue } from './go-cmp-report.ts';

/** Field spec: Go name, JSON key (`^` = embedded struct read from the same JSON object), Go type. */
type FieldSpec = [goName: string, jsonKey: string, type: string];

const T: Record<string, FieldSpec[]> = {
  PodSpec: [
    ['Volumes', 'volumes', '[]Volume'],
    ['InitContainers', 'initContainers', '[]Container'],
    ['Containers', 'containers', '[]Container'],
    ['EphemeralContainers', 'ephemeralContainers', '[]EphemeralContainer'],
    ['RestartPolicy', 'restartPolicy', 'string'],
    ['TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', '*int'],
    ['ActiveDeadlineSeconds', 'activeDeadlineSeconds', '*int'],
    ['DNSPolicy', 'dnsPolicy', 'string'],
    ['NodeSelector', 'nodeSelector', 'map[string]string'],
    ['ServiceAccountName', 'serviceAccountName', 'string'],
    ['AutomountServiceAccountToken', 'automountServiceAccountToken', '*bool'],
    ['NodeName', 'nodeName', 'string'],
    ['SecurityContext', 'securityContext', '*PodSecurityContext'],
    ['ImagePullSecrets', 'imagePullSecrets', '[]LocalObjectReference'],
    ['Hostname', 'hostname', 'string'],
    ['Subdomain', 'subdomain', 'string'],
    ['SetHostnameAsFQDN', 'setHostnameAsFQDN', '*bool'],
    ['Affinity', 'affinity', '*Affinity'],
    ['SchedulerName', 'schedulerName', 'string'],
    ['Tolerations', 'tolerations', '[]Toleration'],
    ['HostAliases', 'hostAliases', '[]HostAlias'],
    ['PriorityClassName', 'priorityClassName', 'string'],
    ['Priority', 'priority', '*int'],
    ['PreemptionPolicy', 'preemptionPolicy', '*string'],
    ['DNSConfig', 'dnsConfig', '*PodDNSConfig'],
    ['ReadinessGates', 'readinessGates', '[]PodReadinessGate'],
    ['RuntimeClassName', 'runtimeClassName', '*string'],
    ['Overhead', 'overhead', 'ResourceList'],
    ['EnableServiceLinks', 'enableServiceLinks', '*bool'],
    ['TopologySpreadConstraints', 'topologySpreadConstraints', '[]TopologySpreadConstraint'],
    ['OS', 'os', '*PodOS'],
    ['SchedulingGates', 'schedulingGates', '[]PodSchedulingGate'],
    ['ResourceClaims', 'resourceClaims', '[]PodResourceClaim'],
    ['Resources', 'resources', '*ResourceRequirements'],
  ],
  Container: [
    ['Name', 'name', 'string'],
    ['Image', 'image', 'string'],
    ['Command', 'command', '[]string'],
    ['Args', 'args', '[]string'],
    ['WorkingDir', 'workingDir', 'string'],
    ['Ports', 'ports', '[]ContainerPort'],
    ['EnvFrom', 'envFrom', '[]EnvFromSource'],
    ['Env', 'env', '[]EnvVar'],
    ['Resources', 'resources', 'ResourceRequirements'],
    ['ResizePolicy', 'resizePolicy', '[]ContainerResizePolicy'],
    ['RestartPolicy', 'restartPolicy', '*string'],
    ['VolumeMounts', 'volumeMounts', '[]VolumeMount'],
    ['VolumeDevices', 'volumeDevices', '[]VolumeDevice'],
    ['LivenessProbe', 'livenessProbe', '*Probe'],
    ['ReadinessProbe', 'readinessProbe', '*Probe'],
    ['StartupProbe', 'startupProbe', '*Probe'],
    ['Lifecycle', 'lifecycle', '*Lifecycle'],
    ['TerminationMessagePath', 'terminationMessagePath', 'string'],
    ['TerminationMessagePolicy', 'terminationMessagePolicy', 'string'],
    ['ImagePullPolicy', 'imagePullPolicy', 'string'],
    ['SecurityContext', 'securityContext', '*SecurityContext'],
    ['Stdin', 'stdin', 'bool'],
    ['StdinOnce', 'stdinOnce', 'bool'],
    ['TTY', 'tty', 'bool'],
  ],
  PodSecurityContext: [
    ['HostNetwork', '', 'bool'],
    ['HostPID', '', 'bool'],
    ['HostIPC', '', 'bool'],
    ['ShareProcessNamespace', '', '*bool'],
    ['HostUsers', '', '*bool'],
    ['SELinuxOptions', 'seLinuxOptions', '*SELinuxOptions'],
    ['WindowsOptions', 'windowsOptions', '*WindowsSecurityContextOptions'],
    ['RunAsUser', 'runAsUser', '*int'],
    ['RunAsGroup', 'runAsGroup', '*int'],
    ['RunAsNonRoot', 'runAsNonRoot', '*bool'],
    ['SupplementalGroups', 'supplementalGroups', '[]int'],
    ['SupplementalGroupsPolicy', 'supplementalGroupsPolicy', '*string'],
    ['FSGroup', 'fsGroup', '*int'],
    ['FSGroupChangePolicy', 'fsGroupChangePolicy', '*string'],
    ['Sysctls', 'sysctls', '[]Sysctl'],
    ['SeccompProfile', 'seccompProfile', '*SeccompProfile'],
    ['AppArmorProfile', 'appArmorProfile', '*AppArmorProfile'],
    ['SELinuxChangePolicy', 'seLinuxChangePolicy', '*string'],
  ],
  SecurityContext: [
    ['Capabilities', 'capabilities', '*Capabilities'],
    ['Privileged', 'privileged', '*bool'],
    ['SELinuxOptions', 'seLinuxOptions', '*SELinuxOptions'],
    ['WindowsOptions', 'windowsOptions', '*WindowsSecurityContextOptions'],
    ['RunAsUser', 'runAsUser', '*int'],
    ['RunAsGroup', 'runAsGroup', '*int'],
    ['RunAsNonRoot', 'runAsNonRoot', '*bool'],
    ['ReadOnlyRootFilesystem', 'readOnlyRootFilesystem', '*bool'],
    ['AllowPrivilegeEscalation', 'allowPrivilegeEscalation', '*bool'],
    ['ProcMount', 'procMount', '*string'],
    ['SeccompProfile', 'seccompProfile', '*SeccompProfile'],
    ['AppArmorProfile', 'appArmorProfile', '*AppArmorProfile'],
  ],
  Capabilities: [
    ['Add', 'add', '[]string'],
    ['Drop', 'drop', '[]string'],
  ],
  Volume: [
    ['Name', 'name', 'string'],
    ['VolumeSource', '^', 'VolumeSource'],
  ],
  VolumeSource: [
    ['HostPath', 'hostPath', '*HostPathVolumeSource'],
    ['EmptyDir', 'emptyDir', '*EmptyDirVolumeSource'],
    ['GCEPersistentDisk', 'gcePersistentDisk', '*GCEPersistentDiskVolumeSource'],
    ['AWSElasticBlockStore', 'awsElasticBlockStore', '*AWSElasticBlockStoreVolumeSource'],
    ['GitRepo', 'gitRepo', '*GitRepoVolumeSource'],
    ['Secret', 'secret', '*SecretVolumeSource'],
    ['NFS', 'nfs', '*NFSVolumeSource'],
    ['ISCSI', 'iscsi', '*ISCSIVolumeSource'],
    ['Glusterfs', 'glusterfs', '*GlusterfsVolumeSource'],
    ['PersistentVolumeClaim', 'persistentVolumeClaim', '*PersistentVolumeClaimVolumeSource'],
    ['RBD', 'rbd', '*RBDVolumeSource'],
    ['Quobyte', 'quobyte', '*QuobyteVolumeSource'],
    ['FlexVolume', 'flexVolume', '*FlexVolumeSource'],
    ['Cinder', 'cinder', '*CinderVolumeSource'],
    ['CephFS', 'cephfs', '*CephFSVolumeSource'],
    ['Flocker', 'flocker', '*FlockerVolumeSource'],
    ['DownwardAPI', 'downwardAPI', '*DownwardAPIVolumeSource'],
    ['FC', 'fc', '*FCVolumeSource'],
    ['AzureFile', 'azureFile', '*AzureFileVolumeSource'],
    ['ConfigMap', 'configMap', '*ConfigMapVolumeSource'],
    ['VsphereVolume', 'vsphereVolume', '*VsphereVirtualDiskVolumeSource'],
    ['AzureDisk', 'azureDisk', '*AzureDiskVolumeSource'],
    ['PhotonPersistentDisk', 'photonPersistentDisk', '*PhotonPersistentDiskVolumeSource'],
    ['Projected', 'projected', '*ProjectedVolumeSource'],
    ['PortworxVolume', 'portworxVolume', '*PortworxVolumeSource'],
    ['ScaleIO', 'scaleIO', '*ScaleIOVolumeSource'],
    ['StorageOS', 'storageos', '*StorageOSVolumeSource'],
    ['CSI', 'csi', '*CSIVolumeSource'],
    ['Ephemeral', 'ephemeral', '*EphemeralVolumeSource'],
    ['Image', 'image', '*ImageVolumeSource'],
  ],
  HostPathVolumeSource: [
    ['Path', 'path', 'string'],
    ['Type', 'type', '*string'],
  ],
  EmptyDirVolumeSource: [
    ['Medium', 'medium', 'string'],
    ['SizeLimit', 'sizeLimit', '*Quantity'],
  ],
  SecretVolumeSource: [
    ['SecretName', 'secretName', 'string'],
    ['Items', 'items', '[]KeyToPath'],
    ['DefaultMode', 'defaultMode', '*int'],
    ['Optional', 'optional', '*bool'],
  ],
  ConfigMapVolumeSource: [
    ['LocalObjectReference', '^', 'LocalObjectReference'],
    ['Items', 'items', '[]KeyToPath'],
    ['DefaultMode', 'defaultMode', '*int'],
    ['Optional', 'optional', '*bool'],
  ],
  PersistentVolumeClaimVolumeSource: [
    ['ClaimName', 'claimName', 'string'],
    ['ReadOnly', 'readOnly', 'bool'],
  ],
  ProjectedVolumeSource: [
    ['Sources', 'sources', '[]VolumeProjection'],
    ['DefaultMode', 'defaultMode', '*int'],
  ],
  VolumeProjection: [
    ['Secret', 'secret', '*SecretProjection'],
    ['DownwardAPI', 'downwardAPI', '*DownwardAPIProjection'],
    ['ConfigMap', 'configMap', '*ConfigMapProjection'],
    ['ServiceAccountToken', 'serviceAccountToken', '*ServiceAccountTokenProjection'],
    ['ClusterTrustBundle', 'clusterTrustBundle', '*ClusterTrustBundleProjection'],
  ],
  SecretProjection: [
    ['LocalObjectReference', '^', 'LocalObjectReference'],
    ['Items', 'items', '[]KeyToPath'],
    ['Optional', 'optional', '*bool'],
  ],
  ConfigMapProjection: [
    ['LocalObjectReference', '^', 'LocalObjectReference'],
    ['Items', 'items', '[]KeyToPath'],
    ['Optional', 'optional', '*bool'],
  ],
  DownwardAPIProjection: [['Items', 'items', '[]DownwardAPIVolumeFile']],
  DownwardAPIVolumeSource: [
    ['Items', 'items', '[]DownwardAPIVolumeFile'],
    ['DefaultMode', 'defaultMode', '*int'],
  ],
  DownwardAPIVolumeFile: [
    ['Path', 'path', 'string'],
    ['FieldRef', 'fieldRef', '*ObjectFieldSelector'],
    ['ResourceFieldRef', 'resourceFieldRef', '*ResourceFieldSelector'],
    ['Mode', 'mode', '*int'],
  ],
  ServiceAccountTokenProjection: [
    ['Audience', 'audience', 'string'],
    ['ExpirationSeconds', 'expirationSeconds', 'int'],
    ['Path', 'path', 'string'],
  ],
  KeyToPath: [
    ['Key', 'key', 'string'],
    ['Path', 'path', 'string'],
    ['Mode', 'mode', '*int'],
  ],
  LocalObjectReference: [['Name', 'name', 'string']],
  ObjectFieldSelector: [
    ['APIVersion', 'apiVersion', 'string'],
    ['FieldPath', 'fieldPath', 'string'],
  ],
  ResourceFieldSelector: [
    ['ContainerName', 'containerName', 'string'],
    ['Resource', 'resource', 'string'],
    ['Divisor', 'divisor', 'Quantity'],
  ],
  ContainerPort: [
    ['Name', 'name', 'string'],
    ['HostPort', 'hostPort', 'int'],
    ['ContainerPort', 'containerPort', 'int'],
    ['Protocol', 'protocol', 'string'],
    ['HostIP', 'hostIP', 'string'],
  ],
  EnvFromSource: [
    ['Prefix', 'prefix', 'string'],
    ['ConfigMapRef', 'configMapRef', '*ConfigMapEnvSource'],
    ['SecretRef', 'secretRef', '*SecretEnvSource'],
  ],
  ConfigMapEnvSource: [
    ['LocalObjectReference', '^', 'LocalObjectReference'],
    ['Optional', 'optional', '*bool'],
  ],
  SecretEnvSource: [
    ['LocalObjectReference', '^', 'LocalObjectReference'],
    ['Optional', 'optional', '*bool'],
  ],
  EnvVar: [
    ['Name', 'name', 'string'],
    ['Value', 'value', 'string'],
    ['ValueFrom', 'valueFrom', '*EnvVarSource'],
  ],
  EnvVarSource: [
    ['FieldRef', 'fieldRef', '*ObjectFieldSelector'],
    ['ResourceFieldRef', 'resourceFieldRef', '*ResourceFieldSelector'],
    ['ConfigMapKeyRef', 'configMapKeyRef', '*ConfigMapKeySelector'],
    ['SecretKeyRef', 'secretKeyRef', '*SecretKeySelector'],
  ],
  ConfigMapKeySelector: [
    ['LocalObjectReference', '^', 'LocalObjectReference'],
    ['Key', 'key', 'string'],
    ['Optional', 'optional', '*bool'],
  ],
  SecretKeySelector: [
    ['LocalObjectReference', '^', 'LocalObjectReference'],
    ['Key', 'key', 'string'],
    ['Optional', 'optional', '*bool'],
  ],
  ResourceRequirements: [
    ['Limits', 'limits', 'ResourceList'],
    ['Requests', 'requests', 'ResourceList'],
    ['Claims', 'claims', '[]ResourceClaim'],
  ],
  ResourceClaim: [
    ['Name', 'name', 'string'],
    ['Request', 'request', 'string'],
  ],
  VolumeMount: [
    ['Name', 'name', 'string'],
    ['ReadOnly', 'readOnly', 'bool'],
    ['RecursiveReadOnly', 'recursiveReadOnly', '*string'],
    ['MountPath', 'mountPath', 'string'],
    ['SubPath', 'subPath', 'string'],
    ['MountPropagation', 'mountPropagation', '*string'],
    ['SubPathExpr', 'subPathExpr', 'string'],
  ],
  Probe: [
    ['ProbeHandler', '^', 'ProbeHandler'],
    ['InitialDelaySeconds', 'initialDelaySeconds', 'int'],
    ['TimeoutSeconds', 'timeoutSeconds', 'int'],
    ['PeriodSeconds', 'periodSeconds', 'int'],
    ['SuccessThreshold', 'successThreshold', 'int'],
    ['FailureThreshold', 'failureThreshold', 'int'],
    ['TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', '*int'],
  ],
  ProbeHandler: [
    ['Exec', 'exec', '*ExecAction'],
    ['HTTPGet', 'httpGet', '*HTTPGetAction'],
    ['TCPSocket', 'tcpSocket', '*TCPSocketAction'],
    ['GRPC', 'grpc', '*GRPCAction'],
  ],
  Lifecycle: [
    ['PostStart', 'postStart', '*LifecycleHandler'],
    ['PreStop', 'preStop', '*LifecycleHandler'],
  ],
  LifecycleHandler: [
    ['Exec', 'exec', '*ExecAction'],
    ['HTTPGet', 'httpGet', '*HTTPGetAction'],
    ['TCPSocket', 'tcpSocket', '*TCPSocketAction'],
    ['Sleep', 'sleep', '*SleepAction'],
  ],
  ExecAction: [['Command', 'command', '[]string']],
  HTTPGetAction: [
    ['Path', 'path', 'string'],
    ['Port', 'port', 'IntOrString'],
    ['Host', 'host', 'string'],
    ['Scheme', 'scheme', 'string'],
    ['HTTPHeaders', 'httpHeaders', '[]HTTPHeader'],
  ],
  HTTPHeader: [
    ['Name', 'name', 'string'],
    ['Value', 'value', 'string'],
  ],
  TCPSocketAction: [
    ['Port', 'port', 'IntOrString'],
    ['Host', 'host', 'string'],
  ],
  GRPCAction: [
    ['Port', 'port', 'int'],
    ['Service', 'service', '*string'],
  ],
  SleepAction: [['Seconds', 'seconds', 'int']],
  Toleration: [
    ['Key', 'key', 'string'],
    ['Operator', 'operator', 'string'],
    ['Value', 'value', 'string'],
    ['Effect', 'effect', 'string'],
    ['TolerationSeconds', 'tolerationSeconds', '*int'],
  ],
  HostAlias: [
    ['IP', 'ip', 'string'],
    ['Hostnames', 'hostnames', '[]string'],
  ],
  PodReadinessGate: [['ConditionType', 'conditionType', 'string']],
  PodSchedulingGate: [['Name', 'name', 'string']],
  PodOS: [['Name', 'name', 'string']],
  Sysctl: [
    ['Name', 'name', 'string'],
    ['Value', 'value', 'string'],
  ],
  SeccompProfile: [
    ['Type', 'type', 'string'],
    ['LocalhostProfile', 'localhostProfile', '*string'],
  ],
};

/** v1 PodSpec fields that live in the internal PodSecurityContext. */
const HOIST_INTO_SECURITY_CONTEXT = ['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers'];
const ACRONYMS: Record<string, string> = { Ip: 'IP', Ips: 'IPs', Dns: 'DNS', Uid: 'UID', Tls: 'TLS', Url: 'URL', Id: 'ID' };

const typeName = (t: string) => (/^[A-Z]/.test(t) ? `core.${t}` : t);

function goTypeString(type: string): string {
  if (type.startsWith('[]')) return `[]${typeName(type.slice(2))}`;
  if (type.startsWith('*')) return `*${typeName(type.slice(1))}`;
  if (type === 'ResourceList') return 'core.ResourceList';
  if (type === 'IntOrString') return 'intstr.IntOrString';
  if (type === 'Quantity') return 'resource.Quantity';
  return typeName(type);
}

function quantityValue(text: string): GoValue {
  // Models resource.ParseQuantity: an int64 mantissa with a decimal scale; the string is kept
  // only when it is already canonical.
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*)$/.exec(text.trim()) ?? ['', '', '0', '', ''];
  const [, sign, whole, fraction = '', suffix] = m as [string, string, string, string | undefined, string];
  const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
  const decimal: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
  const shifted = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  let value: number;
  let scale = 0;
  let canonical = false;
  let format: string;
  if (suffix in binary) {
    format = 'BinarySI';
    value = Number(shifted) * 2 ** binary[suffix]!;
    scale = -fraction.length;
    canonical = fraction.length === 0 && binary[suffix]! % 10 === 0 && (Number(shifted) & 7) !== 0;
  } else {
    format = 'DecimalSI';
    value = Number(shifted);
    scale = (decimal[suffix] ?? 0) - fraction.length;
    const digits = `${whole}${fraction}`;
    canonical = scale % 3 === 0 && !digits.endsWith('000') && digits[0] !== '0';
  }
  if (sign === '-') value = -value;
  return {
    k: 'struct',
    type: 'resource.Quantity',
    fields: [
      [
        'i',
        {
          k: 'struct',
          type: 'resource.int64Amount',
          fields: [
            ['value', { k: 'int', v: value }],
            ['scale', { k: 'int', v: scale }],
          ],
        },
      ],
      ['d', { k: 'struct', type: 'resource.infDecAmount', fields: [['Dec', { k: 'ptr', type: '*inf.Dec', elem: undefined }]] }],
      ['s', { k: 'string', v: canonical ? text : '' }],
      ['Format', { k: 'string', v: format }],
    ],
  };
}

function capitalise(key: string): string {
  const name = key.charAt(0).toUpperCase() + key.slice(1);
  return name.replace(/(Ip|Ips|Dns|Uid|Tls|Url|Id)(?=[A-Z]|$)/g, (s) => ACRONYMS[s] ?? s);
}

function genericValue(json: unknown, name: string): GoValue {
  if (Array.isArray(json)) return { k: 'slice', type: `[]core.${name}`, items: json.map((item) => genericValue(item, name)) };
  if (json !== null && typeof json === 'object') {
    return {
      k: 'struct',
      type: `core.${name}`,
      fields: Object.keys(json)
        .sort()
        .map((key) => [key, (json as Record<string, unknown>)[key]] as const)
        .map(([key, value]) => [
          capitalise(key),
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? { k: 'ptr', type: `*core.${capitalise(key)}`, elem: genericValue(value, capitalise(key)) }
            : genericValue(value, capitalise(key)),
        ]),
    };
  }
  if (typeof json === 'number') return { k: 'int', v: json };
  if (typeof json === 'boolean') return { k: 'bool', v: json };
  return { k: 'string', v: String(json ?? '') };
}

function toGo(json: unknown, type: string): GoValue {
  if (type.startsWith('*')) {
    const elemType = type.slice(1);
    return { k: 'ptr', type: goTypeString(type), elem: json === undefined || json === null ? undefined : toGo(json, elemType) };
  }
  if (type.startsWith('[]')) {
    const elemType = type.slice(2);
    return { k: 'slice', type: goTypeString(type), items: Array.isArray(json) ? json.map((item) => toGo(item, elemType)) : undefined };
  }
  switch (type) {
    case 'string':
      return { k: 'string', v: typeof json === 'string' ? json : '' };
    case 'int':
      return { k: 'int', v: typeof json === 'number' ? json : 0 };
    case 'bool':
      return { k: 'bool', v: json === true };
    case 'map[string]string':
    case 'ResourceList': {
      if (json === undefined || json === null) return { k: 'map', type: goTypeString(type), entries: undefined };
      const record = json as Record<string, unknown>;
      const entries = Object.keys(record)
        .sort()
        .map((key): [string, GoValue] => [JSON.stringify(key), type === 'ResourceList' ? quantityValue(String(record[key])) : { k: 'string', v: String(record[key]) }]);
      return { k: 'map', type: goTypeString(type), entries };
    }
    case 'Quantity':
      return json === undefined ? quantityValue('0') : quantityValue(String(json));
    case 'IntOrString':
      return {
        k: 'struct',
        type: 'intstr.IntOrString',
        fields:
          typeof json === 'string'
            ? [
                ['Type', { k: 'int', v: 1 }],
                ['IntVal', { k: 'int', v: 0 }],
                ['StrVal', { k: 'string', v: json }],
              ]
            : [
                ['Type', { k: 'int', v: 0 }],
                ['IntVal', { k: 'int', v: typeof json === 'number' ? json : 0 }],
                ['StrVal', { k: 'string', v: '' }],
              ],
      };
  }
  const fields = T[type];
  const record = (json ?? {}) as Record<string, unknown>;
  if (!fields) return genericValue(record, type);
  return {
    k: 'struct',
    type: typeName(type),
    fields: fields.map(([goName, key, fieldType]) => [goName, toGo(key === '^' ? record : record[key], fieldType)]),
  };
}

/** The internal core.PodSpec of a v1 PodSpec, with hostNetwork & co. moved into SecurityContext. */
export function podSpecGoValue(spec: Record<string, unknown>): GoValue {
  const copy: Record<string, unknown> = { ...spec };
  const hoisted: Record<string, unknown> = {};
  for (const key of HOIST_INTO_SECURITY_CONTEXT) {
    if (copy[key] !== undefined) hoisted[key] = copy[key];
    delete copy[key];
  }
  // The deprecated serviceAccount field has no internal counterpart.
  delete copy.serviceAccount;
  if (copy.securityContext !== undefined || Object.keys(hoisted).length > 0) {
    copy.securityContext = { ...((copy.securityContext as object | undefined) ?? {}), ...hoisted };
  }
  const value = toGo(copy, 'PodSpec');
  if (value.k === 'struct') {
    const sc = value.fields.find(([name]) => name === 'SecurityContext')?.[1];
    if (sc?.k === 'ptr' && sc.elem?.k === 'struct') {
      const fields = sc.elem.fields;
      for (const [i, key] of HOIST_INTO_SECURITY_CONTEXT.entries()) {
        const raw = hoisted[key];
        if (raw === undefined) continue;
        fields[i] = [fields[i]![0], i < 3 ? { k: 'bool', v: raw === true } : { k: 'ptr', type: '*bool', elem: { k: 'bool', v: raw === true } }];
      }
    }
  }
  return value;
}
