import { describe, expect, it } from 'vitest';
import { splitFieldPath } from './field-path.ts';

// Models kustomize kyaml/utils/pathsplitter_test.go TestSmarterPathSplitter (v5.7.1), case names kept.
const cases: { name: string; input: string; expected: string[] }[] = [
  { name: 'simple', input: 'spec.replicas', expected: ['spec', 'replicas'] },
  { name: 'sequence', input: 'spec.data.[name=first].key', expected: ['spec', 'data', '[name=first]', 'key'] },
  { name: 'key, value with . prefix', input: 'spec.data.[.name=.first].key', expected: ['spec', 'data', '[.name=.first]', 'key'] },
  { name: 'key, value with . suffix', input: 'spec.data.[name.=first.].key', expected: ['spec', 'data', '[name.=first.]', 'key'] },
  { name: "multiple '.' in value", input: 'spec.data.[name=f.i.r.s.t.].key', expected: ['spec', 'data', '[name=f.i.r.s.t.]', 'key'] },
  { name: 'with escaped delimiter', input: 'spec\\.replicas', expected: ['spec.replicas'] },
  { name: 'unmatched bracket', input: 'spec.data.[name=f.i.[r.s.t..key', expected: ['spec', 'data', '[name=f.i.[r.s.t..key'] },
  { name: 'mapping value with .', input: 'metadata.annotations.[a.b.c/d.e.f-g.]', expected: ['metadata', 'annotations', 'a.b.c/d.e.f-g.'] },
];

describe('splitFieldPath', () => {
  it.each(cases)('$name', ({ input, expected }) => expect(splitFieldPath(input)).toEqual(expected));
});
