/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// monaco-editor's "exports" map turns the deep 'monaco-editor/esm/vs/...' imports of monaco-yaml's
// worker and monaco-vim into esm/vs/esm/vs/...; point them at the real files.
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  plugins: [react()],
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
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/lint/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'scenarios', include: ['tests/scenarios/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { extends: true, test: { name: 'parity', include: ['tests/parity/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { extends: true, test: { name: 'fuzz', include: ['tests/fuzz/**/*.test.ts'], environment: 'node', testTimeout: 600_000 } },
      { extends: true, test: { name: 'serve', include: ['tests/serve/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
    ],
  },
});
