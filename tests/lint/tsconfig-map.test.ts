/**
 * The compiler half of the layer map: each src/<layer>/tsconfig.json references exactly the layers
 * (or contract projects) tests/lint/layer-map.mjs lets it import and sees only its host's globals, and
 * this tsc rejects an import from an unreferenced project and wall-clock timers (tests/lint/fixtures/tsc).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from './layer-map.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

type TsConfig = { compilerOptions?: { lib?: string[]; types?: string[] }; references?: { path: string }[] };
const readConfig = (path: string) => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as TsConfig;
const base = readConfig('tsconfig.base.json').compilerOptions!;

const PURE = { lib: ['ES2023'], types: [] };
const hosts: Record<string, { lib: string[]; types: string[] }> = {
  lib: PURE,
  shell: PURE,
  engine: PURE,
  kubectl: PURE,
  labs: PURE,
  protocol: PURE,
  session: PURE,
  worker: { lib: ['ES2023', 'WebWorker'], types: ['vite/client'] },
  serve: { lib: ['ES2023'], types: ['node'] },
  cli: { lib: ['ES2023'], types: ['node'] },
  ui: { lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: ['vite/client'] },
};

/** Contract files with a project of their own, so a layer that may read only them skips the rest. */
const CONTRACTS: Record<string, string> = {
  'engine/api/client.ts': '../engine/tsconfig.client.json',
  'shell/command.ts': '../shell/tsconfig.command.json',
  'shell/fs/file-system.ts': '../shell/tsconfig.command.json',
  'labs/schema.ts': '../labs/tsconfig.schema.json',
};

/** The project a map entry lives in. */
const projectOf = (rule: string) => {
  const target = rule.replace(/^type /, '');
  return CONTRACTS[target] ?? `../${target.split('/')[0]}`;
};

const cases = Object.entries(LAYERS).map(([layer, { may }]) => ({ name: layer, layer, references: [...new Set(may.map(projectOf))].sort() }));

describe('layer projects', () => {
  it('cover every layer of the map and no other', () => {
    expect(Object.keys(hosts).sort()).toEqual(Object.keys(LAYERS).sort());
  });
  it.each(cases)('$name references only the layers it may import and sees only its host', ({ layer, references }) => {
    const config = readConfig(`src/${layer}/tsconfig.json`);
    const found = (config.references ?? []).map((r) => r.path).filter((path) => !path.startsWith('./'));
    expect({ references: found.sort(), lib: config.compilerOptions?.lib ?? base.lib, types: config.compilerOptions?.types ?? base.types }).toEqual({ references, ...hosts[layer] });
  });
});

describe('the compiler', () => {
  it('rejects an import from an unreferenced project and the globals a pure layer lacks', () => {
    const fixture = resolve(import.meta.dirname, 'fixtures/tsc');
    const tsc = resolve(ROOT, 'node_modules/.bin/tsc');
    const run = spawnSync(tsc, ['-b', '--force', '--pretty', 'false'], { cwd: fixture, encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout.replaceAll(`${fixture}/`, '') }).toEqual({
      status: 2,
      stdout: [
        "engine/reach-up.ts(1,25): error TS6307: File 'session/session.ts' is not listed within the file list of project 'engine/tsconfig.json'. Projects must list all files or use an 'include' pattern.",
        "engine/reach-up.ts(3,1): error TS2304: Cannot find name 'setTimeout'.",
        "engine/reach-up.ts(4,21): error TS2584: Cannot find name 'document'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'.",
        "engine/reach-up.ts(5,21): error TS2591: Cannot find name 'process'. Do you need to install type definitions for node? Try `npm i --save-dev @types/node` and then add 'node' to the types field in your tsconfig.",
        '',
      ].join('\n'),
    });
  });
});
