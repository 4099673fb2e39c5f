#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, format, then every Vitest project (unit, scenarios,
// parity), then the browser suite when it exists. Ends with the plain `N passed, N failed` line CI
// counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

// One project per layer (src/*/tsconfig.json) plus tests/: `tsc -b` builds them in reference order.
if (run('typecheck', 'npm', ['run', '-s', 'typecheck'])) passed++;
else failed++;
// The layer map's file-level zones, the clock rule and the package bans (tests/lint/layer-map.mjs).
if (run('lint', 'npm', ['run', '-s', 'lint'])) passed++;
else failed++;
// One formatting for the whole tree (.prettierrc.json).
if (run('format', 'npm', ['run', '-s', 'format:check'])) passed++;
else failed++;

mkdirSync('tests/output', { recursive: true });
const report = 'tests/output/vitest.json';
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + (results.numFailedTestSuites ?? 0);
  if (results.numTotalTests === 0) failed++;
} else {
  failed++;
}

if (existsSync('tests/e2e/run.mjs') && !existsSync('/usr/bin/chromium')) {
  // Browser tests need Debian's Chromium; test tools cannot download their own browsers here.
  run('install chromium', 'sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium >/dev/null']);
}

if (existsSync('tests/e2e/run.mjs')) {
  const e2eReport = 'tests/output/e2e.json';
  run('e2e', 'node', ['tests/e2e/run.mjs', `--report=${e2eReport}`]);
  if (existsSync(e2eReport)) {
    const e2e = JSON.parse(readFileSync(e2eReport, 'utf8'));
    passed += e2e.passed;
    failed += e2e.failed;
  } else {
    failed++;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
