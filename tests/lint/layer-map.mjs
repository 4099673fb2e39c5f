// The layer map of style.md §2 as data, read by layers-plugin.mjs. Each layer may import its own
// folder and what `may` lists: a layer (`engine`), one file (`engine/api/client.ts`), or either
// prefixed with `type ` when only `import type` / `export type` may reach it.
export const LAYERS = {
  lib: { may: [] },
  shell: { may: ['lib'] },
  engine: { may: ['lib'] },
  kubectl: { may: ['lib', 'type engine/api/client.ts', 'type shell/command.ts'] },
  labs: { may: ['lib', 'type engine/api/client.ts', 'type shell/command.ts', 'type shell/fs/file-system.ts'] },
  protocol: { may: ['type labs/schema.ts'], typeOnlyPackages: true },
  session: { may: ['engine', 'kubectl', 'shell', 'labs', 'lib', 'protocol'] },
  worker: { may: ['session', 'engine', 'kubectl', 'shell', 'labs', 'lib', 'protocol'] },
  serve: { may: ['session', 'engine', 'kubectl', 'labs', 'lib'], node: true },
  cli: { may: ['serve', 'session', 'engine', 'kubectl', 'shell', 'labs', 'lib', 'protocol'], node: true },
  ui: { may: ['protocol', 'type labs/schema.ts'], uiPackages: true },
};

/** src/ files outside any layer folder, and the layer they belong to. */
export const ROOT_FILES = { 'main.tsx': 'ui' };

/** Packages only the UI may import. */
export const UI_PACKAGES = [/^react(-dom)?(\/|$)/, /^d3(-[a-z-]+)?(\/|$)/, /^monaco-/, /^@xterm\//, /^zustand(\/|$)/];

/**
 * Engine folders that may touch the object store. Everything else in the engine (tests included)
 * reads the cluster through the API server's requests or client/'s shared informers.
 */
export const STORE_OWNERS = ['engine/api', 'engine/store'];

/** Layers that run inside the simulation: time is the cluster clock, randomness the seeded one. */
export const VIRTUAL_TIME_LAYERS = ['engine', 'kubectl', 'shell', 'labs', 'lib', 'protocol', 'session'];

/** Host globals that read the wall clock, schedule real time or draw real randomness. */
export const WALL_CLOCK_GLOBALS = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'performance',
  'crypto',
];
