#!/usr/bin/env node
// End-to-end journeys in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against the built app served on 127.0.0.1. Each file in journeys/ gets its own pages (and so its
// own IndexedDB). Writes {passed, failed} to --report=FILE.
//   --only=TEXT   run the journey files whose name contains TEXT
//   E2E_PORT      the port to serve on (4173), so two checkouts can run the suite at once
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { pollFor } from './support.mjs';

const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const report = option('report');
const only = option('only');
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = `tests/output/e2e-dist-${port}`;
const results = [];

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

const files = readdirSync(new URL('./journeys/', import.meta.url))
  .filter((f) => f.endsWith('.mjs') && (!only || f.includes(only)))
  .sort();

const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { detached: true, stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const url = (path = '/') => `http://127.0.0.1:${port}${path}`;
try {
  const probe = await browser.newPage();
  await pollFor(
    async () => {
      try {
        await probe.goto(url());
        return 'up';
      } catch {
        return '';
      }
    },
    (s) => s === 'up',
    20_000,
  );
  await probe.close();

  for (const file of files) {
    console.log(`${file}`);
    const { default: play } = await import(`./journeys/${file}`);
    const pages = [];
    const contexts = [];
    const newPage = async (viewport = { width: 1280, height: 800 }) => {
      const page = await browser.newPage({ viewport });
      pages.push(page);
      return page;
    };
    /** A browser of its own whose pages are tabs sharing one store and one set of locks (newPage's pages share nothing). */
    const newBrowser = async (viewport = { width: 1280, height: 800 }) => {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      return context;
    };
    try {
      await play({ newPage, newBrowser, url, journey });
    } catch (error) {
      await journey(`${file} could not set up`, () => Promise.reject(error));
    } finally {
      for (const page of pages) await page.close().catch(() => {});
      for (const context of contexts) await context.close().catch(() => {});
    }
  }
} finally {
  await browser.close();
  try {
    process.kill(-server.pid);
  } catch {}
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (report) writeFileSync(report, JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
