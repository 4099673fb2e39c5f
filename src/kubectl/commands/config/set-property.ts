/**
 * `kubectl config set` and `unset`: a dot-separated path into the Config (`current-context`,
 * `contexts.NAME.namespace`, `clusters.NAME.server`, `users.NAME.token`, `preferences.colors`).
 * Models kubectl pkg/cmd/config/set.go modifyConfig and unset.go, which walk the structs by their
 * JSON names.
 */
import { decodeBase64, encodeBase64 } from '../../../lib/base64.ts';
import { KubectlError } from '../../errors.ts';
import { boolFlag } from '../../flags.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { editableCopy } from '../../kubeconfig/kubeconfig-files.ts';
import { FIELD_TYPES, type KubeconfigDocument } from '../../kubeconfig/kubeconfig-document.ts';
import { goList, loadConfigFiles, saveConfig, usageError } from './config-files.ts';

const SECTION_ENTRY = { clusters: 'cluster', users: 'user', contexts: 'context' } as const;

/** Go's strconv.ParseBool. */
function parseBool(text: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  throw new KubectlError(`error: strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
}

/** What `%v` prints for the map a path stops at: Go pointers, shown as the addresses a fresh kubectl tends to get. */
function mapText(names: string[]): string {
  return `map[${names.map((n, i) => `${n}:0xc000${(0x14c580 + i * 0x80).toString(16)}`).join(' ')}]`;
}

function cannotSetMap(config: KubeconfigDocument, section: keyof typeof SECTION_ENTRY): KubectlError {
  return new KubectlError(`error: can't set a map to a value: ${mapText(config[section].map((e) => e.name))}`);
}

function setProperty(config: KubeconfigDocument, path: string[], value: string, rawBytes: boolean): void {
  const [head, name, field, ...rest] = path;
  if (head === 'current-context' && path.length === 1) {
    config.currentContext = value;
    return;
  }
  if (head === 'preferences' && path.length === 2 && name === 'colors') {
    config.preferences.colors = parseBool(value);
    return;
  }
  if (head !== 'clusters' && head !== 'users' && head !== 'contexts') throw new KubectlError(`error: unable to parse ${path.join('.')} after [] at api.Config`);
  const entryKey = SECTION_ENTRY[head];
  const type = FIELD_TYPES[entryKey].find(([f]) => f === field)?.[1];
  if (name === undefined || field === undefined || rest.length > 0 || (type !== 'string' && type !== 'bool' && type !== '[]byte')) throw cannotSetMap(config, head);
  let entry = config[head].find((e) => e.name === name);
  if (!entry) {
    entry = { name, value: {} };
    config[head].push(entry);
  }
  if (type === 'bool') entry.value[field] = parseBool(value);
  else if (type === '[]byte') {
    if (rawBytes) entry.value[field] = encodeBase64(value);
    else {
      if (decodeBase64(value) === undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
        const bad = value.search(/[^A-Za-z0-9+/=]/);
        throw new KubectlError(`error: error decoding input value: illegal base64 data at input byte ${bad >= 0 ? bad : Math.floor(value.length / 4) * 4}`);
      }
      entry.value[field] = value;
    }
  } else entry.value[field] = value;
}

function unsetProperty(config: KubeconfigDocument, path: string[]): void {
  const [head, name, field] = path;
  if (head === 'current-context' && path.length === 1) {
    config.currentContext = '';
    return;
  }
  if (head === 'preferences' && path.length === 2 && name === 'colors') {
    delete config.preferences.colors;
    return;
  }
  if (head !== 'clusters' && head !== 'users' && head !== 'contexts') throw new KubectlError(`error: unable to parse ${path.join('.')} after [] at api.Config`);
  if (name === undefined) {
    config[head] = [];
    return;
  }
  const at = config[head].findIndex((e) => e.name === name);
  if (field === undefined) {
    if (at >= 0) config[head].splice(at, 1);
    return;
  }
  if (at < 0) throw new KubectlError(`error: current map key \`${name}\` is invalid`);
  delete config[head][at]!.value[field];
}

export const configSetCommand: KubectlCommand = {
  path: 'config set',
  discovery: false,
  flags: [{ name: 'set-raw-bytes', kind: 'bool' }],
  async run(inv) {
    if (inv.args.length !== 2) return usageError(inv, 'config set', `Unexpected args: ${goList(inv.args)}`);
    const [property, value] = inv.args as [string, string];
    if (value === '') throw new KubectlError('error: you cannot use set to unset a property');
    const loaded = loadConfigFiles(inv);
    const next = editableCopy(loaded.merged);
    setProperty(next, property.split('.'), value, boolFlag(inv.flags, 'set-raw-bytes'));
    saveConfig(inv, loaded, next);
    inv.out(`Property "${property}" set.\n`);
    return 0;
  },
};

export const configUnsetCommand: KubectlCommand = {
  path: 'config unset',
  discovery: false,
  flags: [],
  async run(inv) {
    if (inv.args.length !== 1) return usageError(inv, 'config unset', `Unexpected args: ${goList(inv.args)}`);
    const property = inv.args[0]!;
    const loaded = loadConfigFiles(inv);
    const next = editableCopy(loaded.merged);
    unsetProperty(next, property.split('.'));
    saveConfig(inv, loaded, next);
    inv.out(`Property "${property}" unset.\n`);
    return 0;
  },
};
