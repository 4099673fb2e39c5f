#!/usr/bin/env node
/**
 * Records src/engine/api/protobuf/testdata/kubectl-create-bodies.json: for each generator, the
 * protobuf body the real kubectl POSTs (read from its `-v=9` hex dump) and what the same command
 * prints with `--dry-run=client -o json`. Against a served cluster (`npx cka-lab serve --paused`),
 * from a directory holding a file named `somefile` (contents `hello`):
 *
 *   node scripts/record-kubectl-protobuf-bodies.mjs cka-lab.kubeconfig
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oracleKubectlPath } from './kubectl-oracle.mjs';

const COMMANDS = [
  'create deployment web2 --image=nginx --replicas=3 --port=80',
  'create deployment idle --image=nginx --replicas=0',
  'create configmap c --from-literal=a=b --from-file=somefile',
  'create secret generic s --from-literal=p=x',
  'create secret docker-registry reg --docker-username=u --docker-password=p --docker-server=r.io',
  'create namespace dev',
  'create service nodeport np --tcp=80:8080',
  'create service clusterip cip --tcp=80:http',
  'create service externalname ext --external-name=db.example.com',
];

const kubeconfig = process.argv[2];
if (!kubeconfig) throw new Error('usage: record-kubectl-protobuf-bodies.mjs KUBECONFIG');
const kubectl = (args, options) => [oracleKubectlPath(), ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8', ...options }];

const recorded = COMMANDS.map((command) => {
  const args = command.split(' ');
  const log = spawnSync(...kubectl([...args, '-v=9'])).stderr;
  const dump = log
    .slice(log.search(/type\.go:\d+\] "Request Body" body=</))
    .split('\n')
    .slice(1);
  const bytes = [];
  for (const line of dump) {
    const row = /^\s+[0-9a-f]{8} {2}((?:[0-9a-f]{2} {1,2})+)/.exec(line);
    if (!row) break;
    bytes.push(...row[1].trim().split(/\s+/));
  }
  const json = JSON.parse(execFileSync(...kubectl([...args, '--dry-run=client', '-o', 'json'])));
  return { command: `kubectl ${command}`, body: bytes.join(''), json };
});
writeFileSync(join(import.meta.dirname, '../src/engine/api/protobuf/testdata/kubectl-create-bodies.json'), `${JSON.stringify(recorded, null, 1)}\n`);
