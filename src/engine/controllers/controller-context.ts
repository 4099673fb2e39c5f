/** What every controller is given: the API server, time, randomness and event recorders. */
import type { ApiServer } from '../api/api-server.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { EventRecorder } from '../client/event-recorder.ts';

export interface ControllerContext {
  server: ApiServer;
  clock: VirtualClock;
  random: SeededRandom;
  /** One recorder per event source component (`deployment-controller`, `kubelet`…). */
  recorder(component: string, host?: string): EventRecorder;
}
