import { describe, expect, it } from 'vitest';
import { readLabFiles, yieldToHost } from '../cli/node-host.ts';
import { loadLab } from '../labs/load-lab.ts';
import type { Grader } from '../labs/grader.ts';
import { createInterrupt } from '../shell/shell.ts';
import { startLab } from './lab-session.ts';
import { previewRequest } from './preview-request.ts';
import { ReplayEditor, replayJournal } from './replay-journal.ts';
import { JournalRecorder, journalProblem, markHung, type SessionJournal } from './session-journal.ts';
import { Session } from './session.ts';

const SEED = 7;
const START_MS = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Opens a lab session whose editor answers through `editFile`, as the worker builds one. */
async function openLab(labId: string, editFile: (path: string) => Promise<void>): Promise<{ session: Session; grader: Grader }> {
  const loaded = loadLab(readLabFiles(labId)!);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const session = await Session.create({ seed: SEED, startTimeMs: START_MS, yieldToHost, terminal: { editFile } });
  return { session, grader: (await startLab(session, loaded.lab)).grader };
}

/**
 * Drives a session as the worker does: the clock ticks in 50 ms steps while commands run, the
 * learner's inputs come between two ticks, and each input is recorded in the journal.
 */
class LiveSession {
  readonly journal: JournalRecorder;
  #command: { interrupt: ReturnType<typeof createInterrupt>; finished: boolean; exit: Promise<number> } | undefined;
  #edit: ((content: string | undefined) => void) | undefined;

  private constructor(
    readonly session: Session,
    readonly grader: Grader,
  ) {
    this.journal = new JournalRecorder({ seed: SEED, startTimeMs: START_MS, base: { files: {} } }, () => session.cluster.clock.now());
  }

  static async open(labId: string): Promise<LiveSession> {
    let live: LiveSession | undefined;
    const editFile = (path: string) =>
      new Promise<void>((resolve) => {
        live!.#edit = (content) => {
          if (content !== undefined) live!.session.fs.writeFile(path, content);
          resolve();
        };
      });
    const { session, grader } = await openLab(labId, editFile);
    live = new LiveSession(session, grader);
    return live;
  }

  get running(): boolean {
    return this.#command !== undefined && !this.#command.finished;
  }

  /** Lets `ms` of virtual time pass in the worker's 50 ms ticks. */
  async tick(ms: number): Promise<void> {
    for (let passed = 0; passed < ms; passed += 50) await this.session.cluster.pump.advance(50);
  }

  start(line: string): void {
    this.journal.startCommand(line);
    const interrupt = createInterrupt();
    const sink = { write: () => undefined };
    const command = { interrupt, finished: false, exit: Promise.resolve(0) };
    command.exit = this.session.run(line, { stdout: sink, stderr: sink, interrupt }).finally(() => {
      command.finished = true;
      this.journal.finishCommand();
    });
    this.#command = command;
  }

  /** Runs a line and lets the clock tick until it is done, as the terminal waits for the prompt. */
  async run(line: string): Promise<void> {
    this.start(line);
    await this.untilDone();
  }

  async untilDone(): Promise<void> {
    while (this.running) await this.tick(50);
    await this.#command?.exit;
    await this.session.cluster.pump.settle();
  }

  ctrlC(): void {
    this.journal.recordForCommand({ kind: 'ctrl-c' });
    if (!this.session.pressCtrlC()) this.#command?.interrupt.fire();
  }

  type(line: string | null): void {
    this.journal.recordForCommand({ kind: 'input', line });
    this.session.sendInput(line);
  }

  saveInEditor(content: string): void {
    this.journal.recordForCommand({ kind: 'edited', content });
    this.#edit?.(content);
  }

  saveTab(path: string, content: string): void {
    this.session.fs.writeFile(path, content);
    this.journal.record({ kind: 'write', path, content });
  }

  async answer(stepId: string, text: string): Promise<void> {
    this.journal.record({ kind: 'answer', stepId, text });
    this.grader.answer(stepId, text);
    await this.grader.check(stepId);
  }

  preview(url: string): void {
    this.journal.record({ kind: 'http', url });
    void previewRequest(this.session, url);
  }
}

/** What the learner's terminal shows for a line (`ls` lays out columns for a terminal). */
async function output(session: Session, line: string): Promise<string> {
  let text = '';
  const sink = { write: (t: string) => (text += t) };
  await session.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt(), stdoutIsTerminal: true });
  return text;
}

/** What the learner would look at after a restart: the cluster, the rollout, the files, the shell. */
async function observe(session: Session, grader: Grader): Promise<Record<string, string>> {
  const lines = [
    'kubectl get all -o wide',
    'kubectl rollout history deployment/frontend',
    'kubectl rollout history deployment/frontend --revision=2',
    'kubectl get pods -A -o custom-columns=NAME:.metadata.name,START:.metadata.creationTimestamp,RESTARTS:.status.containerStatuses[*].restartCount,IP:.status.podIP,NODE:.spec.nodeName',
    'kubectl get pods',
    'kubectl get events --sort-by=.metadata.creationTimestamp',
    'kubectl logs -l name=webapp --prefix',
    'kubectl get pod extra --show-labels',
    'cat /root/notes.txt /root/pod.yaml /root/typed.txt',
    'echo "$PWD $GREETING"',
    'ls -l /root',
    'date',
  ];
  const seen: Record<string, string> = {};
  for (const line of lines) seen[line] = await output(session, line);
  seen.progress = JSON.stringify(grader.progress());
  return seen;
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: extra
spec:
  containers:
  - name: box
    image: busybox
    command: ["sleep", "3600"]
`;

describe('replaying a journal', () => {
  it('rebuilds the cluster, files and shell a rolling-updates session left behind', async () => {
    const live = await LiveSession.open('rolling-updates');
    await live.tick(2000);
    await live.answer('current-color', 'blue');
    live.preview('http://node01:30080/');
    await live.tick(1500);
    live.preview('http://node01:30080/');

    live.start('kubectl get pods -w');
    await live.tick(3000);
    live.ctrlC();
    await live.untilDone();

    await live.run('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2');
    await live.tick(7000);
    await live.run('kubectl scale deployment frontend --replicas=2');
    await live.tick(20_000);
    for (let i = 0; i < 3; i++) {
      live.preview('http://node01:30080/');
      await live.tick(2000);
    }

    live.saveTab('/root/pod.yaml', POD);
    await live.tick(400);
    await live.run('kubectl create -f pod.yaml');
    live.start('vi notes.txt');
    await live.tick(4000);
    live.saveInEditor('rolled out v2\n');
    await live.untilDone();

    live.start('cat > /root/typed.txt');
    await live.tick(1000);
    live.type('typed at the terminal');
    await live.tick(500);
    live.type(null);
    await live.untilDone();
    await live.run('export GREETING=hello; cd /tmp');
    live.start('sleep 4; kubectl label pod extra checked=yes');
    await live.untilDone();
    live.start('kubectl exec -it extra -- sh');
    await live.tick(200);
    live.type('echo inside > /tmp/inside.txt');
    await live.tick(300);
    live.type('exit');
    await live.untilDone();
    await live.tick(12_000);

    const journal = live.journal.journal();
    expect(journalProblem(journal)).toBeUndefined();
    // A saved journal goes through IndexedDB's structured clone.
    const saved = structuredClone(journal) as SessionJournal;

    const editor = new ReplayEditor();
    const { session, grader } = await openLab('rolling-updates', (path) => editor.editFile(path));
    const outcome = await replayJournal(saved, { session, grader, editor });
    expect(outcome.diverged).toEqual([]);
    // The restarted session goes on from where the first one was.
    await session.cluster.pump.advanceTo(live.session.cluster.clock.now());

    const before = await observe(live.session, live.grader);
    const after = await observe(session, grader);
    expect(after).toEqual(before);
    expect(before['kubectl rollout history deployment/frontend']).toMatch(/^2 /m);
    expect(before['kubectl get pods']).toMatch(/^extra /m);
    expect(before['kubectl get pod extra --show-labels']).toContain('checked=yes');
    expect(before['kubectl logs -l name=webapp --prefix']).toContain('"GET / HTTP/1.1" 200');
    expect(before['cat /root/notes.txt /root/pod.yaml /root/typed.txt']).toMatch(/^rolled out v2\n[^]*\ntyped at the terminal\n$/);
    expect(await output(session, 'kubectl exec extra -- cat /tmp/inside.txt')).toBe('inside\n');
  }, 60_000);

  it('never holds a command still running: the one in flight when the worker hung is not replayed', async () => {
    const live = await LiveSession.open('rolling-updates');
    await live.run('kubectl scale deployment frontend --replicas=5');
    live.start('sleep 2; kubectl delete deployment frontend');
    live.saveTab('/root/during.txt', 'saved while it ran\n');
    await live.tick(500);
    const journal = live.journal.journal();
    expect(journal.entries.map((e) => e.kind)).toEqual(['run', 'done', 'write']);

    const editor = new ReplayEditor();
    const { session, grader } = await openLab('rolling-updates', (path) => editor.editFile(path));
    expect((await replayJournal(journal, { session, grader, editor })).diverged).toEqual([]);
    expect(await output(session, 'kubectl get deployment frontend -o jsonpath={.spec.replicas}')).toBe('5');
    expect(await output(session, 'cat during.txt')).toBe('saved while it ran\n');
  }, 30_000);
});

describe('a command that hung once', () => {
  it('is skipped with its own inputs on every later replay, while what came between them is kept', async () => {
    const live = await LiveSession.open('rolling-updates');
    await live.run('kubectl scale deployment frontend --replicas=3');
    live.start('cat > /root/typed.txt');
    await live.tick(1000);
    live.saveTab('/root/tab.txt', 'saved while cat read\n');
    live.type('typed to cat');
    await live.tick(500);
    live.type(null);
    await live.untilDone();
    await live.run('export AFTER=yes');
    const journal = live.journal.journal();
    const cat = journal.entries.find((e) => e.kind === 'run' && e.line.startsWith('cat'))!;
    const marked = structuredClone(markHung(journal, cat.seq)) as SessionJournal;
    expect(journalProblem(marked)).toBeUndefined();
    expect(marked.entries.filter((e) => e.hung).map((e) => e.seq)).toEqual([cat.seq]);

    const editor = new ReplayEditor();
    const { session, grader } = await openLab('rolling-updates', (path) => editor.editFile(path));
    const replayed: number[] = [];
    expect((await replayJournal(marked, { session, grader, editor, onEntry: (seq) => replayed.push(seq) })).diverged).toEqual([]);
    const catDone = marked.entries.find((e) => e.kind === 'done' && e.seq > cat.seq)!;
    const ofCat = (e: (typeof marked.entries)[number]) => e.seq === cat.seq || (e.kind !== 'write' && e.seq > cat.seq && e.seq <= catDone.seq);
    expect(marked.entries.filter(ofCat).map((e) => e.kind)).toEqual(['run', 'input', 'input', 'done']);
    expect(replayed).toEqual(marked.entries.filter((e) => !ofCat(e)).map((e) => e.seq));
    expect(await output(session, 'ls /root; echo "$AFTER"; kubectl get deployment frontend -o jsonpath={.spec.replicas}')).toBe('curl-pod.yaml  curl-test.sh  tab.txt\nyes\n3');
  }, 30_000);

  it('leaves the journal as it was when the input in flight was never recorded', () => {
    const recorder = new JournalRecorder({ seed: 1, startTimeMs: 0, base: { files: {} } }, () => 0);
    const seq = recorder.startCommand('while true; do :; done');
    expect(markHung(recorder.journal(), seq)).toEqual(recorder.journal());
  });
});

describe('journal limits', () => {
  const start = { seed: 1, startTimeMs: 0, base: { files: {} } };

  it('stops recording once full, and a full journal is not replayed', () => {
    const recorder = new JournalRecorder(start, () => 0, { limits: { maxEntries: 3, maxChars: 1000 } });
    for (let i = 0; i < 2; i++) {
      recorder.startCommand(`echo ${i}`);
      recorder.finishCommand();
    }
    expect(recorder.journal()).toMatchObject({ full: true, entries: [] });
    expect(journalProblem(recorder.journal())).toBe('the session was too long to replay');
  });

  it('counts the characters of what was typed and saved', () => {
    const recorder = new JournalRecorder(start, () => 0, { limits: { maxEntries: 100, maxChars: 10 } });
    recorder.record({ kind: 'write', path: '/root/a', content: 'x' });
    expect(recorder.journal().full).toBeUndefined();
    recorder.record({ kind: 'write', path: '/root/b', content: 'long enough' });
    expect(recorder.journal().full).toBe(true);
  });

  it('goes on from a replayed journal with later sequence numbers', () => {
    const first = new JournalRecorder(start, () => 5);
    first.record({ kind: 'check' });
    const next = new JournalRecorder(start, () => 9, { continueFrom: first.journal() });
    next.record({ kind: 'check', stepId: 'a' });
    expect(next.journal().entries.map((e) => [e.seq, e.atMs])).toEqual([
      [0, 5],
      [1, 9],
    ]);
  });

  it.each([
    [null, 'not a journal'],
    [{ version: 99 }, 'journal version 99, expected 1'],
    [{ version: 1, seed: 1, startTimeMs: 0, base: { files: {} }, entries: [{ kind: 'run' }] }, 'unreadable entries'],
    [{ version: 1, seed: 1, startTimeMs: 0, base: { files: {} }, entries: [{ kind: 'rm -rf', atMs: 0, seq: 0 }] }, 'unreadable entries'],
    [{ version: 1, seed: 1, startTimeMs: 0, entries: [] }, 'no starting files'],
    [
      {
        version: 1,
        seed: 1,
        startTimeMs: 0,
        base: { files: {} },
        entries: [
          { kind: 'check', atMs: 5, seq: 0 },
          { kind: 'check', atMs: 4, seq: 1 },
        ],
      },
      'entries out of time order',
    ],
    [{ version: 1, seed: 1, startTimeMs: 0, base: { files: {} }, entries: [{ kind: 'check', atMs: 0, seq: 0, hung: 'yes' }] }, 'unreadable entries'],
    [{ version: 1, seed: 1, startTimeMs: 0, base: { files: { '/root/a': null } }, entries: [] }, 'unreadable starting files'],
    [{ version: 1, seed: 1, startTimeMs: 0, base: { files: { '/root/a': 'text' } }, entries: [] }, 'unreadable starting files'],
    [{ version: 1, seed: 1, startTimeMs: 0, base: { files: {}, progress: { labId: 'x' } }, entries: [] }, 'unreadable starting progress'],
  ])('reports a corrupt journal (%j) as %s', (value, problem) => {
    expect(journalProblem(value)).toBe(problem);
  });
});
