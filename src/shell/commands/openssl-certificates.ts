/**
 * `openssl req -x509 -newkey rsa:N -nodes -keyout K -out C -subj /CN=x [-days N]`: a fresh RSA key
 * (WebCrypto) and a self-signed SHA-256 certificate for it, written as OpenSSL 3.0 writes them
 * (PKCS#8 `PRIVATE KEY`, `CERTIFICATE`); and `openssl x509 -in C -noout -subject|-issuer|-dates`.
 */
import type { CommandContext } from '../command.ts';
import { encodeBase64Bytes } from '../../lib/base64.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { bitString, explicit, ia5String, integer, nullValue, oid, printableString, sequence, set, time, utf8String, type Bytes } from '../../lib/der/der-writer.ts';
import { readCertificateNames, type CertificateNames } from './openssl-certificate-reader.ts';

interface CryptoKeyPair {
  publicKey: unknown;
  privateKey: unknown;
}
interface Subtle {
  generateKey(algorithm: object, extractable: boolean, usages: string[]): Promise<CryptoKeyPair>;
  exportKey(format: 'spki' | 'pkcs8', key: unknown): Promise<ArrayBuffer>;
  sign(algorithm: string, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

const subtle = () => (globalThis as unknown as { crypto: { subtle: Subtle; getRandomValues(bytes: Uint8Array): Uint8Array } }).crypto;

const NAME_OIDS: Record<string, { oid: string; encode: (text: string) => Bytes }> = {
  C: { oid: '2.5.4.6', encode: printableString },
  ST: { oid: '2.5.4.8', encode: utf8String },
  L: { oid: '2.5.4.7', encode: utf8String },
  O: { oid: '2.5.4.10', encode: utf8String },
  OU: { oid: '2.5.4.11', encode: utf8String },
  CN: { oid: '2.5.4.3', encode: utf8String },
  emailAddress: { oid: '1.2.840.113549.1.9.1', encode: ia5String },
};

function pem(label: string, der: Bytes): string {
  return `-----BEGIN ${label}-----\n${encodeBase64Bytes(der)
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END ${label}-----\n`;
}

/** `-subj /C=US/CN=x`: the name's parts in order, or the field OpenSSL does not know. */
function parseSubject(subj: string): { parts: [string, string][] } | { unknown: string } {
  const parts: [string, string][] = [];
  for (const piece of subj.split('/').filter((p) => p !== '')) {
    const eq = piece.indexOf('=');
    const key = eq < 0 ? piece : piece.slice(0, eq);
    if (!NAME_OIDS[key]) return { unknown: key };
    parts.push([key, piece.slice(eq + 1)]);
  }
  return { parts };
}

function name(parts: [string, string][]): Bytes {
  return sequence(...parts.map(([key, value]) => set(sequence(oid(NAME_OIDS[key]!.oid), NAME_OIDS[key]!.encode(value)))));
}

function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args[i + 1];
}

/** The progress OpenSSL draws while it looks for primes: dots and pluses, then a rule. */
function progress(bytes: Uint8Array): string {
  let line = '';
  for (const b of bytes) line += b % 3 === 0 ? '+' : '.';
  return `${line}+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++*\n-----\n`;
}

export async function opensslReq(ctx: CommandContext, args: string[]): Promise<number> {
  const newkey = option(args, '-newkey') ?? 'rsa:2048';
  const bits = Number(/^rsa:(\d+)$/.exec(newkey)?.[1] ?? NaN);
  if (!args.includes('-x509') || !Number.isInteger(bits) || bits < 512) {
    ctx.stderr.write(`req: Use -help for summary.\n`);
    return 1;
  }
  const subject = parseSubject(option(args, '-subj') ?? '/');
  if ('unknown' in subject) {
    ctx.stderr.write(`req: Skipping unknown subject name attribute "${subject.unknown}"\n`);
    return 1;
  }
  const days = Number(option(args, '-days') ?? '30');
  const crypto = subtle();
  const keys = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, [
    'sign',
    'verify',
  ]);
  const spki = [...new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey))];
  const pkcs8 = [...new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey))];
  const serial = [...crypto.getRandomValues(new Uint8Array(20))];
  serial[0] = serial[0]! & 0x7f;
  const now = Math.floor(ctx.time.now() / 1000) * 1000;
  const algorithm = sequence(oid('1.2.840.113549.1.1.11'), nullValue());
  const issuer = name(subject.parts);
  const tbs = sequence(explicit(0, integer([2])), integer(serial), algorithm, issuer, sequence(time(now), time(now + days * 86_400_000)), issuer, spki);
  const signature = [...new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, Uint8Array.from(tbs)))];
  const certificate = sequence(tbs, algorithm, bitString(signature));
  ctx.stderr.write(progress(crypto.getRandomValues(new Uint8Array(48))));
  const keyOut = option(args, '-keyout');
  const out = option(args, '-out');
  if (keyOut) ctx.fs.writeFile(resolvePath(ctx.cwd, keyOut), pem('PRIVATE KEY', pkcs8), { mode: 0o600 });
  else ctx.stdout.write(pem('PRIVATE KEY', pkcs8));
  if (out) ctx.fs.writeFile(resolvePath(ctx.cwd, out), pem('CERTIFICATE', certificate));
  else ctx.stdout.write(pem('CERTIFICATE', certificate));
  return 0;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ASN1_TIME_print: `Dec  7 05:13:02 2026 GMT`. */
function printTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

const printName = (parts: CertificateNames['subject']) => parts.map(([key, value]) => `${key} = ${value}`).join(', ');

export function opensslX509(ctx: CommandContext, args: string[]): number {
  const file = option(args, '-in');
  let text = ctx.stdin;
  if (file !== undefined) {
    const path = resolvePath(ctx.cwd, file);
    if (!ctx.fs.exists(path) || ctx.fs.stat(path).kind !== 'file') {
      // OpenSSL 3.0's error queue, the thread id as one run printed it.
      ctx.stderr.write(
        `Could not open file or uri for loading certificate from ${file}\n` +
          `40272F228D7F0000:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n` +
          `40272F228D7F0000:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${file})\n` +
          'Unable to load certificate\n',
      );
      return 1;
    }
    text = ctx.fs.readFile(path);
  }
  const names = readCertificateNames(text);
  if (!names) {
    ctx.stderr.write('Could not read certificate from ' + (file ?? '<stdin>') + '\nUnable to load certificate\n');
    return 1;
  }
  for (const arg of args) {
    if (arg === '-subject') ctx.stdout.write(`subject=${printName(names.subject)}\n`);
    else if (arg === '-issuer') ctx.stdout.write(`issuer=${printName(names.issuer)}\n`);
    else if (arg === '-startdate') ctx.stdout.write(`notBefore=${printTime(names.notBeforeMs)}\n`);
    else if (arg === '-enddate') ctx.stdout.write(`notAfter=${printTime(names.notAfterMs)}\n`);
    else if (arg === '-dates') ctx.stdout.write(`notBefore=${printTime(names.notBeforeMs)}\nnotAfter=${printTime(names.notAfterMs)}\n`);
  }
  if (!args.includes('-noout')) ctx.stdout.write(text.slice(text.indexOf('-----BEGIN CERTIFICATE-----'), text.indexOf('-----END CERTIFICATE-----') + 26));
  return 0;
}
