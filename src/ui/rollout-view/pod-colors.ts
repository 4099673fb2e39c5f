/** The colours of the rollout view, one per thing it draws, shared by the drawing and the legend. */
export const COLORS = {
  ready: '#3aa655',
  notReady: '#d9a520',
  starting: '#4a90d9',
  completed: '#6b6',
  terminating: '#888',
  failed: '#d9534f',
  replicas: '#4a90d9',
  available: '#3aa655',
  outOfBounds: '#d9534f',
  bound: '#e8a33d',
  desired: '#ddd',
} as const;

/** The pod states the dots tell apart, in the order the legend lists them. */
export const POD_STATES: { label: string; color: string }[] = [
  { label: 'Running, ready', color: COLORS.ready },
  { label: 'Running, not ready', color: COLORS.notReady },
  { label: 'Starting (Pending, ContainerCreating, Init)', color: COLORS.starting },
  { label: 'Terminating', color: COLORS.terminating },
  { label: 'Failed (Error, CrashLoopBackOff…)', color: COLORS.failed },
];

/** Pod STATUS (kubectl's cell) to a colour in the rollout view. */
export function podColor(status: string, ready: string): string {
  if (status === 'Terminating') return COLORS.terminating;
  if (status === 'Running') return ready.startsWith('0/') ? COLORS.notReady : COLORS.ready;
  if (status === 'ContainerCreating' || status === 'Pending' || status.startsWith('Init:') || status === 'PodInitializing') return COLORS.starting;
  if (status === 'Completed') return COLORS.completed;
  return COLORS.failed;
}
