import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// kubectl v1.35.2 `apply --dry-run=client -o yaml -f m.yaml` against a served cluster without the
// object: the printed object loses its maps' null fields, the last-applied annotation keeps them.
const cases: { name: string; text: string; stdout: string }[] = [
  {
    name: 'a null list field',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  restartPolicy: Always\n',
    stdout:
      'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":null,"restartPolicy":"Always"}}\n  name: web\n  namespace: default\nspec:\n  restartPolicy: Always\n',
  },
  {
    name: 'null map values, a map left empty',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  labels:\ndata:\n  z:\n',
    stdout:
      'apiVersion: v1\ndata: {}\nkind: ConfigMap\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","data":{"z":null},"kind":"ConfigMap","metadata":{"annotations":{},"labels":null,"name":"web","namespace":"default"}}\n  name: web\n  namespace: default\n',
  },
  {
    name: 'a null inside a list item kept, a null field of it dropped',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web2\nspec:\n  containers:\n  - name: a\n    image: b\n    args: [x, null]\n    command:\n',
    stdout:
      'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web2","namespace":"default"},"spec":{"containers":[{"args":["x",null],"command":null,"image":"b","name":"a"}]}}\n  name: web2\n  namespace: default\nspec:\n  containers:\n  - args:\n    - x\n    - null\n    image: b\n    name: a\n',
  },
];

describe('apply --dry-run=client of an object with null fields', () => {
  it.each(cases)(
    '$name',
    async ({ text, stdout }) => {
      const session = await newSession();
      session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
      expect(await runLine(session, 'kubectl apply --dry-run=client -o yaml -f m.yaml')).toEqual({ stdout, stderr: '', code: 0 });
    },
    30_000,
  );
});
