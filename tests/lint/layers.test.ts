/**
 * The layer map's lint rules can fail: tests/lint/fixtures/src mirrors src/ with one file of deliberate
 * violations per layer, and each file must get exactly these diagnostics (line:column rule: message).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

const cases: { name: string; file: string; expected: string[] }[] = [
  {
    name: 'a file in a folder outside the map is reported, since no tsc project checks it either',
    file: 'src/misc/stray.ts',
    expected: ['1:1 layers: src/misc/stray.ts is in no layer: add its folder to tests/lint/layer-map.mjs and a tsconfig project (style.md §2)'],
  },
  {
    name: 'so is a source file at the src root other than main.tsx',
    file: 'src/root-stray.ts',
    expected: ['1:1 layers: src/root-stray.ts is in no layer: add its folder to tests/lint/layer-map.mjs and a tsconfig project (style.md §2)'],
  },
  {
    name: 'cli imports Node, serve and session, but neither ui nor React',
    file: 'src/cli/entry.ts',
    expected: [
      '4:1 layers: cli must not import ui/app/app.tsx: cli may import only cli, serve, session, engine, kubectl, shell, labs, lib, protocol (style.md §2)',
      "5:1 layers: 'react-dom/client' is for src/ui only (style.md §2)",
    ],
  },
  {
    name: 'the engine reads no wall clock and draws no real randomness, but formats virtual instants',
    file: 'src/engine/clock/wall-clock.ts',
    expected: [
      '1:20 virtual-time: Date.now in engine: use the cluster clock / seeded rng',
      '2:22 virtual-time: new Date() (the wall clock) in engine: use the cluster clock / seeded rng',
      '3:22 virtual-time: Date() (the wall clock) in engine: use the cluster clock / seeded rng',
      '4:21 virtual-time: Math.random in engine: use the cluster clock / seeded rng',
      '5:28 virtual-time: Math.random in engine: use the cluster clock / seeded rng',
      "6:21 virtual-time: 'performance' in engine: use the cluster clock / seeded rng",
      "7:19 virtual-time: 'crypto' in engine: use the cluster clock / seeded rng",
      "8:1 virtual-time: 'setTimeout' in engine: use the cluster clock / seeded rng",
      "9:1 virtual-time: 'setInterval' in engine: use the cluster clock / seeded rng",
      "10:1 virtual-time: 'setImmediate' in engine: use the cluster clock / seeded rng",
      "11:1 virtual-time: 'queueMicrotask' in engine: use the cluster clock / seeded rng",
    ],
  },
  {
    name: 'a test may build a real session across layers and use Node, but not React outside ui',
    file: 'src/engine/kubelet/reach-up.test.ts',
    expected: ["5:1 layers: 'react' is for src/ui only (style.md §2)"],
  },
  {
    name: 'the engine imports only engine, lib and its packages, in every import form',
    file: 'src/engine/kubelet/reach-up.ts',
    expected: [
      '1:1 layers: engine must not import session/session.ts: engine may import only engine, lib (style.md §2)',
      '2:1 layers: engine must not import kubectl/kubectl-command.ts: engine may import only engine, lib (style.md §2)',
      "3:1 layers: 'react' is for src/ui only (style.md §2)",
      "4:1 layers: 'd3-selection' is for src/ui only (style.md §2)",
      "5:1 layers: 'node:fs' is a Node built-in: engine runs outside Node too; only cli and serve may import Node (style.md §2)",
      "6:1 layers: 'path' is a Node built-in: engine runs outside Node too; only cli and serve may import Node (style.md §2)",
      "7:1 layers: '../../../tests/support/session.ts' is outside src/: source never imports tests or scripts (style.md §2)",
      '8:1 layers: engine must not import labs/grader.ts: engine may import only engine, lib (style.md §2)',
      '9:1 layers: engine must not import shell/shell.ts: engine may import only engine, lib (style.md §2)',
      '10:19 layers: engine must not import ui/app/app.tsx: engine may import only engine, lib (style.md §2)',
      '11:28 layers: engine must not import shell/shell.ts: engine may import only engine, lib (style.md §2)',
    ],
  },
  {
    name: 'one door: outside api/ and store/ the engine neither reads server.store nor imports the object store',
    file: 'src/engine/network/store-reader.ts',
    expected: [
      '2:1 one-door: engine/network must not import the object store: read through a request or a shared informer (engine/client/)',
      "4:48 one-door: engine/network must not read '.store': read through a request or a shared informer (engine/client/)",
      "5:57 one-door: engine/network must not read '.store': read through a request or a shared informer (engine/client/)",
    ],
  },
  {
    name: 'one door holds for engine tests too',
    file: 'src/engine/kubelet/store-peek.test.ts',
    expected: ["3:69 one-door: engine/kubelet must not read '.store': read through a request or a shared informer (engine/client/)"],
  },
  {
    name: 'testing/ helpers obey their layer',
    file: 'src/engine/testing/reach-up-helper.ts',
    expected: [
      "1:1 layers: 'node:timers' is a Node built-in: engine runs outside Node too; only cli and serve may import Node (style.md §2)",
      '2:1 layers: engine must not import session/container-toolbox.ts: engine may import only engine, lib (style.md §2)',
    ],
  },
  {
    name: 'kubectl takes only the ApiClient and Command types from engine and shell',
    file: 'src/kubectl/commands/reach-in.ts',
    expected: [
      '1:1 layers: kubectl must not import shell/fs/resolve-path.ts: kubectl may import only kubectl, lib, engine/api/client.ts (types), shell/command.ts (types) (style.md §2)',
      '2:1 layers: kubectl may import engine/api/client.ts only with import type (style.md §2)',
      '3:1 layers: kubectl must not import engine/store/object-store.ts: kubectl may import only kubectl, lib, engine/api/client.ts (types), shell/command.ts (types) (style.md §2)',
    ],
  },
  {
    name: 'labs takes only the ApiClient and shell contract types',
    file: 'src/labs/reach-in.ts',
    expected: [
      '2:1 layers: labs must not import engine/store/object-store.ts: labs may import only labs, lib, engine/api/client.ts (types), shell/command.ts (types), shell/fs/file-system.ts (types) (style.md §2)',
      '5:1 layers: labs must not import shell/shell.ts: labs may import only labs, lib, engine/api/client.ts (types), shell/command.ts (types), shell/fs/file-system.ts (types) (style.md §2)',
    ],
  },
  {
    name: 'lib imports nothing outside lib',
    file: 'src/lib/reach-up.ts',
    expected: [
      '1:1 layers: lib must not import engine/api/client.ts: lib may import only itself (style.md §2)',
      '3:35 virtual-time: Math.random in lib: use the cluster clock / seeded rng',
    ],
  },
  {
    name: 'the UI entry is ui',
    file: 'src/main.tsx',
    expected: ['3:1 layers: ui must not import engine/cluster.ts: ui may import only ui, protocol, labs/schema.ts (types) (style.md §2)'],
  },
  {
    name: 'protocol is data only: type imports of labs/schema.ts and kubernetes-types',
    file: 'src/protocol/messages.ts',
    expected: [
      '1:1 layers: protocol may import labs/schema.ts only with import type (style.md §2)',
      "2:1 layers: protocol is data only: 'kubernetes-types/core/v1' may be imported only with import type (style.md §2)",
      '3:1 layers: protocol must not import engine/cluster.ts: protocol may import only protocol, labs/schema.ts (types) (style.md §2)',
    ],
  },
  {
    name: 'serve composes session, engine, kubectl, labs and lib under Node',
    file: 'src/serve/server.ts',
    expected: [
      '4:1 layers: serve must not import shell/shell.ts: serve may import only serve, session, engine, kubectl, labs, lib (style.md §2)',
      '5:1 layers: serve must not import protocol/messages.ts: serve may import only serve, session, engine, kubectl, labs, lib (style.md §2)',
    ],
  },
  {
    name: 'session composes every lower layer, but not worker, ui or Node',
    file: 'src/session/reach-out.ts',
    expected: [
      '6:1 layers: session must not import worker/session-worker.ts: session may import only session, engine, kubectl, shell, labs, lib, protocol (style.md §2)',
      '7:1 layers: session must not import ui/app/app.tsx: session may import only session, engine, kubectl, shell, labs, lib, protocol (style.md §2)',
      "8:1 layers: 'node:timers/promises' is a Node built-in: session runs outside Node too; only cli and serve may import Node (style.md §2)",
      "9:82 virtual-time: 'performance' in session: use the cluster clock / seeded rng",
    ],
  },
  {
    name: 'the shell knows nothing of Kubernetes',
    file: 'src/shell/commands/reach-out.ts',
    expected: [
      '1:1 layers: shell must not import kubectl/kubectl.ts: shell may import only shell, lib (style.md §2)',
      '2:1 layers: shell must not import engine/api/client.ts: shell may import only shell, lib (style.md §2)',
      '4:47 virtual-time: Date.now in shell: use the cluster clock / seeded rng',
    ],
  },
  {
    name: 'ui sees the cluster only through protocol',
    file: 'src/ui/app/reach-down.tsx',
    expected: [
      '7:1 layers: ui must not import session/session.ts: ui may import only ui, protocol, labs/schema.ts (types) (style.md §2)',
      '8:1 layers: ui must not import labs/grader.ts: ui may import only ui, protocol, labs/schema.ts (types) (style.md §2)',
      "9:1 layers: 'node:fs' is a Node built-in: ui runs outside Node too; only cli and serve may import Node (style.md §2)",
    ],
  },
  {
    name: 'the worker serves a session without Node or ui',
    file: 'src/worker/entry.ts',
    expected: [
      "1:1 layers: 'node:fs' is a Node built-in: worker runs outside Node too; only cli and serve may import Node (style.md §2)",
      '4:1 layers: worker must not import ui/app/app.tsx: worker may import only worker, session, engine, kubectl, shell, labs, lib, protocol (style.md §2)',
    ],
  },
];

function lintFixtures(): Map<string, string[]> {
  const oxlint = resolve(import.meta.dirname, '../../node_modules/.bin/oxlint');
  const run = spawnSync(oxlint, ['-c', '../../../.oxlintrc.json', '--format=json', 'src'], { cwd: FIXTURES, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { diagnostics: { filename: string; code: string; message: string; labels: { span: { line: number; column: number } }[] }[] };
  const byFile = new Map<string, string[]>();
  const sorted = report.diagnostics
    .map((d) => ({ ...d, at: d.labels[0]!.span }))
    .sort((a, b) => a.filename.localeCompare(b.filename) || a.at.line - b.at.line || a.at.column - b.at.column);
  for (const d of sorted) {
    const rule = d.code.replace(/^layers\((.*)\)$/, '$1');
    byFile.set(d.filename, [...(byFile.get(d.filename) ?? []), `${d.at.line}:${d.at.column} ${rule}: ${d.message}`]);
  }
  return byFile;
}

describe('layer map lint rules', () => {
  const found = lintFixtures();
  it.each(cases)('$name', ({ file, expected }) => {
    expect(found.get(file) ?? []).toEqual(expected);
  });
  it('reports nothing in files the cases do not list', () => {
    expect([...found.keys()].filter((file) => !cases.some((c) => c.file === file))).toEqual([]);
  });
});
