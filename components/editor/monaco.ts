// Monaco from the installed package (no CDN), with only what the VNFD editor needs: the editor
// API and its features, YAML tokens, and monaco-yaml for schema completion and hover. Imported only
// by the lazily loaded editor components, so other pages never download it.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import { buildVnfdSchema, VNFD_SCHEMA_URI } from './tosca-schema';

type WorkerFactory = (moduleId: string, label: string) => Worker;

// Workers are bundled and served by the app itself (same origin: CSP worker-src 'self').
const getWorker: WorkerFactory = (_moduleId, label) => {
  if (label === 'yaml') return new Worker(new URL('monaco-yaml/yaml.worker', import.meta.url), { type: 'module' });
  return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module' });
};
(self as unknown as { MonacoEnvironment: { getWorker: WorkerFactory } }).MonacoEnvironment = { getWorker };

// monaco-yaml 5 creates its worker with createWebWorker({ label, moduleId, createData }), which
// Monaco >= 0.55 no longer turns into a worker. Hand it a started worker instead: the first message
// wakes monaco-worker-manager, the second carries createData (monaco-yaml issue #272).
const createWebWorker = monaco.editor.createWebWorker;
monaco.editor.createWebWorker = ((opts: Parameters<typeof createWebWorker>[0] & { label?: string; moduleId?: string; createData?: unknown }) => {
  if (opts.worker || !opts.label) return createWebWorker(opts);
  const worker = getWorker(opts.moduleId ?? 'workerMain.js', opts.label);
  worker.postMessage('wake');
  worker.postMessage(opts.createData);
  return createWebWorker({ ...opts, worker });
}) as typeof createWebWorker;

/** The model path every VNFD model uses, so the schema applies to it. */
export const VNFD_FILE_MATCH = '**/*.vnfd.yaml';

let yamlConfigured = false;
export function setupMonaco(): typeof monaco {
  if (!yamlConfigured) {
    yamlConfigured = true;
    configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      // The translator is the validator (exact TOSCA errors); the schema only drives completion and hover.
      validate: false,
      schemas: [{ uri: VNFD_SCHEMA_URI, fileMatch: [VNFD_FILE_MATCH], schema: buildVnfdSchema() as never }],
    });
  }
  return monaco;
}

export type Monaco = typeof monaco;
