/// <reference lib="webworker" />
/**
 * The Web Worker entry: one Session served over the protocol. Virtual time follows real time here
 * (times the chosen speed) unless paused.
 */
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import { PROTOCOL_VERSION } from '../protocol/messages.ts';
import { Session } from '../session/session.ts';
import { createInterrupt } from '../shell/shell.ts';

declare const self: DedicatedWorkerGlobalScope;

const TICK_MS = 50;
const channel = new MessageChannel();
const pendingYields: (() => void)[] = [];
channel.port1.onmessage = () => pendingYields.shift()?.();
const yieldToHost = () =>
  new Promise<void>((resolve) => {
    pendingYields.push(resolve);
    channel.port2.postMessage(0);
  });

let session: Session | undefined;
let playing = true;
let speed = 1;
let running: ReturnType<typeof createInterrupt> | undefined;

const post = (message: FromWorker) => self.postMessage(message);

async function tick(): Promise<void> {
  if (session && playing) await session.cluster.pump.advance(TICK_MS * speed);
  setTimeout(() => void tick(), TICK_MS);
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'session.start':
        session = await Session.create({ seed: message.seed, startTimeMs: message.startTimeMs, yieldToHost });
        post({ type: 'session.ready', version: PROTOCOL_VERSION, prompt: session.shell.prompt() });
        break;
      case 'shell.run': {
        if (!session) throw new Error('no session');
        const interrupt = createInterrupt();
        running = interrupt;
        const sink = { write: (data: string) => post({ type: 'shell.output', id: message.id, data }) };
        const exitCode = await session.run(message.line, { stdout: sink, stderr: sink, interrupt });
        await session.cluster.pump.settle();
        running = undefined;
        post({ type: 'shell.done', id: message.id, exitCode, prompt: session.shell.prompt() });
        break;
      }
      case 'shell.needsMoreInput':
        post({ type: 'shell.needsMoreInput', id: message.id, value: session?.shell.needsMoreInput(message.text) ?? false });
        break;
      case 'shell.interrupt':
        running?.fire();
        break;
      case 'clock.set':
        playing = message.playing;
        speed = message.speed;
        break;
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

void tick();
