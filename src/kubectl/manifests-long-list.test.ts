import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { Session } from '../session/session.ts';
import { nodeYield, runLine } from '../../tests/support/session.ts';

// 3,000 ConfigMaps, one of them with a list where a string belongs.
const items = Array.from({ length: 3000 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `fz-${i}` }, data: i === 2500 ? { k: [1] } : { k: 'v' } }));
const list = { apiVersion: 'v1', kind: 'List', items };

// kubectl v1.35.2 `apply -f FILE` against a served cluster.
const cases = [
  { name: 'a YAML List', file: 'big.yaml', text: stringify(list), minYields: 30 },
  { name: 'a JSON List', file: 'big.json', text: JSON.stringify(list, null, 2), minYields: 0 },
];

describe('a long List with a validation error', () => {
  it.each(cases)(
    '$name is refused as kubectl refuses it, and reading it yields to the host',
    async ({ file, text, minYields }) => {
      let yields = 0;
      const session = await Session.create({
        seed: 1,
        yieldToHost: () => {
          yields++;
          return nodeYield();
        },
      });
      session.fs.writeFile(`${session.shell.cwd}/${file}`, text);
      const before = yields;
      expect(await runLine(session, `kubectl apply -f ${file}`)).toEqual({
        stdout: '',
        stderr: `error: error validating "${file}": error validating data: ValidationError(ConfigMap.data.k): invalid type for io.k8s.api.core.v1.ConfigMap.data: got "array", expected "string"; if you choose to ignore these errors, turn validation off with --validate=false\n`,
        code: 1,
      });
      expect(yields - before).toBeGreaterThanOrEqual(minYields);
      session.close();
    },
    120_000,
  );
});
