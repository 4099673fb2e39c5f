import { describe, expect, it } from 'vitest';
import { PrefixWriter } from './prefix-writer.ts';
import { smartLabelFor, writeUnstructuredContent } from './unstructured-text.ts';

describe('smartLabelFor', () => {
  it.each([
    { field: 'cronSpec', label: 'Cron Spec' },
    { field: 'apiVersion', label: 'API Version' },
    { field: 'uid', label: 'UID' },
    { field: 'creationTimestamp', label: 'Creation Timestamp' },
    { field: 'HTTPServer', label: 'HTTP Server' },
    { field: 'replicas2', label: 'replicas2' },
    { field: 'x_y', label: 'x_y' },
  ])('labels $field as "$label"', ({ field, label }) => {
    expect(smartLabelFor(field)).toBe(label);
  });
});

describe('writeUnstructuredContent', () => {
  it('prints every field but the header ones, sorted, nested by level', () => {
    const w = new PrefixWriter();
    writeUnstructuredContent(w, {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: 'default', uid: 'u-1', generation: 1, managedFields: [{}] },
      spec: { size: 2, tags: ['a', 'b'], ports: [{ port: 80 }] },
    });
    expect(w.toString()).toBe(
      [
        'API Version:  example.com/v1',
        'Kind:         Widget',
        'Metadata:',
        '  Generation:  1',
        '  UID:         u-1',
        'Spec:',
        '  Ports:',
        '    Port:  80',
        '  Size:    2',
        '  Tags:',
        '    a',
        '    b',
        '',
      ].join('\n'),
    );
  });
});
