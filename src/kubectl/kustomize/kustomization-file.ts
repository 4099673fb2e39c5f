/**
 * Finding and reading a directory's kustomization file, with kustomize's errors.
 * Models kustomize api/konfig (RecognizedKustomizationFileNames) and api/types/kustomization.go.
 */
import { parse } from 'yaml';
import type { FileSystem } from '../../lib/file-system.ts';
import { KustomizeError } from './kustomize-error.ts';
import { checkKustomizationTypes } from './kustomization-types.ts';
import type { ReplacementField } from './replacement-config.ts';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export type StringMap = Record<string, string>;

export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface GeneratorOptions {
  labels?: StringMap;
  annotations?: StringMap;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  type?: string;
  options?: GeneratorOptions;
}

export interface PatchEntry {
  path?: string;
  patch?: string;
  target?: Selector;
  options?: { allowNameChange?: boolean; allowKindChange?: boolean };
}

export interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  bases?: string[];
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  commonLabels?: StringMap;
  labels?: { pairs?: StringMap; includeSelectors?: boolean; includeTemplates?: boolean }[];
  commonAnnotations?: StringMap;
  images?: { name?: string; newName?: string; newTag?: string; digest?: string }[];
  replicas?: { name?: string; count?: number }[];
  configMapGenerator?: GeneratorArgs[];
  secretGenerator?: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  patches?: PatchEntry[];
  patchesStrategicMerge?: string[];
  patchesJson6902?: PatchEntry[];
  components?: string[];
  replacements?: ReplacementField[];
}

/** The fields kustomize's strict decoder accepts; any other one is refused by name. */
const KNOWN_FIELDS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'openapi',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'patchesStrategicMerge',
  'patchesJson6902',
  'patches',
  'images',
  'imageTags',
  'replacements',
  'replicas',
  'vars',
  'sortOptions',
  'resources',
  'components',
  'crds',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'helmGlobals',
  'helmCharts',
  'helmChartInflationGenerator',
  'generatorOptions',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'buildMetadata',
]);

/** The kustomization of a directory; `dir` is absolute. */
export function readKustomization(fs: FileSystem, dir: string): { kustomization: Kustomization; warnings: string[] } {
  const found = KUSTOMIZATION_FILE_NAMES.filter((name) => fs.exists(`${dir}/${name}`));
  if (found.length > 1) throw new KustomizeError(`Found multiple kustomization files under: ${dir}`);
  if (found.length === 0) {
    throw new KustomizeError(
      `unable to find one of ${KUSTOMIZATION_FILE_NAMES.map((n) => `'${n}'`)
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1')} in directory '${dir}'`,
    );
  }
  const text = fs.readFile(`${dir}/${found[0]}`);
  if (text.trim() === '') throw new KustomizeError(`${found[0]} is empty`);
  let value: unknown;
  try {
    value = parse(text, { version: '1.1', logLevel: 'error' }) as unknown;
  } catch {
    throw new KustomizeError(`invalid Kustomization: yaml: unmarshal errors`);
  }
  if (value === null || value === undefined) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new KustomizeError('invalid Kustomization: json: cannot unmarshal string into Go value of type types.Kustomization');
  for (const key of Object.keys(value as object)) {
    if (!KNOWN_FIELDS.has(key)) throw new KustomizeError(`invalid Kustomization: json: unknown field "${key}"`);
  }
  checkKustomizationTypes(value as Record<string, unknown>);
  const kustomization = value as Kustomization;
  const warnings = deprecationWarnings(kustomization);
  // CheckEmpty: nothing but apiVersion and kind (null fields count as absent).
  if (Object.entries(kustomization).every(([key, v]) => key === 'apiVersion' || key === 'kind' || v === null)) throw new KustomizeError(`${found[0]} is empty`);
  const problems = enforceFields(kustomization);
  if (problems.length > 0) throw new KustomizeError(`Failed to read kustomization file under ${dir}:\n${problems.join('\n')}`);
  return { kustomization, warnings };
}

/** Models types.Kustomization EnforceFields, after FixKustomization filled in an empty kind. */
function enforceFields(k: Kustomization): string[] {
  const kind = k.kind || 'Kustomization';
  const problems: string[] = [];
  if (kind !== 'Kustomization' && kind !== 'Component') problems.push('kind should be Kustomization or Component');
  const required = kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1';
  if (k.apiVersion && k.apiVersion !== required) problems.push(`apiVersion for ${kind} should be ${required}`);
  return problems;
}

function deprecationWarnings(kustomization: Kustomization): string[] {
  const warnings: string[] = [];
  const deprecated = (field: string, instead: string) =>
    `# Warning: '${field}' is deprecated. Please use '${instead}' instead. Run 'kustomize edit fix' to update your Kustomization automatically.`;
  // In CheckDeprecatedFields' order.
  if (kustomization.bases) warnings.push(deprecated('bases', 'resources'));
  if (kustomization.commonLabels) warnings.push(deprecated('commonLabels', 'labels'));
  if (kustomization.patchesJson6902) warnings.push(deprecated('patchesJson6902', 'patches'));
  if (kustomization.patchesStrategicMerge) warnings.push(deprecated('patchesStrategicMerge', 'patches'));
  return warnings;
}
