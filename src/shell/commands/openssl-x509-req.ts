/**
 * `openssl x509 -req -in CSR -CA CERT -CAkey KEY [-CAcreateserial] [-out F] [-days N]`: the CKA's
 * way to sign a user's request. OpenSSL 3.0 issues a version 1 certificate (no extensions asked),
 * the issuer copied from the CA's subject; the serial comes from `CERT`'s `.srl` file, incremented,
 * when there is one, and is random otherwise (written back only with `-CAcreateserial`).
 */
import type { CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { children, pemBody, readDer, type Der } from '../../lib/der/der-reader.ts';
import { bitString, integer, nullValue, oid, sequence, time, tlv, type Bytes } from '../../lib/der/der-writer.ts';
import { bigIntToBytes, bytesToBigInt } from '../../lib/rsa/big-bytes.ts';
import { signSha256 } from '../../lib/rsa/rsa-der.ts';
import { readName } from './openssl-certificate-reader.ts';
import { cannotOpen, loadKey, option, pem, printName, randomBytes, writeOrPrint } from './openssl-certificates.ts';

const THREAD = '40272F228D7F0000';
const encode = (node: Der): Bytes => tlv(node.tag, [...node.content]);

/** CertificationRequestInfo's subject and public key, and the certificate's subject and key. */
function requestParts(der: Uint8Array): { subject: Der; spki: Der } | undefined {
  const root = readDer(der)?.node;
  const [info] = root ? (children(root) ?? []) : [];
  const [, subject, spki] = info ? (children(info) ?? []) : [];
  return subject && spki ? { subject, spki } : undefined;
}

function certificateParts(der: Uint8Array): { subject: Der; spki: Der } | undefined {
  const root = readDer(der)?.node;
  const [tbs] = root ? (children(root) ?? []) : [];
  const fields = tbs ? children(tbs) : undefined;
  const rest = fields?.[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const subject = rest?.[4];
  const spki = rest?.[5];
  return subject && spki ? { subject, spki } : undefined;
}

function readFile(ctx: CommandContext, file: string): string | undefined {
  const path = resolvePath(ctx.cwd, file);
  return ctx.fs.exists(path) && ctx.fs.stat(path).kind === 'file' ? ctx.fs.readFile(path) : undefined;
}

/** The next serial: the `.srl` file's plus one, else 20 random bytes (OpenSSL 3.0 x509.c load_serial). */
function nextSerial(ctx: CommandContext, caFile: string, args: string[]): bigint {
  const serialFile = option(args, '-CAserial') ?? `${caFile.replace(/\.[^./]*$/, '')}.srl`;
  const saved = readFile(ctx, serialFile)?.trim();
  let serial: bigint;
  if (saved && /^[0-9A-Fa-f]+$/.test(saved)) serial = BigInt(`0x${saved}`) + 1n;
  else {
    const bytes = randomBytes(20);
    bytes[0] = bytes[0]! & 0x7f;
    serial = bytesToBigInt(bytes);
  }
  if (saved || args.includes('-CAcreateserial')) ctx.fs.writeFile(resolvePath(ctx.cwd, serialFile), `${serialHex(serial)}\n`);
  return serial;
}

/** i2a_ASN1_INTEGER: two hex digits a byte of the integer's minimal encoding (`0A…`, never `A…`). */
function serialHex(serial: bigint): string {
  const hex = serial.toString(16).toUpperCase();
  return hex.length % 2 === 0 ? hex : `0${hex}`;
}

export function opensslX509Req(ctx: CommandContext, args: string[]): number {
  const input = option(args, '-in');
  const requestText = input === undefined ? ctx.stdin : readFile(ctx, input);
  if (requestText === undefined) {
    ctx.stderr.write(
      `Can't open "${input}" for reading, No such file or directory\n` +
        `${THREAD}:error:80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(${input}, r)\n` +
        `${THREAD}:error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:\n` +
        'Unable to load certificate request input\n',
    );
    return 1;
  }
  const request = requestParts(pemBody(requestText, /(?:NEW )?CERTIFICATE REQUEST/));
  const subjectName = request && readName(request.subject);
  if (!request || !subjectName) {
    ctx.stderr.write('Unable to load certificate request input\n');
    return 1;
  }
  ctx.stderr.write(`Certificate request self-signature ok\nsubject=${printName(subjectName)}\n`);
  const caFile = option(args, '-CA');
  const keyFile = option(args, '-CAkey') ?? caFile;
  const caText = caFile === undefined ? undefined : readFile(ctx, caFile);
  if (caFile === undefined || keyFile === undefined) {
    ctx.stderr.write('x509: Use -help for summary.\n');
    return 1;
  }
  if (caText === undefined) {
    cannotOpen(ctx, 'CA certificate', caFile);
    ctx.stderr.write('Unable to load CA certificate\n');
    return 1;
  }
  const ca = certificateParts(pemBody(caText, /CERTIFICATE/));
  if (!ca) {
    ctx.stderr.write('Unable to load CA certificate\n');
    return 1;
  }
  const keyText = readFile(ctx, keyFile);
  if (keyText === undefined) return cannotOpen(ctx, 'CA private key', keyFile);
  const key = loadKey(keyText);
  if (!key) {
    ctx.stderr.write(`Could not read CA private key from ${keyFile}\n`);
    return 1;
  }
  const caModulus = readDer(children(ca.spki)?.[1]?.content.subarray(1) ?? new Uint8Array())?.node;
  if (bytesToBigInt(children(caModulus ?? { tag: 0, content: new Uint8Array() })?.[0]?.content ?? []) !== key.n) {
    ctx.stderr.write(
      'CA certificate and CA private key do not match\n' +
        `${THREAD}:error:05800074:x509 certificate routines:X509_check_private_key:key values mismatch:../crypto/x509/x509_cmp.c:403:\n`,
    );
    return 1;
  }
  const days = Number(option(args, '-days') ?? '30');
  const now = Math.floor(ctx.time.now() / 1000) * 1000;
  const algorithm = sequence(oid('1.2.840.113549.1.1.11'), nullValue());
  const serial = integer(bigIntToBytes(nextSerial(ctx, caFile, args)));
  const tbs = sequence(serial, algorithm, encode(ca.subject), sequence(time(now), time(now + days * 86_400_000)), encode(request.subject), encode(request.spki));
  writeOrPrint(ctx, option(args, '-out'), pem('CERTIFICATE', sequence(tbs, algorithm, bitString(signSha256(key, tbs)))));
  return 0;
}
