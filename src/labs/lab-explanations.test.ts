import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.ts';

const LABS_DIR = new URL('../../labs/', import.meta.url);

function labFiles(id: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(new URL(rel, LABS_DIR), { withFileTypes: true })) {
      const path = `${rel}${entry.name}`;
      if (entry.isDirectory()) walk(`${path}/`);
      else files[path.slice(id.length + 1)] = readFileSync(new URL(path, LABS_DIR), 'utf8');
    }
  };
  walk(`${id}/`);
  return files;
}

const labIds = readdirSync(LABS_DIR).filter((id) => existsSync(new URL(`${id}/lab.yaml`, LABS_DIR)));

describe('the explanations of every multiple-choice question', () => {
  it.each(labIds)('%s: every option explains itself in one or two sentences, and the right one says so', (id) => {
    const loaded = loadLab(labFiles(id));
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const problems: string[] = [];
    for (const step of loaded.lab.steps) {
      for (const choice of step.choices ?? []) {
        const where = `${step.id} "${choice.text}"`;
        const sentences = choice.explanation.split(/(?<=[.!?])\s+(?=[A-Z`])/).length;
        if (sentences > 2) problems.push(`${where}: ${sentences} sentences`);
        if (!/[.!?]$/.test(choice.explanation)) problems.push(`${where}: does not end a sentence`);
        const right = step.answers?.includes(choice.text);
        if (right && !choice.explanation.startsWith('Right: ')) problems.push(`${where}: the right answer's explanation does not start "Right: "`);
        if (step.answers && !right && choice.explanation.startsWith('Right: ')) problems.push(`${where}: a wrong answer explained as right`);
      }
    }
    expect(problems).toEqual([]);
  });
});
