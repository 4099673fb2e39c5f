/**
 * The parity suite: every kubectl line of the corpus and of every lab script runs once with the
 * real kubectl v1.35.2 and once with ours, each against its own served cluster in the same state;
 * stdout, stderr and exit code must match byte for byte, durations aside.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listLabIds, readLabFiles } from '../../src/cli/node-host.ts';
import { loadLab } from '../../src/labs/load-lab.ts';
import type { LoadedLab } from '../../src/labs/schema.ts';
import { parseParityScript, type ParityStep } from './support/corpus-script.ts';
import { normaliseDurations } from './support/normalise-durations.ts';
import { normaliseKlogHeaders } from './support/normalise-klog.ts';
import { ParityPair, type Run } from './support/parity-pair.ts';

const HERE = import.meta.dirname;
const LABS = join(HERE, '..', '..', 'labs');

interface Group {
  name: string;
  text: string;
}

function groups(): Group[] {
  const corpus = readdirSync(join(HERE, 'corpus'))
    .filter((f) => f.endsWith('.sh'))
    .sort()
    .map((f) => ({ name: `corpus/${f}`, text: readFileSync(join(HERE, 'corpus', f), 'utf8') }));
  const labScripts = listLabIds(LABS).flatMap((id) => {
    const scripts: Group[] = [];
    const add = (path: string) => scripts.push({ name: `${id}/${path}`, text: `@lab ${id}\n${readFileSync(join(LABS, id, path), 'utf8')}` });
    add('solution.sh');
    for (const folder of ['alternatives', 'wrong']) {
      let files: string[] = [];
      try {
        files = readdirSync(join(LABS, id, folder))
          .filter((f) => f.endsWith('.sh'))
          .sort();
      } catch {
        continue;
      }
      for (const f of files) add(`${folder}/${f}`);
    }
    return scripts;
  });
  return [...corpus, ...labScripts];
}

interface KnownDifference {
  group: string;
  line: string;
  reason: string;
}

const known: KnownDifference[] = parse(readFileSync(join(HERE, 'known-differences.yaml'), 'utf8')) ?? [];
const isKnown = (group: string, line: string) => known.some((k) => k.group === group && k.line === line);

const tally = { matched: 0, differ: 0, listed: 0 };

/** Every difference, real and ours side by side, for reading after a run (tests/output is not kept). */
const REPORT = join(HERE, '..', 'output', 'parity-differences.txt');
mkdirSync(dirname(REPORT), { recursive: true });
writeFileSync(REPORT, '');

function recordDifference(group: string, line: string, real: Run, ours: Run): void {
  const side = (name: string, run: Run) => `--- ${name} (exit ${run.code})\n${run.stdout}${run.stderr ? `--- ${name} stderr\n${run.stderr}` : ''}`;
  appendFileSync(REPORT, `=== ${group}: ${line}\n${side('real', real)}${side('ours', ours)}\n`);
}

function comparable(run: Run): Run {
  return { stdout: normaliseDurations(run.stdout), stderr: normaliseDurations(normaliseKlogHeaders(run.stderr)), code: run.code };
}

function loadedLab(id: string | undefined): LoadedLab | undefined {
  if (!id) return undefined;
  const result = loadLab(readLabFiles(id, LABS) ?? {});
  if (!result.ok) throw new Error(`lab ${id}: ${result.errors.join('; ')}`);
  return result.lab;
}

/** A fixed virtual start, a day before now, so every AGE the clients compute is a plain duration. */
const START_MS = Math.floor(Date.now() / 1000) * 1000 - 24 * 3600 * 1000;

for (const group of groups()) {
  const script = parseParityScript(group.text);
  describe(group.name, () => {
    let pair: ParityPair | undefined;
    const dir = mkdtempSync(join(tmpdir(), `parity-${basename(group.name, '.sh')}-`));
    const ready = (async () => {
      pair = new ParityPair(dir);
      await pair.start(loadedLab(script.lab), START_MS);
      return pair;
    })();
    afterAll(async () => {
      await pair?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    script.steps.forEach((step: ParityStep, index) => {
      const title = step.kind === 'kubectl' ? step.line : step.kind === 'advance' ? `(${step.seconds} s pass)` : `$ ${step.text.split('\n')[0]}`;
      it(`${index + 1}: ${title}`, async () => {
        const p = await ready;
        if (step.kind === 'advance') return p.advance(step.seconds * 1000);
        if (step.kind === 'shell') {
          for (const cwd of p.workDirs) execFileSync('bash', ['-c', step.text], { cwd, stdio: 'ignore' });
          return;
        }
        const stdin = step.feed ? execFileSync('bash', ['-c', step.feed], { cwd: p.workDir, encoding: 'utf8' }) : '';
        const realRun = await p.runReal(step.args, stdin);
        if (step.redirect) for (const dir of p.workDirs) writeFileSync(join(dir, step.redirect), realRun.stdout);
        const real = comparable(realRun);
        const ours = comparable(await p.runOurs(step.args, stdin));
        await p.align();
        const listed = isKnown(group.name, step.line);
        const same = real.stdout === ours.stdout && real.stderr === ours.stderr && real.code === ours.code;
        if (same) tally.matched++;
        else if (listed) tally.listed++;
        else tally.differ++;
        if (!same) recordDifference(group.name, step.line, real, ours);
        if (!listed) expect(ours).toEqual(real);
      }, 180_000);
    });
  });
}

afterAll(() => {
  console.log(`parity: ${tally.matched} lines matched, ${tally.differ} differ, ${tally.listed} listed as known differences`);
});
