/** RSA keys as OpenSSL 3 writes and reads them: PKCS#8, PKCS#1, SubjectPublicKeyInfo; PKCS#1 v1.5 signatures. */
import { bitString, integer, nullValue, oid, sequence, tlv, type Bytes } from '../der/der-writer.ts';
import { children, readDer } from '../der/der-reader.ts';
import { sha256Hex } from '../sha256/sha256.ts';
import { bigIntToBytes, bytesToBigInt } from './big-bytes.ts';
import { modPow, rsaKeyFromPrimes, type RsaKey } from './rsa-key.ts';

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const SHA256_DIGEST_INFO = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

const int = (value: bigint) => integer(bigIntToBytes(value));
const rsaAlgorithm = () => sequence(oid(RSA_ENCRYPTION), nullValue());

export function pkcs1PrivateKey(key: RsaKey): Bytes {
  return sequence(integer([0]), int(key.n), int(key.e), int(key.d), int(key.p), int(key.q), int(key.dp), int(key.dq), int(key.qinv));
}

export function pkcs8PrivateKey(key: RsaKey): Bytes {
  return sequence(integer([0]), rsaAlgorithm(), tlv(0x04, pkcs1PrivateKey(key)));
}

export function subjectPublicKeyInfo(key: Pick<RsaKey, 'n' | 'e'>): Bytes {
  return sequence(rsaAlgorithm(), bitString(sequence(int(key.n), int(key.e))));
}

const hexOf = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function readPkcs1(der: Uint8Array): RsaKey | undefined {
  const root = readDer(der);
  const fields = root?.node.tag === 0x30 ? children(root.node) : undefined;
  if (!fields || fields.length < 9 || fields.slice(0, 9).some((f) => f.tag !== 0x02)) return undefined;
  const [, n, e, , p, q] = fields.map((f) => bytesToBigInt(f.content));
  if (!n || !e || !p || !q || p * q !== n) return undefined;
  return rsaKeyFromPrimes(p, q, e);
}

/** A DER private key, PKCS#8 or PKCS#1; undefined when it is neither or not RSA. */
export function readRsaPrivateKey(der: Uint8Array): RsaKey | undefined {
  const pkcs1 = readPkcs1(der);
  if (pkcs1) return pkcs1;
  const root = readDer(der);
  const [, algorithm, inner] = root?.node.tag === 0x30 ? (children(root.node) ?? []) : [];
  const algorithmOid = algorithm?.tag === 0x30 ? children(algorithm)?.[0] : undefined;
  if (!algorithmOid || !inner || inner.tag !== 0x04 || hexOf(algorithmOid.content) !== '2a864886f70d010101') return undefined;
  return readPkcs1(inner.content);
}

/** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2.1), computed by the Chinese remainder theorem. */
export function signSha256(key: RsaKey, data: Bytes): Bytes {
  const length = bigIntToBytes(key.n).length;
  const digest = bigIntToBytes(BigInt(`0x${sha256Hex(data)}`), 32);
  const info = [...SHA256_DIGEST_INFO, ...digest];
  const encoded = [0x00, 0x01, ...new Array<number>(length - info.length - 3).fill(0xff), 0x00, ...info];
  const m = bytesToBigInt(encoded);
  const m1 = modPow(m, key.dp, key.p);
  const m2 = modPow(m, key.dq, key.q);
  const h = (key.qinv * (((m1 - m2) % key.p) + key.p)) % key.p;
  return bigIntToBytes(m2 + h * key.q, length);
}
