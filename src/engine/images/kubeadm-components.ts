/**
 * The images of the components kubeadm runs in kube-system: etcd, the control plane and
 * kube-proxy. All are distroless (no shell, no coreutils: `kubectl exec … -- sh` finds nothing
 * to run). Each app prints the first lines its component logs at start, klog's format for the
 * Kubernetes components and zap's JSON for etcd, then serves its health port until stopped.
 */
import { API_SERVER_PORT, KUBERNETES_VERSION } from '../cluster-topology.ts';
import type { AppProgram, ImageSpec, StartupFacts, StartupLine } from './image.ts';
import { klogLine } from './klog.ts';

type Startup = (start: StartupFacts) => StartupLine[];

/** Each line a millisecond or so after the one before, as a starting process writes them. */
function stamped(start: StartupFacts, lines: ((ms: number) => string)[]): StartupLine[] {
  return lines.map((line, i) => {
    const atMs = start.startedMs + i * 3;
    return { atMs, text: line(atMs) };
  });
}

const ok = () => ({ status: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' });

function serving(startup: Startup, port: number): AppProgram {
  return async (ctx) => {
    for (const line of startup({ startedMs: ctx.now(), nodeName: ctx.hostname, nodeIP: ctx.podIP, podIP: ctx.podIP })) ctx.logError(line.text);
    ctx.serve(port, ok);
    await ctx.terminated;
    return 0;
  };
}

function component(name: string, repository: string, tag: string, startup: Startup, port: number, sizeBytes: number): ImageSpec {
  return {
    repository,
    tags: [tag],
    entrypoint: [],
    cmd: [],
    env: {},
    workingDir: '/',
    binaries: [],
    userland: 'gnu',
    apps: { [name]: serving(startup, port) },
    sizeBytes,
    stopsOnSigterm: true,
    startupLog: startup,
  };
}

const I = (source: string, message: string) => (ms: number) => klogLine('I', ms, source, message);

const etcdStartup: Startup = (start) => {
  const zap =
    (caller: string, msg: string, fields: Record<string, unknown> = {}) =>
    (ms: number) =>
      JSON.stringify({ level: 'info', ts: new Date(ms).toISOString().replace(/Z$/, '000Z'), caller, msg, ...fields });
  const client = `https://${start.nodeIP}:2379`;
  return stamped(start, [
    zap('embed/etcd.go:138', 'configuring peer listeners', { 'listen-peer-urls': [`https://${start.nodeIP}:2380`] }),
    zap('embed/etcd.go:146', 'configuring client listeners', { 'listen-client-urls': ['https://127.0.0.1:2379', client] }),
    zap('etcdserver/server.go:800', 'starting etcd server', { 'local-member-id': '8e9e05c52164694d', 'local-server-version': '3.6.6', 'cluster-version': 'to_be_decided' }),
    zap('etcdserver/server.go:2061', 'published local member to cluster through raft', { 'local-member-attributes': `{Name:${start.nodeName} ClientURLs:[${client}]}` }),
    zap('embed/serve.go:138', 'ready to serve client requests'),
    zap('embed/serve.go:211', 'serving client traffic securely', { traffic: 'grpc+http', address: `${start.nodeIP}:2379` }),
  ]);
};

const apiServerStartup: Startup = (start) =>
  stamped(start, [
    I('options.go:249', `external host was not specified, using ${start.nodeIP}`),
    I('server.go:147', `Version: ${KUBERNETES_VERSION}`),
    I('server.go:149', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'),
    I('shared_informer.go:350', '"Waiting for caches to sync" controller="node_authorizer"'),
    I('secure_serving.go:211', `Serving securely on [::]:${API_SERVER_PORT}`),
    I('controller.go:667', '"quota admission added evaluator for" resource="serviceaccounts"'),
  ]);

const leaderElected =
  (component: string, port: number): Startup =>
  (start) =>
    stamped(start, [
      I('serving.go:386', 'Generated self-signed cert in-memory'),
      component === 'kube-scheduler'
        ? I('server.go:178', `"Starting Kubernetes Scheduler" version="${KUBERNETES_VERSION}"`)
        : I('controllermanager.go:193', `"Starting" version="${KUBERNETES_VERSION}"`),
      I('secure_serving.go:211', `Serving securely on 127.0.0.1:${port}`),
      I('leaderelection.go:257', `attempting to acquire leader lease kube-system/${component}...`),
      I('leaderelection.go:271', `successfully acquired lease kube-system/${component}`),
    ]);

const kubeProxyStartup: Startup = (start) =>
  stamped(start, [
    I('server_linux.go:53', '"Using iptables proxy"'),
    I('server.go:248', `"Successfully retrieved NodeIPs" NodeIPs=["${start.nodeIP}"]`),
    I('server_linux.go:132', '"Using iptables Proxier"'),
    I('server.go:259', '"kube-proxy running in dual-stack mode" primary ipFamily="IPv4"'),
    I('server.go:527', `"Version info" version="${KUBERNETES_VERSION}"`),
    I('config.go:200', '"Starting service config controller"'),
    I('config.go:200', '"Starting endpoint slice config controller"'),
    I('shared_informer.go:357', '"Caches are synced" controller="service config"'),
    I('shared_informer.go:357', '"Caches are synced" controller="endpoint slice config"'),
  ]);

const version = KUBERNETES_VERSION;

export const etcd = component('etcd', 'registry.k8s.io/etcd', '3.6.6-0', etcdStartup, 2381, 23_653_545);
export const kubeApiserver = component('kube-apiserver', 'registry.k8s.io/kube-apiserver', version, apiServerStartup, API_SERVER_PORT, 27_047_200);
export const kubeControllerManager = component(
  'kube-controller-manager',
  'registry.k8s.io/kube-controller-manager',
  version,
  leaderElected('kube-controller-manager', 10257),
  10257,
  22_819_474,
);
export const kubeScheduler = component('kube-scheduler', 'registry.k8s.io/kube-scheduler', version, leaderElected('kube-scheduler', 10259), 10259, 17_385_568);
export const kubeProxy = component('kube-proxy', 'registry.k8s.io/kube-proxy', version, kubeProxyStartup, 10256, 25_964_312);
