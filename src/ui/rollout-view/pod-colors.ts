/** Pod STATUS (kubectl's cell) to a colour in the rollout view. */
export function podColor(status: string, ready: string): string {
  if (status === 'Terminating') return '#888';
  if (status === 'Running') return ready.startsWith('0/') ? '#d9a520' : '#3aa655';
  if (status === 'ContainerCreating' || status === 'Pending' || status.startsWith('Init:') || status === 'PodInitializing') return '#4a90d9';
  if (status === 'Completed') return '#6b6';
  return '#d9534f';
}
