/**
 * One kubeconfig file as client-go reads and writes it: decoded from YAML through JSON into the
 * v1 Config structs (so a wrong type fails with encoding/json's sentence), written back as
 * sigs.k8s.io/yaml does (keys sorted), printed by `config view` with secrets redacted.
 * Models client-go tools/clientcmd/api/v1/types.go and clientcmd loader.go LoadFromFile.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import { toJson, toYaml } from '../printers/yaml-printer.ts';

export type Fields = Record<string, unknown>;

export interface NamedEntry {
  name: string;
  value: Fields;
}

export interface KubeconfigDocument {
  preferences: Fields;
  clusters: NamedEntry[];
  users: NamedEntry[];
  contexts: NamedEntry[];
  currentContext: string;
  extensions?: unknown[];
}

type GoType = 'string' | 'bool' | '[]byte' | '[]string' | 'object' | 'list';

/** The v1 structs' fields in declaration order: the JSON order, and the types decoding checks. */
const CLUSTER_FIELDS: [string, GoType][] = [
  ['server', 'string'],
  ['tls-server-name', 'string'],
  ['insecure-skip-tls-verify', 'bool'],
  ['certificate-authority', 'string'],
  ['certificate-authority-data', '[]byte'],
  ['proxy-url', 'string'],
  ['disable-compression', 'bool'],
  ['extensions', 'list'],
];
const AUTH_INFO_FIELDS: [string, GoType][] = [
  ['client-certificate', 'string'],
  ['client-certificate-data', '[]byte'],
  ['client-key', 'string'],
  ['client-key-data', '[]byte'],
  ['token', 'string'],
  ['tokenFile', 'string'],
  ['as', 'string'],
  ['as-uid', 'string'],
  ['as-groups', '[]string'],
  ['as-user-extra', 'object'],
  ['username', 'string'],
  ['password', 'string'],
  ['auth-provider', 'object'],
  ['exec', 'object'],
  ['extensions', 'list'],
];
const CONTEXT_FIELDS: [string, GoType][] = [
  ['cluster', 'string'],
  ['user', 'string'],
  ['namespace', 'string'],
  ['extensions', 'list'],
];

interface Section {
  key: 'clusters' | 'users' | 'contexts';
  entryKey: 'cluster' | 'user' | 'context';
  /** Go names: the list's element type and the inner struct. */
  named: string;
  inner: string;
  fields: [string, GoType][];
}

export const SECTIONS: Section[] = [
  { key: 'clusters', entryKey: 'cluster', named: 'NamedCluster', inner: 'Cluster', fields: CLUSTER_FIELDS },
  { key: 'users', entryKey: 'user', named: 'NamedAuthInfo', inner: 'AuthInfo', fields: AUTH_INFO_FIELDS },
  { key: 'contexts', entryKey: 'context', named: 'NamedContext', inner: 'Context', fields: CONTEXT_FIELDS },
];

const ALWAYS_WRITTEN = new Set(['server', 'cluster', 'user']);

export const FIELD_TYPES = { cluster: CLUSTER_FIELDS, user: AUTH_INFO_FIELDS, context: CONTEXT_FIELDS };

export class KubeconfigDecodeError extends Error {}

export function emptyKubeconfig(): KubeconfigDocument {
  return { preferences: {}, clusters: [], users: [], contexts: [], currentContext: '' };
}

/** encoding/json's name for the JSON type of a decoded YAML value. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

function mismatch(value: unknown, field: string, goType: string): KubeconfigDecodeError {
  return new KubeconfigDecodeError(`json: cannot unmarshal ${jsonType(value)} into Go struct field ${field} of type ${goType}`);
}

function checkField(value: unknown, type: GoType, field: string): void {
  if (value === null) return;
  const ok =
    type === 'string' || type === '[]byte'
      ? typeof value === 'string'
      : type === 'bool'
        ? typeof value === 'boolean'
        : type === '[]string'
          ? Array.isArray(value)
          : type === 'list'
            ? Array.isArray(value)
            : typeof value === 'object' && !Array.isArray(value);
  if (!ok) throw mismatch(value, field, type === 'list' ? '[]v1.NamedExtension' : type === 'object' ? 'map' : type);
  if (type === '[]byte' && !isBase64(value as string)) throw new KubeconfigDecodeError(`illegal base64 data at input byte ${firstBadBase64Byte(value as string)}`);
}

function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0;
}

function firstBadBase64Byte(text: string): number {
  const bad = text.search(/[^A-Za-z0-9+/=]/);
  return bad >= 0 ? bad : Math.floor(text.length / 4) * 4;
}

/**
 * The YAML parser's first error as go-yaml words the common ones, at the line go-yaml names (it
 * reports the token where it gave up, often a line after the yaml package's position).
 */
function yamlError(doc: Document): string | undefined {
  const error = doc.errors[0];
  if (!error) return undefined;
  const line = error.linePos?.[0].line ?? 1;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'yaml: found character that cannot start any token';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: line ${line + 1}: mapping values are not allowed in this context`;
    case 'MISSING_CHAR':
      return `yaml: line ${line}: found unexpected end of stream`;
    case 'BAD_INDENT':
      return `yaml: line ${Math.max(1, line - 1)}: did not find expected node content`;
    default:
      return `yaml: line ${line}: did not find expected node content`;
  }
}

/**
 * Decodes a file's text; throws KubeconfigDecodeError with the sentence kubectl prints after
 * `error loading config file "<path>": `.
 */
export function decodeKubeconfig(text: string): KubeconfigDocument {
  const parsed = parseDocument(text, { version: '1.1', uniqueKeys: false, logLevel: 'error' });
  const syntax = yamlError(parsed);
  if (syntax) throw new KubeconfigDecodeError(syntax);
  const root: unknown = parsed.toJS();
  const config = emptyKubeconfig();
  if (root === null || root === undefined) return config;
  if (typeof root !== 'object' || Array.isArray(root) || !isMap(parsed.contents)) {
    throw new KubeconfigDecodeError(
      `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonType(root)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    );
  }
  const fields = root as Fields;
  const version = typeof fields.apiVersion === 'string' && fields.apiVersion !== '' ? fields.apiVersion : 'v1';
  const kind = typeof fields.kind === 'string' && fields.kind !== '' ? fields.kind : 'Config';
  if (version !== 'v1' || kind !== 'Config') {
    throw new KubeconfigDecodeError(`no kind "${kind}" is registered for version "${version}" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"`);
  }
  if (fields['current-context'] !== undefined) {
    checkField(fields['current-context'], 'string', 'Config.current-context');
    config.currentContext = (fields['current-context'] as string | null) ?? '';
  }
  if (fields.preferences !== undefined && fields.preferences !== null) {
    checkField(fields.preferences, 'object', 'Config.preferences');
    config.preferences = fields.preferences as Fields;
  }
  for (const section of SECTIONS) {
    const list = fields[section.key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw mismatch(list, `Config.${section.key}`, `[]v1.${section.named}`);
    for (const item of list as unknown[]) {
      if (item === null) continue;
      if (typeof item !== 'object' || Array.isArray(item)) throw mismatch(item, `Config.${section.key}`, `v1.${section.named}`);
      const named = item as Fields;
      if (named.name !== undefined) checkField(named.name, 'string', `${section.named}.${section.key}.name`);
      const inner = named[section.entryKey];
      if (inner !== undefined && inner !== null && (typeof inner !== 'object' || Array.isArray(inner))) {
        throw mismatch(inner, `${section.named}.${section.key}.${section.entryKey}`, `v1.${section.inner}`);
      }
      const value: Fields = {};
      for (const [field, type] of section.fields) {
        const v = (inner as Fields | undefined)?.[field];
        if (v === undefined) continue;
        checkField(v, type, `${section.inner}.${section.key}.${section.entryKey}.${field}`);
        if (v !== null) value[field] = v;
      }
      config[section.key].push({ name: (named.name as string | undefined) ?? '', value });
    }
  }
  return config;
}

export interface EncodeOptions {
  /** `config view` without --raw: certificate data `DATA+OMITTED`, token and password `REDACTED`. */
  redact?: boolean;
}

/** The Config object in Go's field order, as `-o json` and the written file hold it. */
export function kubeconfigObject(config: KubeconfigDocument, options: EncodeOptions = {}): Fields {
  const section = (s: Section) => {
    const entries = config[s.key];
    if (entries.length === 0) return null;
    return entries.map((e) => ({ name: e.name, [s.entryKey]: orderedFields(e.value, s.fields, options) }));
  };
  const object: Fields = { kind: 'Config', apiVersion: 'v1' };
  if (Object.keys(config.preferences).length > 0) object.preferences = config.preferences;
  object.clusters = section(SECTIONS[0]!);
  object.users = section(SECTIONS[1]!);
  object.contexts = section(SECTIONS[2]!);
  object['current-context'] = config.currentContext;
  if (config.extensions?.length) object.extensions = config.extensions;
  return object;
}

function orderedFields(value: Fields, fields: [string, GoType][], options: EncodeOptions): Fields {
  const out: Fields = {};
  for (const [field, type] of fields) {
    const v = value[field];
    // Cluster.server, Context.cluster and Context.user are the v1 fields without omitempty.
    if ((v === undefined || v === '') && ALWAYS_WRITTEN.has(field)) out[field] = '';
    if (v === undefined || v === '' || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (options.redact && type === '[]byte') out[field] = 'DATA+OMITTED';
    else if (options.redact && (field === 'token' || field === 'password')) out[field] = 'REDACTED';
    else out[field] = v;
  }
  return out;
}

/** What clientcmd.Write puts in the file, and `config view` prints by default. */
export function kubeconfigYaml(config: KubeconfigDocument, options: EncodeOptions = {}): string {
  return toYaml(kubeconfigObject(config, options));
}

export function kubeconfigJson(config: KubeconfigDocument, options: EncodeOptions = {}): string {
  return toJson(kubeconfigObject(config, options));
}
