import { describe, expect, it } from 'vitest';
import { customResourceDefinitions, definitionPrefix } from './openapi-schema.ts';

describe('customResourceDefinitions', () => {
  it('names definitions after the reversed group', () => {
    expect(definitionPrefix('stable.example.com', 'v1')).toBe('com.example.stable.v1');
  });

  it('adds apiVersion, kind and metadata to the schema and publishes its List', () => {
    const defs = customResourceDefinitions('example.com', 'v1', 'Widget', 'widgets', { type: 'object', properties: { spec: { type: 'object' } } });
    expect(Object.keys(defs)).toEqual(['com.example.v1.Widget', 'com.example.v1.WidgetList']);
    const widget = defs['com.example.v1.Widget']!;
    expect(Object.keys(widget['properties'] as object)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(widget['x-kubernetes-group-version-kind']).toEqual([{ group: 'example.com', kind: 'Widget', version: 'v1' }]);
    expect((defs['com.example.v1.WidgetList']!['properties'] as Record<string, unknown>)['items']).toEqual({
      description: 'List of widgets. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md',
      items: { $ref: '#/definitions/com.example.v1.Widget' },
      type: 'array',
    });
  });
});
