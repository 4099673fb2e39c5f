import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../labs/load-lab.ts';
import { bundledLabsPlugin } from './bundled-labs-plugin.ts';
import { LABS_DIR, listLabIds, readLabFiles } from './node-host.ts';

/** Runs the plugin's load hook as the bundler would: the module's text, or the build's error. */
function bundle(labsDir: string): { code?: string | undefined; error?: string; watched: string[] } {
  const plugin = bundledLabsPlugin(labsDir);
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as (this: unknown, id: string) => string | undefined;
  const watched: string[] = [];
  const context = {
    addWatchFile: (file: string) => watched.push(file),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  try {
    return { code: load.call(context, resolveId('virtual:bundled-labs')!), watched };
  } catch (error) {
    return { error: (error as Error).message, watched };
  }
}

/** The module's default export, read back as the worker reads it. */
const exported = (code: string): unknown => JSON.parse(JSON.parse(/^export default JSON\.parse\((.*)\);$/s.exec(code)![1]!) as string);

describe('bundledLabsPlugin', () => {
  it('emits every lab of labs/ as loadLab reads it', () => {
    const { code, watched } = bundle(LABS_DIR);
    const expected = Object.fromEntries(
      listLabIds().map((id) => {
        const loaded = loadLab(readLabFiles(id)!);
        if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
        return [id, loaded.lab];
      }),
    );
    expect({ labs: exported(code!), watchesLabYaml: watched.includes(join(LABS_DIR, 'rolling-updates', 'lab.yaml')) }).toEqual({ labs: expected, watchesLabYaml: true });
    // Every lab parsed twice on a loaded machine.
  }, 60_000);

  it('fails the build when a lab does not load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'labs-'));
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'lab.yaml'), 'id: [unclosed\n');
    const { code, error } = bundle(dir);
    expect({ code, error: error?.split('\n')[0] }).toEqual({ code: undefined, error: 'the labs do not load:' });
  });
});
