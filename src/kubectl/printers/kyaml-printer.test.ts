import { describe, expect, it } from 'vitest';
import { toKyaml } from './kyaml-printer.ts';

// Expected texts are what kubectl v1.35.2 prints for `kubectl create … --dry-run=client -o kyaml`.
const cases: { name: string; value: unknown; expected: string }[] = [
  {
    name: 'quotes keys YAML would misread and folds multi-line values',
    value: {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'c' },
      data: { '-x': '--', _u: '2024-01-02', 'a.b': '1.5', e: '', 'multi.txt': 'line one\n  indented\n\ttab "q" \\ end', true: 'yes' },
    },
    expected: `---
{
  kind: "ConfigMap",
  apiVersion: "v1",
  metadata: {
    name: "c",
  },
  data: {
    "-x": "--",
    _u: "2024-01-02",
    a.b: "1.5",
    e: "",
    multi.txt: "\\
       line one\\n\\
      \\  indented\\n\\
      \\\ttab \\"q\\" \\\\ end\\
      ",
    "true": "yes",
  },
}
`,
  },
  {
    name: 'cuddles a list of maps and leaves numbers and empty maps bare',
    value: {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'busybox', args: ['sleep', '1000'], ports: [{ containerPort: 80 }], resources: {} }],
        restartPolicy: 'Always',
        dnsPolicy: 'ClusterFirst',
      },
      status: {},
    },
    expected: `---
{
  kind: "Pod",
  apiVersion: "v1",
  metadata: {
    name: "p",
    labels: {
      run: "p",
    },
  },
  spec: {
    containers: [{
      name: "p",
      image: "busybox",
      args: [
        "sleep",
        "1000",
      ],
      ports: [{
        containerPort: 80,
      }],
      resources: {},
    }],
    restartPolicy: "Always",
    dnsPolicy: "ClusterFirst",
  },
  status: {},
}
`,
  },
];

describe('toKyaml', () => {
  it.each(cases)('$name', ({ value, expected }) => {
    expect(toKyaml(value)).toBe(expected);
  });
});
