/** `kubectl describe endpoints`. Models pkg/describe/describe.go describeEndpoints (kubectl v1.35). */
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.ts';

export async function describeEndpoints(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const ep = obj as Endpoints;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${ep.metadata?.name}`);
  w.line(0, `Namespace:\t${ep.metadata?.namespace}`);
  writeLabels(w, 'Labels', ep.metadata?.labels);
  writeAnnotations(w, 'Annotations', ep.metadata?.annotations);
  w.line(0, 'Subsets:');
  for (const subset of ep.subsets ?? []) {
    const ips = (addresses: { ip: string }[] | undefined) => (addresses ?? []).map((a) => a.ip).join(',') || '<none>';
    w.line(1, `Addresses:\t${ips(subset.addresses)}`);
    w.line(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}`);
    if (subset.ports?.length) {
      w.line(1, 'Ports:');
      w.line(2, 'Name\tPort\tProtocol');
      w.line(2, '----\t----\t--------');
      for (const port of subset.ports) w.line(2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}`);
    }
    // Each subset ends with a blank line, which also starts a new tabwriter block for Events.
    w.line(0, '');
  }
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}
