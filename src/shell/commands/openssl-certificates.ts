/**
 * `openssl req -x509 -newkey rsa:N -nodes -keyout K -out C -subj /CN=x [-days N]`: a fresh RSA key
 * (computed in slices, lib/rsa) and a self-signed SHA-256 certificate for it, written as OpenSSL 3.0 writes them
 * (PKCS#8 `PRIVATE KEY`, `CERTIFICATE`); and `openssl x509 -in C -noout -subject|-issuer|-dates`.
 */
import type { CommandContext } from '../command.ts';
import { encodeBase64Bytes } from '../../lib/base64.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { pemBody } from '../../lib/der/der-reader.ts';
import { bitString, explicit, ia5String, integer, nullValue, oid, printableString, sequence, set, time, utf8String, type Bytes } from '../../lib/der/der-writer.ts';
import { generateRsaKey, type RsaKey } from '../../lib/rsa/rsa-key.ts';
import { pkcs8PrivateKey, readRsaPrivateKey, signSha256, subjectPublicKeyInfo } from '../../lib/rsa/rsa-der.ts';
import { readCertificateNames, type CertificateNames } from './openssl-certificate-reader.ts';
import { opensslX509Req } from './openssl-x509-req.ts';

export const randomBytes = (count: number) =>
  (globalThis as unknown as { crypto: { getRandomValues(bytes: Uint8Array): Uint8Array } }).crypto.getRandomValues(new Uint8Array(count));

const NAME_OIDS: Record<string, { oid: string; encode: (text: string) => Bytes }> = {
  C: { oid: '2.5.4.6', encode: printableString },
  ST: { oid: '2.5.4.8', encode: utf8String },
  L: { oid: '2.5.4.7', encode: utf8String },
  O: { oid: '2.5.4.10', encode: utf8String },
  OU: { oid: '2.5.4.11', encode: utf8String },
  CN: { oid: '2.5.4.3', encode: utf8String },
  emailAddress: { oid: '1.2.840.113549.1.9.1', encode: ia5String },
};

export function pem(label: string, der: Bytes): string {
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

export function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args[i + 1];
}

/**
 * A fresh key, computed in slices between which Ctrl-C can stop it. With `progress`, OpenSSL's
 * genpkey callback characters (apps/lib/apps.c progress_cb) go to standard error as they come.
 */
async function newKey(ctx: CommandContext, bits: number, progress: boolean): Promise<RsaKey> {
  let pending = '';
  const flush = () => {
    if (pending) ctx.stderr.write(pending);
    pending = '';
  };
  const key = await generateRsaKey(bits, {
    randomBytes,
    yieldSlice: () => {
      flush();
      return ctx.checkpoint();
    },
    ...(progress ? { progress: (code: 0 | 1 | 2 | 3) => (pending += '.+*\n'[code]) } : {}),
  });
  flush();
  return key;
}

/** A PEM RSA key, PKCS#8 or PKCS#1; undefined when it is not one. */
export function loadKey(text: string): RsaKey | undefined {
  const pkcs1 = pemBody(text, /RSA PRIVATE KEY/);
  return readRsaPrivateKey(pkcs1.length ? pkcs1 : pemBody(text, /PRIVATE KEY/));
}

export function writeOrPrint(ctx: CommandContext, file: string | undefined, text: string, mode?: number): void {
  if (file) ctx.fs.writeFile(resolvePath(ctx.cwd, file), text, mode === undefined ? undefined : { mode });
  else ctx.stdout.write(text);
}

/** OpenSSL 3.0's error queue for a file it cannot open, the thread id as one run printed it. */
export function cannotOpen(ctx: CommandContext, what: string, file: string): number {
  ctx.stderr.write(
    `Could not open file or uri for loading ${what} from ${file}\n` +
      `40272F228D7F0000:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n` +
      `40272F228D7F0000:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${file})\n`,
  );
  return 1;
}

/** `openssl genrsa [-out FILE] [BITS]`: a PKCS#8 RSA key, as OpenSSL 3.0 writes it. */
export async function opensslGenrsa(ctx: CommandContext, args: string[]): Promise<number> {
  const bits = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '-out') ?? '2048');
  const key = await newKey(ctx, bits, false);
  writeOrPrint(ctx, option(args, '-out'), pem('PRIVATE KEY', pkcs8PrivateKey(key)), 0o600);
  return 0;
}

/**
 * `openssl req -new -key K -subj S [-out F]` (a certificate signing request) and
 * `openssl req -x509 (-newkey rsa:N -nodes -keyout K | -key K) -subj S [-days N] [-out F]`.
 */
export async function opensslReq(ctx: CommandContext, args: string[]): Promise<number> {
  const x509 = args.includes('-x509');
  const keyFile = option(args, '-key');
  const newkey = option(args, '-newkey');
  const bits = Number(/^rsa:(\d+)$/.exec(newkey ?? 'rsa:2048')?.[1] ?? NaN);
  if ((!x509 && !args.includes('-new')) || (!keyFile && (!Number.isInteger(bits) || bits < 512))) {
    ctx.stderr.write(`req: Use -help for summary.\n`);
    return 1;
  }
  const subject = parseSubject(option(args, '-subj') ?? '/');
  if ('unknown' in subject) {
    ctx.stderr.write(`req: Skipping unknown subject name attribute "${subject.unknown}"\n`);
    return 1;
  }
  let key: RsaKey | undefined;
  if (keyFile) {
    const path = resolvePath(ctx.cwd, keyFile);
    if (!ctx.fs.exists(path) || ctx.fs.stat(path).kind !== 'file') return cannotOpen(ctx, 'private key', keyFile);
    key = loadKey(ctx.fs.readFile(path));
    if (!key) {
      ctx.stderr.write(`Could not read private key from ${keyFile}\n`);
      return 1;
    }
  } else {
    key = await newKey(ctx, bits, true);
    ctx.stderr.write('-----\n');
    writeOrPrint(ctx, option(args, '-keyout'), pem('PRIVATE KEY', pkcs8PrivateKey(key)), 0o600);
  }
  const algorithm = sequence(oid('1.2.840.113549.1.1.11'), nullValue());
  const signer = key;
  const sign = (data: Bytes) => signSha256(signer, data);
  const owner = name(subject.parts);
  if (!x509) {
    const info = sequence(integer([0]), owner, subjectPublicKeyInfo(key), explicit(0, []));
    writeOrPrint(ctx, option(args, '-out'), pem('CERTIFICATE REQUEST', sequence(info, algorithm, bitString(sign(info)))));
    return 0;
  }
  const days = Number(option(args, '-days') ?? '30');
  const serial = [...randomBytes(20)];
  serial[0] = serial[0]! & 0x7f;
  const now = Math.floor(ctx.time.now() / 1000) * 1000;
  const tbs = sequence(explicit(0, integer([2])), integer(serial), algorithm, owner, sequence(time(now), time(now + days * 86_400_000)), owner, subjectPublicKeyInfo(key));
  writeOrPrint(ctx, option(args, '-out'), pem('CERTIFICATE', sequence(tbs, algorithm, bitString(sign(tbs)))));
  return 0;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ASN1_TIME_print: `Dec  7 05:13:02 2026 GMT`. */
function printTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

export const printName = (parts: CertificateNames['subject']) => parts.map(([key, value]) => `${key} = ${value}`).join(', ');

export function opensslX509(ctx: CommandContext, args: string[]): number {
  if (args.includes('-req')) return opensslX509Req(ctx, args);
  const file = option(args, '-in');
  let text = ctx.stdin;
  if (file !== undefined) {
    const path = resolvePath(ctx.cwd, file);
    if (!ctx.fs.exists(path) || ctx.fs.stat(path).kind !== 'file') {
      cannotOpen(ctx, 'certificate', file);
      ctx.stderr.write('Unable to load certificate\n');
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
