/** What every controller is given: the API server, its shared informers, time, randomness and event recorders. */
import type { ApiServer } from '../api/api-server.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { Recorder } from '../client/event-recorder.ts';
import type { SharedInformerFactory } from '../client/informer-factory.ts';

export interface ControllerContext {
  server: ApiServer;
  /** One informer per resource, shared by every component that reads it. */
  informers: SharedInformerFactory;
  clock: VirtualClock;
  random: SeededRandom;
  /** One recorder per event source component (`deployment-controller`, `kubelet`…). */
  recorder(component: string, host?: string): Recorder;
}
