/**
 * Client-side generators compared byte for byte with the real kubectl v1.32 installed on the
 * machine (`--dry-run=client` needs no cluster).
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/session/session.ts';
import { newSession, runLine } from '../support/session.ts';

function realKubectl(args: string[]): string {
  return execFileSync('kubectl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const cases: string[][] = [
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=kodekloud/webapp-color:v1', '--port=8080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'name'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client'],
  ['create', 'configmap', 'app-config', '--from-literal=APP_COLOR=blue', '--from-literal=APP_MODE=prod', '--dry-run=client', '-o', 'yaml'],
  ['create', 'configmap', 'empty', '--dry-run=client', '-o', 'yaml'],
  ['create', 'secret', 'generic', 'db', '--from-literal=DB_Host=sql01', '--from-literal=DB_Password=password123', '--dry-run=client', '-o', 'yaml'],
  ['create', 'secret', 'generic', 'one', '--from-literal=k=v', '--dry-run=client', '-o', 'json'],
  ['create', 'namespace', 'dev', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--port=80', '--dry-run=client', '-o', 'json'],
  ['create', 'configmap', 'c', '--from-literal=a=b', '--dry-run=client', '-o', 'json'],
];

describe('kubectl generators match the real kubectl', () => {
  let session: Session;
  beforeAll(async () => {
    session = await newSession();
  });
  it.each(cases.map((args) => [args.join(' '), args] as const))('kubectl %s', async (_label, args) => {
    const expected = realKubectl(args);
    const ours = await runLine(session, `kubectl ${args.map((a) => `'${a}'`).join(' ')}`);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(expected);
  });
});

/** `kubectl run` needs discovery even for a client dry run, so it is pinned to reference §11. */
describe('kubectl run matches the recorded output of kubectl v1.32', () => {
  it('builds a pod with args from the words after --', async () => {
    const session = await newSession();
    const ours = await runLine(session, 'kubectl run p --image=busybox --dry-run=client -o yaml -- sleep 1000');
    expect(ours.stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: p
  name: p
spec:
  containers:
  - args:
    - sleep
    - "1000"
    image: busybox
    name: p
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
  });
});
