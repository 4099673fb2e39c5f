/**
 * Fields added by Kubernetes 1.31 and 1.32 that the kubernetes-types release we depend on (1.30)
 * does not declare yet. Without them a valid v1.32 manifest would report an unknown field.
 */
export const SCHEMA_ADDITIONS: Record<string, Record<string, string>> = {
  'core/v1.PodSecurityContext': { supplementalGroupsPolicy: 'string', seLinuxChangePolicy: 'string' },
  'core/v1.PodSpec': { resources: 'core/v1.ResourceRequirements' },
  'core/v1.ContainerStatus': {
    user: 'core/v1.ContainerUser',
    allocatedResourcesStatus: '[]core/v1.ResourceStatus',
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
};
