/**
 * The layer map (style.md §2) as a test: every import in src/ must go where its folder may import.
 * Tests and `testing/` helpers are exempt — they build real sessions across layers on purpose.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname);

/** Allowed targets per layer: folder prefixes, or exact files (relative to src/). */
const RULES: Record<string, string[]> = {
  engine: ['engine/', 'lib/'],
  kubectl: ['kubectl/', 'lib/', 'engine/api/client.ts', 'shell/command.ts', 'shell/fs/resolve-path.ts'],
  shell: ['shell/', 'lib/'],
  labs: ['labs/', 'lib/', 'engine/api/client.ts'],
  lib: ['lib/'],
  protocol: ['protocol/', 'labs/schema.ts'],
  session: ['session/', 'engine/', 'kubectl/', 'shell/', 'labs/', 'lib/', 'protocol/'],
  worker: ['worker/', 'session/', 'engine/', 'kubectl/', 'shell/', 'labs/', 'lib/', 'protocol/'],
  cli: ['cli/', 'serve/', 'session/', 'engine/', 'kubectl/', 'shell/', 'labs/', 'lib/'],
  serve: ['serve/', 'session/', 'engine/', 'labs/', 'lib/'],
  ui: ['ui/', 'protocol/', 'labs/schema.ts'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('layering', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file);
    const layer = from.split('/')[0]!;
    const allowed = RULES[layer];
    if (!allowed) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*from\s+'(\.[^']+)'/gm)) {
      const target = relative(SRC, resolve(dirname(file), match[1]!));
      if (!allowed.some((rule) => (rule.endsWith('/') ? target.startsWith(rule) : target === rule))) violations.push(`${from} imports ${target}`);
    }
  }
  it('keeps every import within its layer', () => {
    expect(violations).toEqual([]);
  });
});
