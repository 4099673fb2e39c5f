/** What `openssl x509 -subject|-issuer|-dates` prints from a PEM certificate: its names and validity. */
import { children, pemBody, readDer, type Der } from '../../lib/der/der-reader.ts';

export interface CertificateNames {
  subject: [string, string][];
  issuer: [string, string][];
  notBeforeMs: number;
  notAfterMs: number;
}

const SHORT_NAMES: Record<string, string> = {
  '550406': 'C',
  '550408': 'ST',
  '550407': 'L',
  '55040a': 'O',
  '55040b': 'OU',
  '550403': 'CN',
  '2a864886f70d010901': 'emailAddress',
};

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
/** UTF-8 to text without the DOM's TextDecoder. */
function text(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const width = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let code = width === 1 ? b : b & (0xff >> (width + 1));
    for (let j = 1; j < width; j++) code = (code << 6) | ((bytes[i + j] ?? 0) & 0x3f);
    out += String.fromCodePoint(code);
    i += width;
  }
  return out;
}

export function readName(node: Der | undefined): [string, string][] | undefined {
  const sets = node ? children(node) : undefined;
  if (!sets) return undefined;
  const parts: [string, string][] = [];
  for (const rdn of sets) {
    for (const attribute of children(rdn) ?? []) {
      const [type, value] = children(attribute) ?? [];
      if (!type || !value) return undefined;
      parts.push([SHORT_NAMES[hex(type.content)] ?? hex(type.content), text(value.content)]);
    }
  }
  return parts;
}

function readTime(node: Der | undefined): number {
  const value = node ? text(node.content) : '';
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return NaN;
  let year = Number(m[1]);
  if (m[1]!.length === 2) year += year < 50 ? 2000 : 1900;
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export function readCertificateNames(pem: string): CertificateNames | undefined {
  const root = readDer(pemBody(pem, /CERTIFICATE/))?.node;
  const [tbs] = root ? (children(root) ?? []) : [];
  const fields = tbs ? children(tbs) : undefined;
  if (!fields) return undefined;
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [, , issuerNode, validity, subjectNode] = rest;
  const [notBefore, notAfter] = validity ? (children(validity) ?? []) : [];
  const issuer = readName(issuerNode);
  const subject = readName(subjectNode);
  const notBeforeMs = readTime(notBefore);
  const notAfterMs = readTime(notAfter);
  if (!issuer || !subject || Number.isNaN(notBeforeMs) || Number.isNaN(notAfterMs)) return undefined;
  return { subject, issuer, notBeforeMs, notAfterMs };
}
