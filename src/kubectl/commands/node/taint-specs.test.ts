import { describe, expect, it } from 'vitest';
import { parseTaints, reorganizeTaints, TaintSpecError, type Taint } from './taint-specs.ts';

// Cases from pkg/cmd/taint/utils_test.go (kubectl v1.35); the node there has foo:NoSchedule.
const NODE_TAINTS: Taint[] = [{ key: 'foo', effect: 'NoSchedule' }];

describe('reorganizeTaints', () => {
  it.each([
    { name: 'no changes with overwrite is true', overwrite: true, add: [], remove: [], taints: NODE_TAINTS, operation: 'modified', errors: [] },
    { name: 'no changes with overwrite is false', overwrite: false, add: [], remove: [], taints: NODE_TAINTS, operation: 'untainted', errors: [] },
    {
      name: 'add new taint',
      overwrite: false,
      add: [{ key: 'foo_1', effect: 'NoExecute' }],
      remove: [],
      taints: [{ key: 'foo_1', effect: 'NoExecute' }, ...NODE_TAINTS],
      operation: 'tainted',
      errors: [],
    },
    { name: 'delete taint with effect', overwrite: false, add: [], remove: [{ key: 'foo', effect: 'NoSchedule' }], taints: [], operation: 'untainted', errors: [] },
    { name: 'delete taint with no effect', overwrite: false, add: [], remove: [{ key: 'foo', effect: '' }], taints: [], operation: 'untainted', errors: [] },
    {
      name: 'delete non-exist taint',
      overwrite: false,
      add: [],
      remove: [{ key: 'foo_1', effect: 'NoSchedule' }],
      taints: NODE_TAINTS,
      operation: 'untainted',
      errors: ['taint "foo_1:NoSchedule" not found'],
    },
    {
      name: 'add new taint and delete old one',
      overwrite: false,
      add: [{ key: 'foo_1', effect: 'NoSchedule' }],
      remove: [{ key: 'foo', effect: 'NoSchedule' }],
      taints: [{ key: 'foo_1', effect: 'NoSchedule' }],
      operation: 'modified',
      errors: [],
    },
  ])('$name', ({ overwrite, add, remove, taints, operation, errors }) => {
    expect(reorganizeTaints(NODE_TAINTS, overwrite, add, remove)).toEqual({ operation, taints, errors });
  });
});

describe('parseTaints', () => {
  // The messages are the ones kubectl v1.35.2 prints for `kubectl taint node node01 SPEC`.
  it.each([
    {
      name: 'invalid spec format',
      spec: [''],
      error:
        "invalid taint spec: , name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    },
    {
      name: 'invalid spec format',
      spec: ['foo=abc'],
      error:
        "invalid taint spec: foo=abc, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    },
    { name: 'invalid spec format', spec: ['foo=abc=xyz:NoSchedule'], error: 'invalid taint spec: foo=abc=xyz:NoSchedule' },
    { name: 'invalid spec format', spec: ['foo=abc:xyz:NoSchedule'], error: 'invalid taint spec: foo=abc:xyz:NoSchedule' },
    { name: 'invalid spec format for adding taint', spec: ['foo'], error: 'invalid taint spec: foo' },
    { name: 'invalid spec effect for adding taint', spec: ['foo=abc:invalid_effect'], error: 'invalid taint effect: invalid_effect, unsupported taint effect' },
    { name: 'invalid spec effect for deleting taint', spec: ['foo:invalid_effect-'], error: 'invalid taint effect: invalid_effect, unsupported taint effect' },
    { name: 'duplicated taints', spec: ['a=b:NoSchedule', 'a=c:NoSchedule'], error: 'duplicated taints with the same key and effect: {a c NoSchedule <nil>}' },
  ])('$name: $spec', ({ spec, error }) => {
    expect(() => parseTaints(spec)).toThrow(new TaintSpecError(error));
  });

  it('add new taints', () => {
    expect(parseTaints(['foo=abc:NoSchedule', 'bar=abc:NoSchedule', 'baz:NoSchedule', 'qux:NoSchedule', 'foobar=:NoSchedule'])).toEqual({
      add: [
        { key: 'foo', value: 'abc', effect: 'NoSchedule' },
        { key: 'bar', value: 'abc', effect: 'NoSchedule' },
        { key: 'baz', effect: 'NoSchedule' },
        { key: 'qux', effect: 'NoSchedule' },
        { key: 'foobar', effect: 'NoSchedule' },
      ],
      remove: [],
    });
  });

  it('delete taints', () => {
    expect(parseTaints(['foo:NoSchedule-', 'bar:NoSchedule-', 'qux=:NoSchedule-', 'dedicated-'])).toEqual({
      add: [],
      remove: [
        { key: 'foo', effect: 'NoSchedule' },
        { key: 'bar', effect: 'NoSchedule' },
        { key: 'qux', effect: 'NoSchedule' },
        { key: 'dedicated', effect: '' },
      ],
    });
  });
});
