/**
 * The labs as the browser gets them: every folder under labs/ parsed and checked at build time and
 * emitted as one module of data (`virtual:bundled-labs`), so the worker neither parses YAML nor
 * validates a lab on its way to the prompt. A lab that does not load fails the build.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadLab } from '../labs/load-lab.ts';
import type { LoadedLab } from '../labs/schema.ts';
import { listLabIds, readLabFiles } from './node-host.ts';

const ID = 'virtual:bundled-labs';
const RESOLVED = `\0${ID}`;

export function bundledLabsPlugin(labsDir: string): Plugin {
  return {
    name: 'bundled-labs',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const labs: Record<string, LoadedLab> = {};
      const errors: string[] = [];
      for (const labId of listLabIds(labsDir)) {
        const files = readLabFiles(labId, labsDir) ?? {};
        for (const name of Object.keys(files)) this.addWatchFile(join(labsDir, labId, name));
        const loaded = loadLab(files);
        if (loaded.ok) labs[labId] = loaded.lab;
        else errors.push(...loaded.errors.map((e) => `labs/${labId}/${e}`));
      }
      if (errors.length > 0) this.error(`the labs do not load:\n${errors.join('\n')}`);
      // JSON.parse of one string is read faster than the same object as a literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(labs))});`;
    },
  };
}
