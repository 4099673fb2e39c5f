/**
 * Converts a v1 PodSpec (JSON) into the internal core.PodSpec as Go holds it, field by field in
 * the declaration order of pkg/apis/core/types.go, so go-cmp-report can print what the real
 * apiserver prints. Types missing from the table fall back to their JSON keys, capitalised.
 */
import type { GoValue } from './go-cmp-report.ts';
import { CORE_GO_FIELDS } from './pod-spec-go-fields.ts';

/** v1 PodSpec fields that live in the internal PodSecurityContext. */
const HOIST_INTO_SECURITY_CONTEXT = ['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers'];
const ACRONYMS: Record<string, string> = { Ip: 'IP', Ips: 'IPs', Dns: 'DNS', Uid: 'UID', Tls: 'TLS', Url: 'URL', Id: 'ID' };

const typeName = (t: string) => (/^[A-Z]/.test(t) ? `core.${t}` : t);

function goTypeString(type: string): string {
  if (type.startsWith('[]')) return `[]${typeName(type.slice(2))}`;
  if (type.startsWith('*')) return `*${typeName(type.slice(1))}`;
  if (type === 'ResourceList') return 'core.ResourceList';
  if (type === 'IntOrString') return 'intstr.IntOrString';
  if (type === 'Quantity') return 'resource.Quantity';
  return typeName(type);
}

function quantityValue(text: string): GoValue {
  // Models resource.ParseQuantity: an int64 mantissa with a decimal scale; the string is kept
  // only when it is already canonical.
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*)$/.exec(text.trim()) ?? ['', '', '0', '', ''];
  const [, sign, whole, fraction = '', suffix] = m as [string, string, string, string | undefined, string];
  const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
  const decimal: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
  const shifted = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  let value: number;
  let scale = 0;
  let canonical = false;
  let format: string;
  if (suffix in binary) {
    format = 'BinarySI';
    value = Number(shifted) * 2 ** binary[suffix]!;
    scale = -fraction.length;
    canonical = fraction.length === 0 && binary[suffix]! % 10 === 0 && (Number(shifted) & 7) !== 0;
  } else {
    format = 'DecimalSI';
    value = Number(shifted);
    scale = (decimal[suffix] ?? 0) - fraction.length;
    const digits = `${whole}${fraction}`;
    canonical = scale % 3 === 0 && !digits.endsWith('000') && digits[0] !== '0';
  }
  if (sign === '-') value = -value;
  return {
    k: 'struct',
    type: 'resource.Quantity',
    fields: [
      [
        'i',
        {
          k: 'struct',
          type: 'resource.int64Amount',
          fields: [
            ['value', { k: 'int', v: value }],
            ['scale', { k: 'int', v: scale }],
          ],
        },
      ],
      ['d', { k: 'struct', type: 'resource.infDecAmount', fields: [['Dec', { k: 'ptr', type: '*inf.Dec', elem: undefined }]] }],
      ['s', { k: 'string', v: canonical ? text : '' }],
      ['Format', { k: 'string', v: format }],
    ],
  };
}

function capitalise(key: string): string {
  const name = key.charAt(0).toUpperCase() + key.slice(1);
  return name.replace(/(Ip|Ips|Dns|Uid|Tls|Url|Id)(?=[A-Z]|$)/g, (s) => ACRONYMS[s] ?? s);
}

function genericValue(json: unknown, name: string): GoValue {
  if (Array.isArray(json)) return { k: 'slice', type: `[]core.${name}`, items: json.map((item) => genericValue(item, name)) };
  if (json !== null && typeof json === 'object') {
    return {
      k: 'struct',
      type: `core.${name}`,
      fields: Object.keys(json)
        .sort()
        .map((key) => [key, (json as Record<string, unknown>)[key]] as const)
        .map(([key, value]) => [
          capitalise(key),
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? { k: 'ptr', type: `*core.${capitalise(key)}`, elem: genericValue(value, capitalise(key)) }
            : genericValue(value, capitalise(key)),
        ]),
    };
  }
  if (typeof json === 'number') return { k: 'int', v: json };
  if (typeof json === 'boolean') return { k: 'bool', v: json };
  return { k: 'string', v: String(json ?? '') };
}

/** The internal core value of a v1 JSON value of Go type `type` (a CORE_GO_FIELDS name, pointer or slice). */
export function toGo(json: unknown, type: string): GoValue {
  if (type.startsWith('*')) {
    const elemType = type.slice(1);
    return { k: 'ptr', type: goTypeString(type), elem: json === undefined || json === null ? undefined : toGo(json, elemType) };
  }
  if (type.startsWith('[]')) {
    const elemType = type.slice(2);
    return { k: 'slice', type: goTypeString(type), items: Array.isArray(json) ? json.map((item) => toGo(item, elemType)) : undefined };
  }
  switch (type) {
    case 'string':
      return { k: 'string', v: typeof json === 'string' ? json : '' };
    case 'int':
      return { k: 'int', v: typeof json === 'number' ? json : 0 };
    case 'bool':
      return { k: 'bool', v: json === true };
    case 'map[string]string':
    case 'ResourceList': {
      if (json === undefined || json === null) return { k: 'map', type: goTypeString(type), entries: undefined };
      const record = json as Record<string, unknown>;
      const entries = Object.keys(record)
        .sort()
        .map((key): [string, GoValue] => [JSON.stringify(key), type === 'ResourceList' ? quantityValue(String(record[key])) : { k: 'string', v: String(record[key]) }]);
      return { k: 'map', type: goTypeString(type), entries };
    }
    case 'Quantity':
      return json === undefined ? quantityValue('0') : quantityValue(String(json));
    case 'IntOrString':
      return {
        k: 'struct',
        type: 'intstr.IntOrString',
        fields:
          typeof json === 'string'
            ? [
                ['Type', { k: 'int', v: 1 }],
                ['IntVal', { k: 'int', v: 0 }],
                ['StrVal', { k: 'string', v: json }],
              ]
            : [
                ['Type', { k: 'int', v: 0 }],
                ['IntVal', { k: 'int', v: typeof json === 'number' ? json : 0 }],
                ['StrVal', { k: 'string', v: '' }],
              ],
      };
  }
  const fields = CORE_GO_FIELDS[type];
  const record = (json ?? {}) as Record<string, unknown>;
  if (!fields) return genericValue(record, type);
  return {
    k: 'struct',
    type: typeName(type),
    fields: fields.map(([goName, key, fieldType]) => [goName, toGo(key === '^' ? record : record[key], fieldType)]),
  };
}

/** The internal core.PodSpec of a v1 PodSpec, with hostNetwork & co. moved into SecurityContext. */
export function podSpecGoValue(spec: Record<string, unknown>): GoValue {
  const copy: Record<string, unknown> = { ...spec };
  const hoisted: Record<string, unknown> = {};
  for (const key of HOIST_INTO_SECURITY_CONTEXT) {
    if (copy[key] !== undefined) hoisted[key] = copy[key];
    delete copy[key];
  }
  // The deprecated serviceAccount field has no internal counterpart.
  delete copy.serviceAccount;
  if (copy.securityContext !== undefined || Object.keys(hoisted).length > 0) {
    copy.securityContext = { ...((copy.securityContext as object | undefined) ?? {}), ...hoisted };
  }
  const value = toGo(copy, 'PodSpec');
  if (value.k === 'struct') {
    const sc = value.fields.find(([name]) => name === 'SecurityContext')?.[1];
    if (sc?.k === 'ptr' && sc.elem?.k === 'struct') {
      const fields = sc.elem.fields;
      for (const [i, key] of HOIST_INTO_SECURITY_CONTEXT.entries()) {
        const raw = hoisted[key];
        if (raw === undefined) continue;
        fields[i] = [fields[i]![0], i < 3 ? { k: 'bool', v: raw === true } : { k: 'ptr', type: '*bool', elem: { k: 'bool', v: raw === true } }];
      }
    }
  }
  return value;
}
