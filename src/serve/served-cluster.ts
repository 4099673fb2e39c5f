/**
 * A session's cluster served over HTTP on 127.0.0.1: boots the session (with a lab's starting state
 * when given), listens, and drives the virtual clock with real time until closed. Used by
 * `cka-lab serve` and, in process, by the tests that run the real kubectl against it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoadedLab } from '../labs/schema.ts';
import { labTopology, startLab } from '../session/lab-session.ts';
import { Session } from '../session/session.ts';
import { createApiHttpServer } from './api-http-server.ts';
import { ClockDriver } from './clock-driver.ts';

export interface ServedClusterOptions {
  lab?: LoadedLab;
  /** 0 = any free port. */
  port: number;
  seed: number;
  /**
   * Virtual time at boot. By default real now, less the lab's settle time, so the cluster's "now"
   * is kubectl's: describe and events compute ages on the client from its own clock.
   */
  startTimeMs?: number;
  /** Worker nodes (node01, node02 …), overriding the lab's count; 1 by default. */
  workerNodes?: number;
  /** Start with the clock held (tests); `/.cka-lab/clock` releases or steps it. */
  paused?: boolean;
  logRequest?: (line: string) => void;
  /** Hears of an engine failure while the clock ran (the server goes on). */
  logError?: (line: string) => void;
}

export interface ServedCluster {
  session: Session;
  clock: ClockDriver;
  port: number;
  url: string;
  close(): Promise<void>;
}

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function serveCluster(options: ServedClusterOptions): Promise<ServedCluster> {
  const settleMs = (options.lab?.setup.settleSeconds ?? 0) * 1000;
  const startTimeMs = options.startTimeMs ?? Date.now() - settleMs;
  const topology = { ...labTopology(options.lab), ...(options.workerNodes !== undefined ? { workerNodes: options.workerNodes } : {}) };
  // Requests from a real kubectl get in while a container computes.
  const session = await Session.create({ seed: options.seed, startTimeMs, yieldToHost, realNow: () => performance.now(), ...topology });
  const lab = options.lab ? await startLab(session, options.lab) : undefined;
  const clock = new ClockDriver(session.cluster.pump, {
    onError: (error) => options.logError?.(`internal error in the simulated cluster: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const { server, endStreams } = await createApiHttpServer({
    api: session.api,
    clock,
    openApiDefinitions: () => session.cluster.server.openApiDefinitions(),
    ...(lab ? { grader: lab.scriptGrader } : {}),
    ...(options.logRequest ? { logRequest: options.logRequest } : {}),
  });
  await listen(server, options.port);
  if (options.paused) await clock.pause();
  clock.start();
  const port = (server.address() as AddressInfo).port;
  return {
    session,
    clock,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await clock.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        endStreams();
        server.closeAllConnections();
      });
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is in use; choose another with --port N (0 picks any free port)`) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}
