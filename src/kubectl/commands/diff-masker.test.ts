import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine/api/client.ts';
import { maskSecretData } from './diff-masker.ts';

const secret = (data?: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', ...(data ? { data } : {}), ...extra });

// Models pkg/cmd/diff/diff_test.go TestMasker (its "object_removed" case has no merged side here).
describe('maskSecretData', () => {
  const cases: { name: string; from: KubeObject | undefined; to: KubeObject; want: { from: KubeObject | undefined | null; to: KubeObject } }[] = [
    {
      name: 'no_changes',
      from: secret({ username: 'abc', password: '123' }),
      to: secret({ username: 'abc', password: '123' }),
      want: { from: secret({ username: '***', password: '***' }), to: secret({ username: '***', password: '***' }) },
    },
    { name: 'object_created', from: undefined, to: secret({ username: 'abc', password: '123' }), want: { from: null, to: secret({ username: '***', password: '***' }) } },
    {
      name: 'data_key_added',
      from: secret({ username: 'abc' }),
      to: secret({ username: 'abc', password: '123' }),
      want: { from: secret({ username: '***' }), to: secret({ username: '***', password: '***' }) },
    },
    {
      name: 'data_key_changed',
      from: secret({ username: 'abc', password: '123' }),
      to: secret({ username: 'abc', password: '456' }),
      want: { from: secret({ username: '***', password: '*** (before)' }), to: secret({ username: '***', password: '*** (after)' }) },
    },
    {
      name: 'data_key_removed',
      from: secret({ username: 'abc', password: '123' }),
      to: secret({ username: 'abc' }),
      want: { from: secret({ username: '***', password: '***' }), to: secret({ username: '***' }) },
    },
    { name: 'empty_secret_from', from: secret(), to: secret({ username: 'abc', password: '123' }), want: { from: secret(), to: secret({ username: '***', password: '***' }) } },
    { name: 'empty_secret_to', from: secret({ username: 'abc', password: '123' }), to: secret(), want: { from: secret({ username: '***', password: '***' }), to: secret() } },
    {
      name: 'invalid_data_key',
      from: secret(undefined, { some_other_key: { username: 'abc' } }),
      to: secret(undefined, { some_other_key: { username: 'abc' } }),
      want: { from: secret(undefined, { some_other_key: { username: 'abc' } }), to: secret(undefined, { some_other_key: { username: 'abc' } }) },
    },
    {
      name: 'a ConfigMap is left as it is',
      from: { apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' } },
      to: { apiVersion: 'v1', kind: 'ConfigMap', data: { a: '2' } },
      want: { from: { apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' } }, to: { apiVersion: 'v1', kind: 'ConfigMap', data: { a: '2' } } },
    },
  ];
  it.each(cases)('$name', ({ from, to, want }) => expect(maskSecretData(from, to)).toEqual(want));
});
