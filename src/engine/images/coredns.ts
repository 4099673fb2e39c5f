/**
 * registry.k8s.io/coredns/coredns: a distroless image (no shell) whose server answers kubeadm's
 * probes, `/health` on 8080 and `/ready` on 8181, and metrics on 9153. Name resolution itself is
 * the cluster network's (network/cluster-network.ts).
 */
import type { ImageSpec, StartupFacts } from './image.ts';

const ok = () => ({ status: 200, body: 'OK', contentType: 'text/plain; charset=utf-8' });

/** The first lines CoreDNS prints for a Corefile serving `.:53`. */
const startupLog = (start: StartupFacts) => ['.:53', 'CoreDNS-1.13.1'].map((text) => ({ atMs: start.startedMs, text }));

export const coredns: ImageSpec = {
  repository: 'registry.k8s.io/coredns/coredns',
  tags: ['v1.13.1'],
  entrypoint: ['/coredns'],
  cmd: [],
  env: {},
  workingDir: '/',
  binaries: [],
  userland: 'gnu',
  apps: {
    '/coredns': async (ctx) => {
      for (const line of startupLog({ startedMs: ctx.now(), nodeName: ctx.hostname, nodeIP: '', podIP: ctx.podIP })) ctx.log(line.text);
      ctx.serve(8080, ok);
      ctx.serve(8181, ok);
      ctx.serve(9153, () => ({ status: 200, body: '', contentType: 'text/plain; version=0.0.4; charset=utf-8' }));
      await ctx.terminated;
      return 0;
    },
  },
  sizeBytes: 22_384_805,
  stopsOnSigterm: true,
  startupLog,
};
