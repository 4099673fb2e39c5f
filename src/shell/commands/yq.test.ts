import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;
const files = { '/root/pod.yaml': POD, '/root/two.yaml': 'a: 1\n---\na: 2\n' };

// Expected outputs as yq v4's documentation shows them (scalars unwrapped, JSON indented by two).
describe('yq', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'a scalar', line: "yq '.metadata.name' pod.yaml", out: 'web\n' },
    { name: 'eval, a map', line: "yq eval '.metadata.labels' pod.yaml", out: 'app: web\n' },
    { name: 'a list item', line: "yq '.spec.containers[0].image' pod.yaml", out: 'nginx:1.27\n' },
    { name: 'a missing path', line: "yq '.spec.nope' pod.yaml", out: 'null\n' },
    { name: '-o json', line: "yq -o json '.metadata' pod.yaml", out: '{\n  "name": "web",\n  "labels": {\n    "app": "web"\n  }\n}\n' },
    { name: 'from stdin', line: "cat pod.yaml | yq '.kind'", out: 'Pod\n' },
    { name: 'each document', line: "yq '.a' two.yaml", out: '1\n---\n2\n' },
    { name: '-i edits in place', line: 'yq -i \'.metadata.name = "api"\' pod.yaml && yq .metadata.name pod.yaml', out: 'api\n' },
    { name: 'a lone file argument', line: 'yq two.yaml', out: 'a: 1\n---\na: 2\n' },
    { name: 'a missing file', line: "yq '.a' nofile.yaml", out: 'Error: open nofile.yaml: no such file or directory\n', code: 1 },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files })).toEqual({ out, code });
  });
});
