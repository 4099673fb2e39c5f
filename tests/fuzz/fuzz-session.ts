/**
 * What the session fuzzers share: a session with objects and files the fuzz must not touch, one
 * fuzzed line run with Ctrl-C pressed when it outlives its budget, and the checks that follow it
 * (no JavaScript error text or internal-fault line, Ctrl-C honoured in real time, the untouched objects and files intact).
 */
import { setImmediate } from 'node:timers';
import { Session } from '../../src/session/session.ts';
import { createInterrupt } from '../../src/shell/shell.ts';
import { allResourceDefinitions } from '../../src/engine/api/resources/index.ts';
import { resourceKey } from '../../src/engine/api/resource-key.ts';
import { stableStringify } from '../../src/engine/store/deep-copy.ts';
import type { KubeObject } from '../../src/engine/api/client.ts';
import { INTERNAL_ERROR, SERVER_PANIC_MESSAGE } from '../../src/lib/internal-fault/internal-fault.ts';
import { CTRL_C_REAL_MS, StretchMeter, cpuNowMs } from './stretch-meter.ts';

export { CTRL_C_REAL_MS } from './stretch-meter.ts';
/** Inputs run in one session before a fresh one: bounds what the fuzz piles up. */
export const INPUTS_PER_SESSION = 100;

/**
 * Text only a JavaScript failure prints. `undefined` and `NaN` count only as whole words the
 * fuzzed input does not itself contain (kubectl echoes names and values back); `SyntaxError`
 * only with its colon, as JSON.parse and RegExp print it; `is not defined` not after `this`
 * (kubectl edit's help: "If this is not defined").
 */
const JS_ERROR_TEXT = [
  /TypeError/,
  /RangeError/,
  /ReferenceError/,
  /SyntaxError: /,
  /is not a function/,
  /Cannot read propert/,
  /Cannot set propert/,
  /Cannot destructure/,
  /is not iterable/,
  /\b(?!this )\w+ is not defined/,
  /Maximum call stack/,
  /Invalid array length/,
  /Invalid string length/,
  /\[object Object\]/,
  /\bundefined\b/,
  /\bNaN\b/,
];

export function jsErrorTextIn(output: string, input: string): string | undefined {
  for (const pattern of JS_ERROR_TEXT) {
    const found = pattern.exec(output);
    if (found && !input.includes(found[0])) return found[0];
  }
  return undefined;
}

/**
 * The neutral line a fault of ours prints (`bash: internal error`, or the API server's panic
 * answer): no input may reach one. Returns the line, or undefined.
 */
export function internalFaultIn(output: string, input: string): string | undefined {
  const found = new RegExp(`^.*: ${INTERNAL_ERROR}$`, 'm').exec(output)?.[0] ?? output.split('\n').find((l) => l.includes(SERVER_PANIC_MESSAGE));
  return found !== undefined && !input.includes(found) ? found : undefined;
}

/** Objects and files each fuzz session starts with; the fuzz targets only names starting `fz`. */
const SETUP = [
  'kubectl create ns fz',
  'kubectl create deploy keep --image=nginx --replicas=2',
  'kubectl create cm keep --from-literal=a=b',
  'kubectl create secret generic keep --from-literal=p=q',
  'kubectl expose deploy keep --port=80 2>/dev/null || true',
  'kubectl run keep-pod --image=busybox -- sleep 3600',
  'kubectl -n fz create deploy fz-web --image=nginx',
  'kubectl -n fz create cm fz-cm --from-literal=k=v',
  'kubectl -n fz run fz-pod --image=busybox -- sleep 3600',
  "printf 'keep me\\n' > /root/keep.txt",
  'mkdir -p /root/dir && echo inner > /root/dir/inner.txt',
].join('\n');

export interface FuzzSession {
  session: Session;
  /** Longest CPU time between two host turns from the last reset up to now (see StretchMeter). */
  longestStretchMs(): number;
  resetStretch(): void;
  /** Objects outside the fuzz's reach and /root files, as text, before the fuzz. */
  baseline: Map<string, string>;
  /** Keys of baseline objects written or removed since the last firstDamage: only these can have changed. */
  written: Set<string>;
}

export async function newFuzzSession(): Promise<FuzzSession> {
  const meter = new StretchMeter();
  const session = await Session.create({ seed: 7, yieldToHost: meter.yieldToHost(setImmediate), realNow: () => performance.now() });
  const setup = await runFuzzedLine(session, SETUP, 60_000);
  if (setup.code !== 0) throw new Error(`fuzz setup failed: ${setup.output}`);
  await session.cluster.pump.advance(30_000);
  const baseline = intactState(session);
  const written = new Set<string>();
  session.cluster.server.store.subscribe((event) => {
    const key = objectKey(event.resourceKey, event.object);
    if (baseline.has(key)) written.add(key);
  });
  return {
    session,
    longestStretchMs: () => {
      meter.finish();
      return meter.longest();
    },
    resetStretch: () => meter.reset(),
    baseline,
    written,
  };
}

export interface FuzzedRun {
  output: string;
  code: number;
  /** Real time from Ctrl-C to the line's end; 0 when it ended within its budget. */
  ctrlCToEndMs: number;
}

/**
 * Runs `line`, and presses Ctrl-C (to a program that trapped it, else the line's own interrupt)
 * when `budgetMs` of virtual time or a few thousand busy rounds pass before it ends.
 */
export async function runFuzzedLine(session: Session, line: string, budgetMs: number): Promise<FuzzedRun> {
  let output = '';
  let done = false;
  const interrupt = createInterrupt();
  const sink = { write: (text: string) => (output += text) };
  const running = session.run(line, { stdout: sink, stderr: sink, interrupt }).finally(() => (done = true));
  const pump = session.cluster.pump;
  const finished = await pump.runUntil(() => done, budgetMs, { wasBusy: () => session.wasBusy(), maxBusyRounds: 2_000 });
  let ctrlCToEndMs = 0;
  if (!finished) {
    const pressedAt = cpuNowMs();
    for (let press = 0; press < 3 && !done; press++) {
      if (!session.pressCtrlC()) interrupt.fire();
      await pump.runUntil(() => done, 5_000, { wasBusy: () => session.wasBusy(), maxBusyRounds: 200 });
    }
    ctrlCToEndMs = done ? cpuNowMs() - pressedAt : Infinity;
  }
  const code = done ? await running : -1;
  await pump.settle();
  return { output, code, ctrlCToEndMs };
}

/**
 * Every stored object whose name does not start with `fz` (nor sits in a namespace fz…), without
 * what the cluster itself keeps rewriting (status, resourceVersion, managedFields), and every file
 * under /root the fuzz did not write (`fz*`). Keyed by what names them.
 */
export function intactState(session: Session): Map<string, string> {
  const state = new Map<string, string>();
  for (const def of allResourceDefinitions()) {
    if (def.info.kind === 'Event') continue;
    const key = resourceKey(def.info.group, def.info.name);
    for (const obj of session.cluster.server.store.list(key)) {
      const meta = obj.metadata ?? {};
      if ((meta.name ?? '').startsWith('fz') || (meta.namespace ?? '').startsWith('fz')) continue;
      // Each kubelet renews its node's Lease every 10 s of the clock, whatever the input did.
      if (meta.namespace === 'kube-node-lease') continue;
      state.set(objectKey(key, obj), stableStringify(withoutVolatile(obj)));
    }
  }
  for (const [path, content] of walk(session, '/root')) if (!path.startsWith('/root/fz')) state.set(`file ${path}`, content);
  return state;
}

function objectKey(key: string, obj: KubeObject): string {
  return `${key} ${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/**
 * The first object or file of the baseline that is gone or changed now, as `key: before → now`.
 * Objects are compared when the store wrote them since the last look (every write passes
 * through it); files, a handful, every time.
 */
export function firstDamage(current: FuzzSession): string | undefined {
  const { session, baseline, written } = current;
  const store = session.cluster.server.store;
  const now = new Map<string, string | undefined>();
  for (const key of written) {
    const [resource, path] = key.split(' ') as [string, string];
    const [namespace, name] = path.split('/') as [string, string];
    const obj = store.get(resource, namespace === '' ? undefined : namespace, name);
    now.set(key, obj && stableStringify(withoutVolatile(obj)));
  }
  written.clear();
  for (const [path, content] of walk(session, '/root')) if (!path.startsWith('/root/fz')) now.set(`file ${path}`, content);
  for (const [key, before] of baseline) {
    if (!now.has(key) && !key.startsWith('file ')) continue;
    const after = now.get(key);
    if (after !== before) return `${key}: ${before.slice(0, 400)} → ${after?.slice(0, 400) ?? '(gone)'}`;
  }
  return undefined;
}

function withoutVolatile(obj: KubeObject): unknown {
  const { status: _status, metadata, ...rest } = obj as KubeObject & { status?: unknown };
  const { resourceVersion: _rv, managedFields: _mf, ...meta } = metadata ?? {};
  return { ...rest, metadata: meta };
}

function walk(session: Session, dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const name of session.fs.readdir(dir).sort()) {
    const path = `${dir}/${name}`;
    if (session.fs.stat(path).kind === 'directory') out.push([path + '/', ''], ...walk(session, path));
    else out.push([path, session.fs.readFile(path)]);
  }
  return out;
}

/**
 * Runs fuzzed lines in a session renewed every INPUTS_PER_SESSION inputs, and fails with the
 * line and what went wrong when one throws, prints JavaScript error text, keeps the host from
 * answering Ctrl-C for CTRL_C_REAL_MS of CPU time (confirmed once more in a fresh session, so
 * a pause of the machine alone does not fail it), or changes what it did not target.
 */
export class FuzzRunner {
  #current: FuzzSession | undefined;
  #inputs = 0;

  /** `files` are written under /root first (their names must start with `fz`). */
  async check(line: string, budgetMs: number, files: Record<string, string> = {}): Promise<void> {
    if (this.#current === undefined || this.#inputs++ % INPUTS_PER_SESSION === 0) {
      this.#current?.session.close();
      this.#current = await newFuzzSession();
    }
    const current = this.#current;
    for (const [path, content] of Object.entries(files)) current.session.fs.writeFile(path, content);
    const verbose = process.env.FUZZ_VERBOSE !== undefined;
    if (verbose)
      process.stderr.write(
        `#${this.#inputs} ${line.slice(0, 120)} | ${Object.values(files)
          .map((f) => f.length)
          .join(',')} chars\n`,
      );
    if (verbose) for (const content of Object.values(files)) if (content.length < 3000) process.stderr.write(`${JSON.stringify(content)}\n`);
    const run = await this.#timed(current, line, budgetMs);
    if (verbose) process.stderr.write(`  ${run.code} in ${Math.round(run.realMs)} ms, longest stretch ${Math.round(run.stretchMs)} ms\n`);
    const fail = (what: string) => {
      this.#current = undefined;
      current.session.close();
      throw new Error(`${what}\n--- input ---\n${line.slice(0, 4000)}\n--- output ---\n${run.output.slice(0, 4000)}`);
    };
    const leaked = jsErrorTextIn(run.output, line);
    if (leaked !== undefined) fail(`JavaScript error text "${leaked}" reached the terminal`);
    const fault = internalFaultIn(run.output, [line, ...Object.values(files)].join('\n'));
    if (fault !== undefined) fail(`an internal fault reached the terminal: ${fault}`);
    if (run.code === -1) fail('the line did not end after Ctrl-C');
    if (run.stretchMs > CTRL_C_REAL_MS || run.ctrlCToEndMs > CTRL_C_REAL_MS) {
      const fresh = await newFuzzSession();
      for (const [path, content] of Object.entries(files)) fresh.session.fs.writeFile(path, content);
      const again = await this.#timed(fresh, line, budgetMs);
      fresh.session.close();
      if (again.stretchMs > CTRL_C_REAL_MS || again.ctrlCToEndMs > CTRL_C_REAL_MS)
        fail(
          `Ctrl-C could not be answered in ${CTRL_C_REAL_MS} ms: ${Math.round(again.stretchMs)} ms without a yield, ${Math.round(again.ctrlCToEndMs)} ms from Ctrl-C to the end`,
        );
    }
    const damage = firstDamage(current);
    if (damage !== undefined) fail(`an object or file the input did not target changed: ${damage}`);
  }

  close(): void {
    this.#current?.session.close();
    this.#current = undefined;
  }

  async #timed(current: FuzzSession, line: string, budgetMs: number): Promise<FuzzedRun & { stretchMs: number; realMs: number }> {
    current.resetStretch();
    const startedAt = cpuNowMs();
    const run = await runFuzzedLine(current.session, line, budgetMs);
    return { ...run, stretchMs: current.longestStretchMs(), realMs: cpuNowMs() - startedAt };
  }
}
