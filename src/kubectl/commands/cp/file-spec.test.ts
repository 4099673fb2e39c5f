import { describe, expect, it } from 'vitest';
import { cleanPath, extractFileSpec, stripPathShortcuts } from './file-spec.ts';

// Models pkg/cmd/cp/cp_test.go TestExtractFileSpec and TestStripPathShortcuts.
describe('extractFileSpec', () => {
  const cases = [
    { name: 'namespace/pod:file', spec: 'some-namespace/some-pod:/some/file/path', expected: { podNamespace: 'some-namespace', podName: 'some-pod', file: '/some/file/path' } },
    { name: 'pod:file', spec: 'some-pod:/some/file/path', expected: { podName: 'some-pod', file: '/some/file/path' } },
    { name: 'local file', spec: '/some/file/path', expected: { file: '/some/file/path' } },
  ];
  it.each(cases)('$name', ({ spec, expected }) => expect(extractFileSpec(spec)).toEqual(expected));

  it.each([':file/path', 'some/namespace/pod:/file/path'])('refuses %s', (spec) => {
    expect(() => extractFileSpec(spec)).toThrow('error: filespec must match the canonical format: [[namespace/]pod:]file/path');
  });
});

describe('stripPathShortcuts', () => {
  const cases = [
    { name: 'test single path shortcut prefix', input: '../foo/bar', expected: 'foo/bar' },
    { name: 'test multiple path shortcuts', input: '../../foo/bar', expected: 'foo/bar' },
    { name: 'test multiple path shortcuts with absolute path', input: '/tmp/one/two/../../foo/bar', expected: 'tmp/foo/bar' },
    { name: 'test multiple path shortcuts with no named directory', input: '../../', expected: '' },
    { name: 'test multiple path shortcuts with no named directory and no trailing slash', input: '../..', expected: '' },
    { name: 'test multiple path shortcuts with absolute path and filename containing leading dots', input: '/tmp/one/two/../../foo/..bar', expected: 'tmp/foo/..bar' },
    { name: 'test multiple path shortcuts with no named directory and filename containing leading dots', input: '../...foo', expected: '...foo' },
    { name: 'test filename containing leading dots', input: '...foo', expected: '...foo' },
    { name: 'test root directory', input: '/', expected: '' },
  ];
  it.each(cases)('$name', ({ input, expected }) => expect(stripPathShortcuts(cleanPath(input.replace(/^\/+/, '')))).toEqual(expected));
});
