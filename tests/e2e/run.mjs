#!/usr/bin/env node
// End-to-end journeys in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against the built app served on 127.0.0.1. Writes {passed, failed} to --report=FILE.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const reportArg = process.argv.find((a) => a.startsWith('--report='));
const PORT = 4173;
const results = [];

async function pollFor(read, predicate, timeoutMs = 10_000) {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    last = await read();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out; screen was:\n${last}`);
}

async function journey(name, run) {
  try {
    await run();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  ✗ ${name}\n${error instanceof Error ? error.message : error}`);
  }
}

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { detached: true, stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const screen = () => page.locator('.xterm-rows').innerText();
  await pollFor(async () => {
    try {
      await page.goto(`http://127.0.0.1:${PORT}/`);
      return 'up';
    } catch {
      return '';
    }
  }, (s) => s === 'up', 20_000);

  await journey('the terminal shows the exam prompt and runs kubectl get nodes', async () => {
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'));
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get nodes');
    await page.keyboard.press('Enter');
    const text = await pollFor(screen, (s) => s.includes('node01'));
    if (!/controlplane\s+Ready\s+control-plane/.test(text)) throw new Error(`unexpected output:\n${text}`);
  });

  await journey('a failing command turns the prompt into ✖', async () => {
    await page.keyboard.type('foo');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('bash: foo: command not found') && s.includes('controlplane ~ ✖'));
  });

  await journey('the rolling-updates lab: answer a question, upgrade the image, and see the task pass', async () => {
    await page.goto(`http://127.0.0.1:${PORT}/#/labs/rolling-updates`);
    await page.waitForSelector('[data-testid=lab-step-current-color]', { timeout: 20_000 });
    await page.click('[data-testid=lab-step-current-color] >> text=blue');
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');
    const preview = page.frameLocator('[data-testid=app-preview] iframe');
    await preview.locator('h2', { hasText: 'Application Version: v1' }).waitFor({ timeout: 10_000 });
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'));
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('deployment.apps/frontend image updated'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=rollout-view] g.rs').length === 2, null, { timeout: 15_000 });
    await page.click('[data-testid=lab-step-upgrade-to-v2] [data-testid=check-button]');
    await page.waitForSelector('[data-testid=lab-step-upgrade-to-v2] .verdict.pass', { timeout: 10_000 });
  });

  await journey('progress and files survive a reload', async () => {
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('echo kept > mine.txt');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.split('controlplane ~ ➜').length > 3);
    await page.reload();
    await page.waitForSelector('[data-testid=lab-step-upgrade-to-v2] .verdict.pass', { timeout: 20_000 });
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'));
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('cat mine.txt');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('kept'));
  });

  await journey('Tab completes kubectl verbs and object names', async () => {
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl rollout stat');
    await page.keyboard.press('Tab');
    await pollFor(screen, (s) => s.includes('kubectl rollout status '));
    await page.keyboard.type('deploy fro');
    await page.keyboard.press('Tab');
    await pollFor(screen, (s) => s.includes('kubectl rollout status deploy frontend'));
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('deployment "frontend" successfully rolled out'), 30_000);
  });

  await journey('vi opens a file in the editor; saving writes it and cat shows it', async () => {
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('vi notes.txt');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=editor] textarea');
    await page.fill('[data-testid=editor] textarea', 'hello from the editor\n');
    await page.click('[data-testid=editor] >> text=Save and close');
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('cat notes.txt');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('hello from the editor'));
  });

  mkdirSync('tests/output', { recursive: true });
  await page.screenshot({ path: 'tests/output/terminal.png' });
} finally {
  await browser.close();
  try {
    process.kill(-server.pid);
  } catch {}
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (reportArg) writeFileSync(reportArg.slice('--report='.length), JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
