/** What create, apply, replace and delete share about `-f` objects: where each one goes. */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { boolFlag, stringFlag, stringsFlag, type FlagSpec } from '../flags.ts';
import { KubectlError } from '../errors.ts';
import { klogLine } from '../klog-line.ts';
import type { Invocation } from '../kubectl-command.ts';
import { readManifests, type Manifest, type ManifestOptions } from '../manifests.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { requestBase } from '../resource-args.ts';
import { printObjects, UNKNOWN_NAME } from '../printers/object-printer.ts';
import { allowMissingKeys } from '../printers/generated-object-printer.ts';

/** `--validate`, alone meaning strict. */
export const VALIDATE_FLAG: FlagSpec = { name: 'validate', kind: 'string', noOptDefault: 'strict' };

export const FILE_FLAGS = [
  { name: 'filename', short: 'f', kind: 'strings' as const },
  { name: 'kustomize', short: 'k', kind: 'string' as const },
  { name: 'dry-run', kind: 'string' as const },
  { name: 'output', short: 'o', kind: 'string' as const },
  VALIDATE_FLAG,
  { name: 'save-config', kind: 'bool' as const },
  { name: 'recursive', short: 'R', kind: 'bool' as const },
  { name: 'show-managed-fields', kind: 'bool' as const },
  { name: 'template', kind: 'string' as const },
  { name: 'allow-missing-template-keys', kind: 'bool' as const },
];

export interface ManifestTarget {
  m: Manifest;
  resource: ApiResource;
  namespace: string | undefined;
  name: string;
  base: ReturnType<typeof requestBase>;
}

/** Unstructured's GetName and GetNamespace: a field that is not a string reads as empty. */
/** A name or namespace as unstructured's accessors read it: anything but a string reads empty. */
export const metaString = (value: unknown): string => (typeof value === 'string' ? value : '');

export function mappingError(m: Manifest): string {
  const { obj } = m;
  // A List's items are mapped by FlattenListVisitor (infoForObject), in its own words.
  if (m.list !== undefined) return `unable to recognize no matches for kind "${obj.kind}" in version "${obj.apiVersion ?? ''}"`;
  return `resource mapping not found for name: "${metaString(obj.metadata?.name)}" namespace: "${metaString(obj.metadata?.namespace)}" from "${m.file}": no matches for kind "${obj.kind}" in version "${obj.apiVersion ?? ''}"\nensure CRDs are installed first`;
}

function groupVersionOf(obj: KubeObject): { group: string; version: string } {
  const apiVersion = obj.apiVersion ?? '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return { group: group!, version: version! };
}

/** The resource of an object's kind, or null when the server does not serve it. */
function findResource(inv: Invocation, obj: KubeObject): ApiResource | undefined {
  const { group, version } = groupVersionOf(obj);
  // An empty version asks the RESTMapper for the group's preferred one (apiVersion left out).
  return inv.mapper.resources.find((r) => r.kind === obj.kind && r.group === group && (version === '' || r.version === version));
}

/** Whether the server serves the object's group/version at all (it has an OpenAPI v3 spec for it). */
function servesGroupVersion(inv: Invocation, obj: KubeObject): boolean {
  const { group, version } = groupVersionOf(obj);
  return inv.mapper.resources.some((r) => r.group === group && r.version === version);
}

/** Whether one of the listed CRDs defines the object's group and kind. */
function definesKind(list: unknown, obj: KubeObject): boolean {
  const { group } = groupVersionOf(obj);
  const items = (list as { items?: { spec?: { group?: string; names?: { kind?: string } } }[] }).items ?? [];
  return items.some((crd) => crd.spec?.group === group && crd.spec?.names?.kind === obj.kind);
}

/** The resource of an object's kind; kubectl's mapping error when there is none. */
export function resourceOf(inv: Invocation, m: Manifest): ApiResource {
  const found = findResource(inv, m.obj);
  if (!found) throw new KubectlError(`error: ${mappingError(m)}`);
  return found;
}

/**
 * The resource of an object's kind, or the builder's mapping error for it: get and delete look
 * objects up without validating them, so an unserved kind is only a mapping error.
 */
export function lookupResource(inv: Invocation, m: Manifest): ApiResource | { error: string; list?: number } {
  return findResource(inv, m.obj) ?? { error: mappingError(m), ...(m.list !== undefined ? { list: m.list } : {}) };
}

export function namespaceOf(inv: Invocation, m: Manifest, resource: ApiResource): string | undefined {
  if (!resource.namespaced) return undefined;
  const explicit = inv.flags.values.has('namespace') ? inv.namespace : undefined;
  const own = metaString(m.obj.metadata?.namespace) || undefined;
  if (explicit && own && own !== explicit) {
    throw new KubectlError(
      `error: the namespace from the provided object "${own}" does not match the namespace "${explicit}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  return own ?? inv.namespace;
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** GetValidationDirective: a Go boolean or strict, warn, ignore; anything else is refused. */
export function fieldValidation(inv: Invocation): 'Strict' | 'Warn' | 'Ignore' {
  const v = stringFlag(inv.flags, 'validate') ?? 'strict';
  if (GO_TRUE.has(v) || v === 'strict') return 'Strict';
  if (GO_FALSE.has(v) || v === 'ignore') return 'Ignore';
  if (v === 'warn') return 'Warn';
  throw new KubectlError(`error: invalid - validate option ${JSON.stringify(v)}; must be one of: strict (or true), warn, ignore (or false)`);
}

/**
 * Where one object goes, or the builder's error for it. With validation on (strict or warn), a
 * kind missing from a group/version the server serves is first looked for among the CRDs (a server
 * without the CRD API fails that look-up); a group/version it does not serve at all (`apps/v1beta1`)
 * skips validation and meets the mapping error, as kubectl v1.35.2 does.
 * Models cli-runtime/pkg/resource/query_param_verifier_v3.go HasSupport and crd_finder.go.
 * A validation error ends its file (`endsFile`): the rest of that file is not read.
 */
export async function targetOf(inv: Invocation, m: Manifest): Promise<ManifestTarget | { error: string; endsFile?: true; list?: number }> {
  const resource = findResource(inv, m.obj);
  if (!resource) {
    if (fieldValidation(inv) !== 'Ignore' && servesGroupVersion(inv, m.obj)) {
      const crds = await inv.api.request({ verb: 'list', group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' });
      if (!crds.ok)
        return {
          error: `error validating "${m.file}": error validating data: failed to check CRD: failed to list CRDs: ${crds.body.message}; if you choose to ignore these errors, turn validation off with --validate=false`,
          // Validation runs in the stream visitor: its error ends the file, where a mapping error does not.
          endsFile: true,
        };
      // No CRD defines the kind either: the server cannot check the fields, which warn says (schema.go ValidateBytes).
      if (fieldValidation(inv) === 'Warn' && !definesKind(crds.body, m.obj))
        inv.err(klogLine('W', inv.ctx.time.now(), 'schema.go:145', 'cannot perform warn validation if server-side field validation is unsupported, skipping validation'));
    }
    return { error: mappingError(m), ...(m.list !== undefined ? { list: m.list } : {}) };
  }
  const namespace = namespaceOf(inv, m, resource);
  return { m, resource, namespace, name: metaString(m.obj.metadata?.name), base: requestBase(resource, namespace) };
}

/** How `-f` files are read for this command: `--validate`, and the CRDs that custom List items are checked against. */
export function manifestOptions(inv: Invocation): ManifestOptions {
  return {
    validation: fieldValidation(inv),
    listCrds: async () => {
      const crds = await inv.api.request({ verb: 'list', group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' });
      return crds.ok ? ((crds.body as { items?: unknown[] }).items ?? []) : undefined;
    },
    // The discovery mapper maps `<Kind>List` for every kind it serves (restmapper NewDiscoveryRESTMapper).
    isListKind: (obj) => obj.kind?.endsWith('List') === true && findResource(inv, { ...obj, kind: obj.kind.slice(0, -'List'.length) }) !== undefined,
    kustomize: kustomizeDir(inv),
    recursive: boolFlag(inv.flags, 'recursive'),
  };
}

/** The query of a write: server dry run and field validation as the flags ask. */
export function writeQuery(inv: Invocation): { fieldValidation: 'Strict' | 'Warn' | 'Ignore'; dryRun?: 'All' } {
  return { ...(stringFlag(inv.flags, 'dry-run') === 'server' ? { dryRun: 'All' as const } : {}), fieldValidation: fieldValidation(inv) };
}

export function requireFiles(inv: Invocation): string[] {
  const kustomize = kustomizeDir(inv);
  const files = stringsFlag(inv.flags, 'filename');
  if (files.length === 0 && kustomize === undefined) throw new KubectlError(`error: must specify one of -f and -k`);
  return files;
}

/** FilenameOptions' `-k`: a kustomization directory in place of `-f` files. */
export const KUSTOMIZE_FLAG: FlagSpec = { name: 'kustomize', short: 'k', kind: 'string' };

/** cmdutil.IsFilenameSliceEmpty: neither `-f` nor `-k` was given. */
export const noFileArgs = (inv: Invocation): boolean => stringsFlag(inv.flags, 'filename').length === 0 && stringFlag(inv.flags, 'kustomize') === undefined;

/** The builder's FilenameParam: the objects of the `-f` files (with `-R`) or of `-k DIR`; none without either. */
export async function fileArgManifests(inv: Invocation): Promise<Manifest[]> {
  const kustomize = kustomizeDir(inv);
  const files = stringsFlag(inv.flags, 'filename');
  if (files.length === 0 && kustomize === undefined) return [];
  return readManifests(inv.ctx, files, { kustomize, recursive: boolFlag(inv.flags, 'recursive') });
}

/** `-k DIR`, refused next to `-f` as FilenameOptions.validate does. */
export function kustomizeDir(inv: Invocation): string | undefined {
  const dir = stringFlag(inv.flags, 'kustomize');
  if (dir === undefined) return undefined;
  if (stringsFlag(inv.flags, 'filename').length > 0) throw new KubectlError('error: only one of -f or -k can be specified');
  return dir;
}

export const dryRunSuffix = (inv: Invocation) =>
  stringFlag(inv.flags, 'dry-run') === 'client' ? ' (dry run)' : stringFlag(inv.flags, 'dry-run') === 'server' ? ' (server dry run)' : '';

/** `kind/name created`, or the object in the `-o` format (`-o name` prints no verb). */
export function outputOf(inv: Invocation, resource: ApiResource, obj: KubeObject, verb: string): string {
  const output = stringFlag(inv.flags, 'output');
  if (output)
    return printObjects([{ target: { resource, names: [] }, obj }], output, {
      allowMissingKeys: allowMissingKeys(inv.flags),
      showManagedFields: boolFlag(inv.flags, 'show-managed-fields'),
    });
  return `${kindPrefix(resource)}/${obj.metadata?.name || UNKNOWN_NAME} ${verb}${dryRunSuffix(inv)}\n`;
}
