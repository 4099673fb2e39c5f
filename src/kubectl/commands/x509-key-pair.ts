/**
 * The checks crypto/tls X509KeyPair makes after the PEM blocks are found: the certificate parses
 * (`x509: malformed certificate`), the key parses, and the key is the certificate's (same type,
 * same RSA modulus or EC public point). A small DER walker of our own: @peculiar/x509 needs a
 * reflect-metadata polyfill loaded before it, and these checks only need the key fields.
 */
import { children, pemBody, readDer } from '../../lib/der/der-reader.ts';

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const BIT_STRING = 0x03;
const OID = 0x06;
const RSA_OID = '2a864886f70d010101';
const EC_OID = '2a8648ce3d0201';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
/** An INTEGER's value without the sign byte DER adds before a high bit. */
const unsigned = (bytes: Uint8Array) => hex(bytes).replace(/^(00)+/, '');

type PublicKey = { type: 'rsa'; modulus: string } | { type: 'ec'; point: string } | { type: 'other' };

function rsaModulus(pkcs1: Uint8Array, privateKey: boolean): string | undefined {
  const root = readDer(pkcs1)?.node;
  const fields = root?.tag === SEQUENCE ? children(root) : undefined;
  const modulus = fields?.[privateKey ? 1 : 0];
  return modulus?.tag === INTEGER ? unsigned(modulus.content) : undefined;
}

/** SubjectPublicKeyInfo: the algorithm and the key it carries. */
function publicKeyOf(spki: Uint8Array): PublicKey | undefined {
  const root = readDer(spki)?.node;
  const [algorithm, key] = root ? (children(root) ?? []) : [];
  const oid = algorithm ? children(algorithm)?.[0] : undefined;
  if (!key || key.tag !== BIT_STRING || oid?.tag !== OID) return undefined;
  const bits = key.content.subarray(1);
  if (hex(oid.content) === RSA_OID) {
    const modulus = rsaModulus(bits, false);
    return modulus ? { type: 'rsa', modulus } : undefined;
  }
  if (hex(oid.content) === EC_OID) return { type: 'ec', point: hex(bits) };
  return { type: 'other' };
}

/** parsePrivateKey: PKCS#1 (`RSA PRIVATE KEY`), PKCS#8 (`PRIVATE KEY`) or SEC 1 (`EC PRIVATE KEY`). */
function privateKeyOf(der: Uint8Array): PublicKey | undefined {
  const modulus = rsaModulus(der, true);
  if (modulus) return { type: 'rsa', modulus };
  const root = readDer(der)?.node;
  const fields = root?.tag === SEQUENCE ? children(root) : undefined;
  if (!fields) return undefined;
  const [, second, third] = fields;
  // PKCS#8: version, AlgorithmIdentifier, OCTET STRING holding the algorithm's own key.
  if (second?.tag === SEQUENCE && third?.tag === OCTET_STRING) {
    const oid = children(second)?.[0];
    if (oid && hex(oid.content) === RSA_OID) {
      const inner = rsaModulus(third.content, true);
      return inner ? { type: 'rsa', modulus: inner } : undefined;
    }
    if (oid && hex(oid.content) === EC_OID) return ecPrivateKey(third.content);
    return { type: 'other' };
  }
  return ecPrivateKey(der);
}

/** ECPrivateKey: version 1, the scalar, then [1] the public point openssl always writes. */
function ecPrivateKey(der: Uint8Array): PublicKey | undefined {
  const root = readDer(der)?.node;
  const fields = root?.tag === SEQUENCE ? children(root) : undefined;
  if (!fields || fields[1]?.tag !== OCTET_STRING) return undefined;
  const tagged = fields.find((f) => f.tag === 0xa1);
  const bits = tagged ? readDer(tagged.content)?.node : undefined;
  return bits?.tag === BIT_STRING ? { type: 'ec', point: hex(bits.content.subarray(1)) } : undefined;
}

/** Certificate → tbsCertificate → subjectPublicKeyInfo (after the optional [0] version, serial, algorithm, issuer, validity, subject). */
function certificateSpki(der: Uint8Array): Uint8Array | undefined {
  const root = readDer(der);
  if (!root || root.next !== der.length || root.node.tag !== SEQUENCE) return undefined;
  const [tbs] = children(root.node) ?? [];
  const fields = tbs?.tag === SEQUENCE ? children(tbs) : undefined;
  if (!fields) return undefined;
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const spki = rest[5];
  if (rest[0]?.tag !== INTEGER || spki?.tag !== SEQUENCE) return undefined;
  const length = spki.content.length;
  // Re-encode the header so publicKeyOf reads a whole TLV.
  const header = length < 0x80 ? [SEQUENCE, length] : length < 0x100 ? [SEQUENCE, 0x81, length] : [SEQUENCE, 0x82, length >> 8, length & 0xff];
  return Uint8Array.from([...header, ...spki.content]);
}

/** The error X509KeyPair returns for PEM blocks already known to be a certificate and a key, or undefined. */
export function keyPairError(certPem: string, keyPem: string): string | undefined {
  const spki = certificateSpki(pemBody(certPem, /CERTIFICATE/));
  if (!spki) return 'x509: malformed certificate';
  const publicKey = publicKeyOf(spki);
  const privateKey = privateKeyOf(pemBody(keyPem, /[A-Z ]*PRIVATE KEY/));
  if (!privateKey) return 'tls: failed to parse private key';
  if (!publicKey || publicKey.type === 'other' || privateKey.type === 'other') return 'tls: unknown public key algorithm';
  if (publicKey.type !== privateKey.type) return 'tls: private key type does not match public key type';
  const same = publicKey.type === 'rsa' ? publicKey.modulus === (privateKey as { modulus: string }).modulus : publicKey.point === (privateKey as { point: string }).point;
  return same ? undefined : 'tls: private key does not match public key';
}
