import type { ClusterNetwork } from '../engine/network/cluster-network.ts';
import type { LocalPorts } from '../kubectl/local-ports.ts';

/** The controlplane host's loopback as kubectl's LocalPorts: where `curl localhost:PORT` lands. */
export function hostLoopbackPorts(network: ClusterNetwork): LocalPorts {
  return {
    listen: (port, accept) =>
      Promise.resolve(
        network.listenOnHostLoopback(port, async (request) => {
          const response = await accept({ method: request.method, path: request.path, headers: request.headers, body: request.body });
          return response && { status: response.status, body: response.body, ...(response.contentType ? { contentType: response.contentType } : {}) };
        }),
      ),
  };
}
