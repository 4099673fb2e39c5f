import { describe, expect, it } from 'vitest';
import type { KubeObject, Table } from '../client.ts';
import { encodeContinue } from './list-pagination.ts';
import { renderBody, watchEventLine } from './response-rendering.ts';

const podNamed = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', resourceVersion: '7' }, spec: {} });
const table = (names: string[]): Table => ({
  apiVersion: 'meta.k8s.io/v1',
  kind: 'Table',
  metadata: { resourceVersion: '9' },
  columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }],
  rows: names.map((n) => ({ cells: [n], object: podNamed(n) })),
});
const list = (names: string[]) => ({ apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '9' }, items: names.map(podNamed) });

describe('renderBody', () => {
  const cases = [
    {
      name: 'Table rows carry PartialObjectMetadata by default',
      body: table(['a']),
      rendering: { table: true, includeObject: 'Metadata' as const },
      want: {
        ...table([]),
        rows: [{ cells: ['a'], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'a', namespace: 'default', resourceVersion: '7' } } }],
      },
    },
    {
      name: 'includeObject=None leaves the object out',
      body: table(['a']),
      rendering: { table: true, includeObject: 'None' as const },
      want: { ...table([]), rows: [{ cells: ['a'] }] },
    },
    {
      name: 'includeObject=Object keeps the whole object',
      body: table(['a']),
      rendering: { table: true, includeObject: 'Object' as const },
      want: table(['a']),
    },
    {
      name: 'a first page of a list says how many remain and where to go on',
      body: list(['a', 'b', 'c']),
      rendering: { table: false, includeObject: 'Metadata' as const },
      page: { limit: 2 },
      want: { ...list(['a', 'b']), metadata: { resourceVersion: '9', continue: encodeContinue('9', 'default/b'), remainingItemCount: 1 } },
    },
    {
      name: 'the last page of a Table has no continue token',
      body: table(['a', 'b', 'c']),
      rendering: { table: true, includeObject: 'Object' as const },
      page: { limit: 2, continueToken: encodeContinue('9', 'default/b') },
      want: table(['c']),
    },
  ];
  it.each(cases)('$name', ({ body, rendering, page, want }) => {
    expect(renderBody(body, rendering, page)).toEqual({ body: want });
  });

  it('refuses a continue token it did not make', () => {
    expect(renderBody(list(['a']), { table: false, includeObject: 'Metadata' }, { limit: 1, continueToken: 'bm9wZQ==' })).toEqual({
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
        reason: 'BadRequest',
        code: 400,
      },
    });
  });
});

describe('watchEventLine', () => {
  it('frames one event as one JSON line', () => {
    expect(watchEventLine({ type: 'DELETED', object: { kind: 'Pod', metadata: { name: 'a' } } }, { table: false, includeObject: 'Metadata' })).toBe(
      '{"type":"DELETED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n',
    );
  });

  it('renders a one-row Table event with the requested row object', () => {
    const line = watchEventLine({ type: 'ADDED', object: table(['a']) as unknown as KubeObject }, { table: true, includeObject: 'None' });
    expect(line).toBe(
      '{"type":"ADDED","object":{"apiVersion":"meta.k8s.io/v1","kind":"Table","metadata":{"resourceVersion":"9"},"columnDefinitions":[{"name":"Name","type":"string","format":"name","description":"","priority":0}],"rows":[{"cells":["a"]}]}}\n',
    );
  });
});
