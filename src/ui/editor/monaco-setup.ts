/**
 * Monaco with the editor features the lab needs (not all of `editor.main`), the YAML language
 * service checking manifests against the bundled Kubernetes schema, and its two workers. Loaded
 * only through the lazy MonacoView chunk, so first paint never waits for it.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/codicon/register';
// Only editor.main imports these in 0.57; without suggestController there is no completion popup.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/shell/register';
import { configureMonacoYaml, type MonacoYamlOptions } from 'monaco-yaml';
import k8sSchema from './k8s-schema.json';

function newWorker(label: string): Worker {
  return label === 'yaml'
    ? new Worker(new URL('./yaml.worker.ts', import.meta.url), { type: 'module', name: 'yaml' })
    : new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module', name: 'editor' });
}

(globalThis as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => newWorker(label),
};

// Monaco >= 0.55 wants a `worker` in editor.createWebWorker(), while monaco-yaml 5.5.1 still passes
// {label, moduleId, createData}; without this shim the YAML service silently never runs. Do what
// Monaco's own language services do: start the worker, post a throw-away message, then createData.
interface LegacyWorkerOptions {
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}
const createWebWorkerCompat = (options: LegacyWorkerOptions) => {
  const worker = newWorker(options.label ?? 'editorWorkerService');
  worker.postMessage('ignore');
  worker.postMessage(options.createData);
  return monaco.editor.createWebWorker({
    worker,
    ...(options.host ? { host: options.host } : {}),
    ...(options.keepIdleModels !== undefined ? { keepIdleModels: options.keepIdleModels } : {}),
  });
};
const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: createWebWorkerCompat } } as unknown as typeof monaco;

configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  format: { enable: true },
  schemas: [{ uri: 'inmemory://schemas/kubernetes.json', fileMatch: ['**/*.yaml', '**/*.yml'], schema: k8sSchema as never }],
} satisfies MonacoYamlOptions);

export { monaco };
