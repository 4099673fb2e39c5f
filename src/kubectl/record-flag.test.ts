import { describe, expect, it } from 'vitest';
import { changeCause } from './record-flag.ts';

// Expected causes as kubectl v1.35.2 wrote them into kubernetes.io/change-cause.
describe('changeCause (record_flags.go parseCommandArguments)', () => {
  it.each([
    [
      'set image',
      ['deployment/frontend', 'simple-webapp=kodekloud/webapp-color:v2', '--record'],
      'kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2 --record=true',
    ],
    ['scale', ['deployment/frontend', '--replicas=5', '--record'], 'kubectl scale deployment/frontend --replicas=5 --record=true'],
    ['scale', ['--replicas', '3', 'deploy/x', '-n', 'dev', '--record=true'], 'kubectl scale deploy/x --replicas=3 --namespace=dev --record=true'],
  ])('%s %j', (path, argv, cause) => {
    expect(
      changeCause(path, argv, [
        { name: 'replicas', kind: 'int' },
        { name: 'record', kind: 'bool' },
      ]),
    ).toBe(cause);
  });
});
