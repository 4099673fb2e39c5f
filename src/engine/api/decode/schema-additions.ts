/**
 * Fields added by Kubernetes 1.31 to 1.35 that the kubernetes-types release we depend on (1.30)
 * does not declare yet. Without them a valid v1.35 object would report an unknown field.
 */
export const SCHEMA_ADDITIONS: Record<string, Record<string, string>> = {
  'core/v1.PodSecurityContext': { supplementalGroupsPolicy: 'string', seLinuxChangePolicy: 'string' },
  'core/v1.PodSpec': { resources: 'core/v1.ResourceRequirements' },
  'core/v1.ContainerStatus': {
    user: 'core/v1.ContainerUser',
    allocatedResourcesStatus: '[]core/v1.ResourceStatus',
    stopSignal: 'string',
  },
  'core/v1.ContainerUser': { linux: 'core/v1.LinuxContainerUser' },
  'core/v1.LinuxContainerUser': { uid: 'int64', gid: 'int64', supplementalGroups: '[]int64' },
  'core/v1.ResourceStatus': { name: 'string', resources: '[]core/v1.ResourceHealth' },
  'core/v1.ResourceHealth': { resourceID: 'string', health: 'string' },
  'core/v1.NodeStatus': { features: 'core/v1.NodeFeatures' },
  'core/v1.NodeFeatures': { supplementalGroupsPolicy: 'bool' },
  'core/v1.NodeSystemInfo': { swap: 'core/v1.NodeSwapStatus' },
  'core/v1.NodeSwapStatus': { capacity: 'int64' },
  'core/v1.Volume': { image: 'core/v1.ImageVolumeSource' },
  'core/v1.ImageVolumeSource': { reference: 'string', pullPolicy: 'string' },
  'core/v1.ResourceClaim': { request: 'string' },
  // 1.33-1.35: observedGeneration on pods (KEP-5067), pod-level resize status, container stop
  // signals, terminating replicas of workloads.
  'core/v1.PodStatus': { observedGeneration: 'int64', resources: 'core/v1.ResourceRequirements', allocatedResources: 'map[string]quantity' },
  'core/v1.PodCondition': { observedGeneration: 'int64' },
  'core/v1.Lifecycle': { stopSignal: 'string' },
  'apps/v1.DeploymentStatus': { terminatingReplicas: 'int32' },
  'apps/v1.ReplicaSetStatus': { terminatingReplicas: 'int32' },
};
