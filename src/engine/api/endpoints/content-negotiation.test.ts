import { describe, expect, it } from 'vitest';
import { bodyTypeOf, discoveryRendering, objectRendering } from './content-negotiation.ts';

describe('discoveryRendering', () => {
  const cases = [
    {
      name: 'kubectl v1.35 asks for v2 first',
      accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json',
      want: 'aggregated-v2',
    },
    { name: 'an older client asks for v2beta1', accept: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json', want: 'aggregated-v2beta1' },
    { name: 'curl without Accept gets the legacy list', accept: undefined, want: 'legacy' },
    { name: 'plain JSON gets the legacy list', accept: 'application/json, */*', want: 'legacy' },
    { name: 'protobuf only is not acceptable', accept: 'application/vnd.kubernetes.protobuf', want: 'not-acceptable' },
  ] as const;
  it.each(cases)('$name', ({ accept, want }) => {
    expect(discoveryRendering(accept)).toBe(want);
  });
});

describe('objectRendering', () => {
  const cases = [
    {
      name: 'kubectl get asks for a Table',
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      want: 'table',
    },
    { name: 'kubectl get -o yaml asks for JSON', accept: 'application/json', want: 'object' },
    { name: 'typed clients list protobuf first', accept: 'application/vnd.kubernetes.protobuf,application/json', want: 'object' },
    { name: 'no Accept header', accept: undefined, want: 'object' },
    { name: 'a Table of an unknown version only', accept: 'application/json;as=Table;v=v2;g=meta.k8s.io', want: 'not-acceptable' },
  ] as const;
  it.each(cases)('$name', ({ accept, want }) => {
    expect(objectRendering(accept)).toBe(want);
  });
});

describe('bodyTypeOf', () => {
  const cases = [
    { contentType: 'application/json', want: 'json' },
    { contentType: 'application/json; charset=utf-8', want: 'json' },
    { contentType: 'application/yaml', want: 'yaml' },
    { contentType: 'application/vnd.kubernetes.protobuf', want: 'protobuf' },
    { contentType: 'application/strategic-merge-patch+json', want: 'strategic-merge-patch' },
    { contentType: 'application/merge-patch+json', want: 'merge-patch' },
    { contentType: 'application/json-patch+json', want: 'json-patch' },
    { contentType: 'application/apply-patch+yaml', want: 'apply-patch' },
    { contentType: 'text/plain', want: 'unsupported' },
  ] as const;
  it.each(cases)('$contentType', ({ contentType, want }) => {
    expect(bodyTypeOf(contentType)).toBe(want);
  });
});
