import { describe, expect, it } from 'vitest';
import type { ResourceDefinition } from '../resource-definition.ts';
import type { KubeObject } from '../client.ts';
import { fieldMatcher, labelMatcher } from './selector-matchers.ts';

const podDefinition = {
  info: { group: '', version: 'v1', name: 'pods', singularName: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], verbs: [], categories: [], subresources: [] },
  fieldsForSelector: (obj: KubeObject) => ({ 'status.phase': (obj['status'] as { phase?: string } | undefined)?.phase ?? '' }),
} as unknown as ResourceDefinition;
const nodeDefinition = { info: { ...podDefinition.info, name: 'nodes', kind: 'Node', namespaced: false } } as unknown as ResourceDefinition;

const pod: KubeObject = { metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, status: { phase: 'Running' } };

describe('fieldMatcher', () => {
  const cases: { name: string; def: ResourceDefinition; selector: string; result: boolean | string }[] = [
    { name: 'name', def: podDefinition, selector: 'metadata.name=web', result: true },
    { name: 'namespace', def: podDefinition, selector: 'metadata.namespace!=default', result: false },
    { name: 'kind specific field', def: podDefinition, selector: 'status.phase=Running', result: true },
    { name: 'unsupported field', def: podDefinition, selector: 'spec.foo=x', result: 'field label not supported: spec.foo' },
    { name: 'namespace on a cluster-scoped kind', def: nodeDefinition, selector: 'metadata.namespace=x', result: 'field label not supported: metadata.namespace' },
    { name: 'syntax error', def: podDefinition, selector: 'status.phase', result: "invalid selector: 'status.phase'; can't understand 'status.phase'" },
  ];
  it.each(cases)('handles $name', ({ def, selector, result }) => {
    const m = fieldMatcher(selector, def);
    expect(m.ok ? m.matches(pod) : m.message).toBe(result);
  });
});

describe('labelMatcher', () => {
  it('matches labels and reports parse errors', () => {
    const m = labelMatcher('app in (web,api)');
    expect(m.ok && m.matches({ app: 'web' })).toBe(true);
    expect(labelMatcher('app in')).toEqual({ ok: false, message: "unable to parse requirement: found '' expected: '('" });
  });
});
