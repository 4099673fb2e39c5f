/**
 * Plays a script against a session without a terminal: the contract the CLI and the scenario
 * tests share. For each shell line it prints `$ <line>` and what the terminal would show; virtual
 * time moves only while a command blocks (sleep, rollout status…), and a command that would block
 * longer than the budget is interrupted as a learner pressing Ctrl-C would.
 */
import { createInterrupt } from '../shell/shell.ts';
import type { Session } from './session.ts';

export interface ScriptGrader {
  answer(stepId: string, text: string): void | Promise<void>;
  /** Verdict lines for every graded step, or for one step as its Check button would. */
  checkLines(stepId?: string): Promise<string[]>;
}

export type ScriptItem = { kind: 'shell'; lines: string[] } | { kind: 'answer'; stepId: string; text: string; raw: string } | { kind: 'check'; stepId?: string; raw: string };

/** How long one command may block in virtual time before the player presses Ctrl-C. */
export const DEFAULT_LINE_BUDGET_MS = 30 * 60 * 1000;

/** How many host turns a command may compute without waiting before it counts as runaway. */
const MAX_BUSY_ROUNDS = 20_000;

export function parseScript(source: string, needsMoreInput: (text: string) => boolean): ScriptItem[] {
  const items: ScriptItem[] = [];
  const lines = source.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const answer = /^@answer\s+(\S+)\s?(.*)$/.exec(trimmed);
    if (answer) {
      items.push({ kind: 'answer', stepId: answer[1]!, text: answer[2] ?? '', raw: trimmed });
      continue;
    }
    const check = /^@check(?:\s+(\S+))?$/.exec(trimmed);
    if (check) {
      items.push({ kind: 'check', ...(check[1] ? { stepId: check[1] } : {}), raw: trimmed });
      continue;
    }
    const block = [line];
    while (needsMoreInput(block.join('\n')) && i + 1 < lines.length) block.push(lines[++i]!);
    items.push({ kind: 'shell', lines: block });
  }
  return items;
}

export async function playScript(
  session: Session,
  grader: ScriptGrader | undefined,
  source: string,
  write: (text: string) => void,
  lineBudgetMs = DEFAULT_LINE_BUDGET_MS,
): Promise<void> {
  let atLineStart = true;
  const emit = (text: string) => {
    if (text === '') return;
    write(text);
    atLineStart = text.endsWith('\n');
  };
  const newline = () => {
    if (!atLineStart) emit('\n');
  };
  const items = parseScript(source, (text) => session.shell.needsMoreInput(text));
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    newline();
    if (item.kind === 'answer') {
      emit(`${item.raw}\n`);
      await grader?.answer(item.stepId, item.text);
      continue;
    }
    if (item.kind === 'check') {
      emit(`${item.raw}\n`);
      for (const line of (await grader?.checkLines(item.stepId)) ?? []) emit(`${line}\n`);
      continue;
    }
    emit(`$ ${item.lines[0]}\n`);
    for (const more of item.lines.slice(1)) emit(`> ${more}\n`);
    const interrupt = createInterrupt();
    let done = false;
    const sink = { write: emit };
    // The transcript stands for the terminal: `ls` lays out columns there and one name a line into a pipe.
    const running = session.run(item.lines.join('\n'), { stdout: sink, stderr: sink, interrupt, stdoutIsTerminal: true }).finally(() => {
      done = true;
    });
    for (;;) {
      const finished = await session.cluster.pump.runUntil(() => done || session.inputPrompt !== undefined, lineBudgetMs, {
        wasBusy: () => session.wasBusy(),
        maxBusyRounds: MAX_BUSY_ROUNDS,
      });
      // An interactive program (a shell inside `kubectl exec -it`) reads the next script lines as typed input.
      const prompt = session.inputPrompt;
      if (!done && prompt !== undefined) {
        newline();
        emit(prompt);
        const next = items[index + 1];
        if (next?.kind === 'shell') {
          index++;
          emit(`${next.lines.join('\n')}\n`);
          session.sendInput(next.lines.join('\n'));
        } else session.sendInput(null);
        continue;
      }
      if (!finished) {
        newline();
        emit('^C');
        // A program holding the terminal raw (`kubectl exec -it`) takes the key itself and goes on.
        if (session.pressCtrlC()) continue;
        emit('\n');
        interrupt.fire();
        await session.cluster.pump.runUntil(() => done, 60_000, { wasBusy: () => session.wasBusy() });
      }
      break;
    }
    await running;
    // Controllers react to what the line did before the next line runs, as a real control plane would.
    await session.cluster.pump.settle();
  }
  newline();
}
