/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { bundledLabsPlugin } from './src/cli/bundled-labs-plugin.ts';

// monaco-editor's "exports" map turns the deep 'monaco-editor/esm/vs/...' imports of monaco-yaml's
// worker and monaco-vim into esm/vs/esm/vs/...; point them at the real files.
const labsDir = fileURLToPath(new URL('./labs', import.meta.url));

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

// No eval, no inline script, no connection to another origin (issue 10). Monaco and xterm write
// <style> elements and style attributes, so only styles may be inline. The session and editor
// workers are module files of the same origin. jq is WebAssembly, which a policy must allow to be
// compiled ('wasm-unsafe-eval' allows that and nothing else).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy as a <meta> in the built index.html, for any static host. Not in dev: the dev server
 * and React Refresh inject inline scripts.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * The service worker that keeps the whole build (the labs are in the session worker's bundle) for
 * offline use. The page registers it itself (src/ui/offline), so nothing inline is injected, and the
 * manifest stays the hand-written one in public/.
 */
const offlineApp = VitePWA({
  injectRegister: false,
  manifest: false,
  strategies: 'generateSW',
  workbox: {
    globPatterns: ['**/*.{html,js,css,wasm,ttf,svg,png,webmanifest}'],
    // Monaco's chunk is about 4 MB: without it the editor would not open offline.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offlineApp, bundledLabsPlugin(labsDir)],
  resolve: {
    alias: [
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
      // monaco-vim's "browser" export is a UMD file with old Monaco internals inlined; use its ESM build.
      { find: /^monaco-vim$/, replacement: fileURLToPath(new URL('./node_modules/monaco-vim/dist/index.mjs', import.meta.url)) },
    ],
  },
  // Dev server: deps reached only through the lazy editor chunk and its workers are found late, and
  // re-optimising them then answers "504 Outdated Optimize Dep" to the loaded page.
  optimizeDeps: { include: ['monaco-yaml', 'monaco-yaml/yaml.worker.js', 'monaco-editor/editor/editor.worker', 'monaco-vim'] },
  // The session worker is bundled on its own, with its own plugins.
  worker: { format: 'es', plugins: () => [bundledLabsPlugin(labsDir)] },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000 },
  // As a header too, so it also binds the workers, which a document's <meta> does not reach.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    // A time limit is a timed assertion: many unit tests play a whole session, which on a loaded
    // 2-core machine takes twenty times as long as on a quiet one. Limits only catch hangs here.
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/lint/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { extends: true, test: { name: 'scenarios', include: ['tests/scenarios/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { extends: true, test: { name: 'parity', include: ['tests/parity/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { extends: true, test: { name: 'fuzz', include: ['tests/fuzz/**/*.test.ts'], environment: 'node', testTimeout: 600_000 } },
      { extends: true, test: { name: 'serve', include: ['tests/serve/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
    ],
  },
});
