/**
 * How kubectl prints an object it built or changed itself (`create … --dry-run=client`, `run`,
 * `--local` edits): JSON and KYAML in Go struct field order, YAML sorted, and only the printers of
 * genericclioptions.PrintFlags (no table, `wide` or custom columns).
 */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { KubectlError } from '../errors.ts';
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import { printObjects } from './object-printer.ts';
import { encodeGoStruct } from '../../lib/go-struct-json/encode-go-struct.ts';
import { inGoFieldOrder } from './go-field-order.ts';
import { toKyaml } from './kyaml-printer.ts';
import { omitManagedFields } from './omit-managed-fields.ts';
import { toJson } from './yaml-printer.ts';

const FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'kyaml', 'name', 'template', 'templatefile', 'yaml'];

/** Fails as kubectl's Complete does for an `-o` no printer accepts, before anything is sent. */
export function checkOutputFormat(output: string | undefined): void {
  if (output === undefined || output === '') return;
  const format = output.split('=')[0]!;
  if (!FORMATS.includes(format) || (['json', 'yaml', 'kyaml', 'name'].includes(format) && output.includes('='))) {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS.join(',')}`);
  }
}

export function printGeneratedObject(
  resource: ApiResource,
  obj: KubeObject,
  output: string,
  options: { allowMissingKeys?: boolean; showManagedFields?: boolean; typed?: boolean } = {},
): string {
  const printed = options.showManagedFields ? obj : omitManagedFields(obj);
  // A typed object (read by a typed client) has its whole Go struct order; a built one, the generators'.
  const ordered = () => (options.typed ? encodeGoStruct(printed) : undefined) ?? inGoFieldOrder(printed);
  if (output === 'json') return toJson(ordered());
  if (output === 'kyaml') return toKyaml(ordered());
  return printObjects([{ target: { resource, names: [] }, obj }], output, options);
}

/** genericclioptions.PrintFlags' flags beyond -o. */
export const PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'show-managed-fields', kind: 'bool' },
  { name: 'template', kind: 'string' },
];

/** --allow-missing-template-keys, which defaults to true. */
export const allowMissingKeys = (flags: ParsedFlags) => flags.values.get('allow-missing-template-keys') !== false;
