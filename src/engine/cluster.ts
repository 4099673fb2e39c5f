/**
 * Composes one simulated cluster: API server, controllers, scheduler, the kubelets of its nodes
 * (`controlplane` and `node01` unless a topology says otherwise), and the cluster network — all
 * driven by one virtual clock.
 */
import type { FileSystem } from '../lib/file-system.ts';
import { DEFAULT_TOPOLOGY, type ClusterTopology } from './cluster-topology.ts';
import { kubeSystemSnapshot, restoreKubeSystem } from './api/kube-system/kube-system-boot.ts';
import { ApiServer } from './api/api-server.ts';
import type { ApiClient } from './api/client.ts';
import { allResourceDefinitions } from './api/resources/index.ts';
import { defaultServerLibraries } from './api/default-server-libraries.ts';
import { SeededRandom } from './clock/seeded-random.ts';
import { TimePump, type TimeSlicing, type YieldToHost } from './clock/time-pump.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import { EventRecorder, type Recorder } from './client/event-recorder.ts';
import { EventSeriesRecorder } from './client/event-series-recorder.ts';
import { InProcessApiClient } from './client/in-process-api-client.ts';
import { SharedInformerFactory } from './client/informer-factory.ts';
import type { ControllerContext } from './controllers/controller-context.ts';
import { startControllers } from './controllers/index.ts';
import { startNodeAgents, type NodeAgents, type ToolRunner } from './kubelet/index.ts';
import { LocalImages } from './images/local-images.ts';
import { createSystemNamespaces, createSystemPriorityClasses } from './api/system-objects.ts';

export interface ClusterOptions {
  /** Seeds every random choice (names, IPs, random colours): the same seed replays identically. */
  seed?: number;
  /** Virtual time at boot, ms since the epoch. */
  startTimeMs?: number;
  /** One host macrotask (setImmediate in Node, a MessageChannel round trip in a worker). */
  yieldToHost: YieldToHost;
  /** Hands the host a turn at least this often while work due at one instant runs (a worker answering the page). */
  slicing?: TimeSlicing;
  /** Runs shell tools (sh, sleep, wget…) inside containers; supplied by the session layer. */
  toolRunner: ToolRunner;
  /** A node's own filesystem, by node name, for hostPath volumes (e.g. the learner's on controlplane). */
  nodeFileSystems?: Readonly<Record<string, FileSystem>>;
  /** The nodes and their sizes (default: `controlplane` and `node01`). */
  topology?: ClusterTopology;
}

/** 2026-11-22T22:00:00Z: a fixed start so headless runs replay byte for byte. */
export const DEFAULT_START_TIME_MS = Date.UTC(2026, 10, 22, 22, 0, 0);

export class Cluster {
  readonly clock: VirtualClock;
  readonly pump: TimePump;
  readonly random: SeededRandom;
  readonly server: ApiServer;
  readonly api: ApiClient;
  readonly nodes: NodeAgents;
  /** Images built on the controlplane with `docker build`, which every node's kubelet finds. */
  readonly localImages = new LocalImages();

  private constructor(options: ClusterOptions) {
    this.clock = new VirtualClock(options.startTimeMs ?? DEFAULT_START_TIME_MS);
    this.pump = new TimePump(this.clock, options.yieldToHost, options.slicing);
    this.random = new SeededRandom(options.seed ?? 1);
    this.server = new ApiServer({
      clock: this.clock,
      random: this.random,
      definitions: allResourceDefinitions(),
      libraries: defaultServerLibraries(),
    });
    const recorders = new Map<string, Recorder>();
    const context: ControllerContext = {
      server: this.server,
      informers: new SharedInformerFactory(this.server),
      clock: this.clock,
      random: this.random,
      recorder: (component, host) => {
        const key = `${component}/${host ?? ''}`;
        let recorder = recorders.get(key);
        if (!recorder) {
          const source = { component, ...(host ? { host } : {}) };
          // kube-scheduler records through events.k8s.io; the controllers and kubelets through core/v1.
          recorder = component === 'default-scheduler' ? new EventSeriesRecorder(this.server, this.clock, source) : new EventRecorder(this.server, this.clock, source);
          recorders.set(key, recorder);
        }
        return recorder;
      },
    };
    createSystemNamespaces(this.server);
    createSystemPriorityClasses(this.server, this.clock.now());
    const kubeSystem = kubeSystemSnapshot(options.topology ?? DEFAULT_TOPOLOGY, this.clock.now());
    this.nodes = startNodeAgents(context, {
      adoptedPods: kubeSystem.runningPods,
      toolRunner: options.toolRunner,
      localImages: this.localImages,
      ...(options.nodeFileSystems ? { nodeFileSystems: options.nodeFileSystems } : {}),
      ...(options.topology ? { topology: options.topology } : {}),
    });
    restoreKubeSystem(this.server, kubeSystem);
    startControllers(context);
    this.api = new InProcessApiClient(this.server, (req) => this.nodes.stream(req));
  }

  /** Boots a cluster and lets it settle, so system objects exist before the first command. */
  static async create(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(options);
    await cluster.pump.settle();
    return cluster;
  }
}
