/**
 * Issue 14's start-up goals on a production build served on localhost: the prompt usable within
 * 1 s of navigation, and at most 200 KB gzip of page script before it. Each visit is a fresh
 * browser context (nothing cached, no service worker yet); the median of a few visits is printed,
 * with the CPU time the page's main thread and its worker spent until then (from a trace: on a
 * loaded machine the wall time mostly measures the other processes). A 2 MB paste follows.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { threadCpu } from './trace-cpu.ts';
import { benchPastePage } from './paste-page.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4290);
/** BENCH_DIST: a build made before, measured as it is (e.g. an older commit's, for a before and after). */
const OUT_DIR = process.env.BENCH_DIST ?? 'tests/output/bench-dist';
/** BENCH_VISITS: visits of each page (0: only the paste below). */
const VISITS = Number(process.env.BENCH_VISITS ?? 5);
const PROMPT = /controlplane ~ [➜✖]\s*$/;

type Visit = { promptMs: number; pageScriptGzip: number; workerScriptGzip: number; mainCpuMs: number; workerCpuMs: number };

/**
 * The build's script files that belong to the session worker: its entry and every chunk it imports.
 * The browser reports a worker's fetches as the page's, so they are told apart by name.
 */
function workerScripts(assets: string): Set<string> {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name) || !existsSync(join(assets, name))) return;
    found.add(name);
    for (const match of readFileSync(join(assets, name), 'utf8').matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) visit(match[1]!);
  };
  for (const name of readdirSync(assets)) if (/worker.*\.js$/.test(name)) visit(name);
  return found;
}

/** Navigates to `path` in a fresh context and waits for the prompt, counting the scripts fetched meanwhile. */
async function visit(browser: Browser, newPage: () => Promise<Page>, url: string, readySelector: string | undefined, worker: Set<string>): Promise<Visit> {
  const page = await newPage();
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  const sizes = { page: 0, worker: 0 };
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() !== 'script' && !response.url().endsWith('.js')) return;
    void response.body().then(
      (body) => {
        const fromWorker = worker.has(new URL(response.url()).pathname.split('/').pop() ?? '');
        sizes[fromWorker ? 'worker' : 'page'] += gzipSync(body).length;
      },
      () => undefined,
    );
  });
  const start = Date.now();
  await page.goto(url);
  if (readySelector) await page.waitForSelector(readySelector, { timeout: 60_000 });
  else await page.waitForFunction(promptShown, PROMPT.source, { timeout: 60_000, polling: 10 });
  const promptMs = Date.now() - start;
  const cpu = threadCpu(await browser.stopTracing());
  await page.context().close();
  return { promptMs, pageScriptGzip: sizes.page, workerScriptGzip: sizes.worker, mainCpuMs: cpu.mainMs, workerCpuMs: cpu.workerMs };
}

/** Run in the page (the bench's tsconfig has no DOM types): the terminal's rows as the journeys read them. */
function promptShown(source: string): boolean {
  const { document } = globalThis as unknown as { document: { querySelector(selector: string): { innerText: string } | null } };
  return new RegExp(source).test(`${(document.querySelector('.xterm-rows')?.innerText ?? '').trimEnd()} `);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export async function benchFirstPrompt(): Promise<void> {
  console.log('\n## First prompt (production build, localhost, fresh browser each visit)\n');
  const build = process.env.BENCH_DIST ? { status: 0 } : spawnSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('- not measured: the build failed');
    return;
  }
  const worker = workerScripts(join(OUT_DIR, 'assets'));
  const server = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { detached: true, stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const newPage = async () => (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await waitForServer(newPage, `http://127.0.0.1:${PORT}/`);
    for (const [name, path, readySelector] of [
      // The home page starts no cluster: it is ready once its catalogue shows.
      ['home page (its catalogue)', '/', '[data-testid=home-lab]'],
      ['free play', '/#/free-play', undefined],
      ['a lab', '/#/labs/rolling-updates', undefined],
    ] as const) {
      if (VISITS === 0) break;
      const visits: Visit[] = [];
      for (let i = 0; i < VISITS; i++) visits.push(await visit(browser, newPage, `http://127.0.0.1:${PORT}${path}`, readySelector, worker));
      const prompt = median(visits.map((v) => v.promptMs));
      const pageScript = median(visits.map((v) => v.pageScriptGzip));
      console.log(
        `- ${name}: ${readySelector ? 'shown' : 'prompt'} after ${prompt} ms (goal ≤ 1000 ms: ${prompt <= 1000 ? 'met' : 'not met'}); page script ${kb(pageScript)} gzip (goal ≤ 200 KB: ${pageScript <= 200 * 1024 ? 'met' : 'not met'}), worker script ${kb(median(visits.map((v) => v.workerScriptGzip)))} gzip; CPU to it: main thread ${median(visits.map((v) => v.mainCpuMs))} ms, worker ${median(visits.map((v) => v.workerCpuMs))} ms; load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    if (process.env.BENCH_PASTE !== '0') await benchPastePage(browser, newPage, `http://127.0.0.1:${PORT}/#/free-play`);
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!);
    } catch {
      // Already gone.
    }
  }
}

async function waitForServer(newPage: () => Promise<Page>, url: string): Promise<void> {
  const page = await newPage();
  for (let tries = 0; tries < 100; tries++) {
    try {
      await page.goto(url);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await page.context().close();
}
