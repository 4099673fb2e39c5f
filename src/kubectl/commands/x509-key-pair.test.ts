import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyPairError } from './x509-key-pair.ts';

const pem = (name: string) => readFileSync(join(import.meta.dirname, 'testdata', 'tls', name), 'utf8');

// Pairs made by `openssl req -x509 -newkey … -nodes` (OpenSSL 3.0); expected errors printed by the
// real kubectl v1.35.2 `create secret tls t --cert=C --key=K --dry-run=client`.
describe('keyPairError', () => {
  const cases = [
    { name: 'an RSA pair (PKCS#8 key)', cert: 'a.crt', key: 'a.key', expected: undefined },
    { name: 'an RSA pair (PKCS#1 key)', cert: 'a.crt', key: 'a-pkcs1.key', expected: undefined },
    { name: 'an EC P-256 pair', cert: 'e.crt', key: 'e.key', expected: undefined },
    { name: 'another RSA key', cert: 'a.crt', key: 'b.key', expected: 'tls: private key does not match public key' },
    { name: 'an EC key for an RSA certificate', cert: 'a.crt', key: 'e.key', expected: 'tls: private key type does not match public key type' },
    { name: 'an RSA key for an EC certificate', cert: 'e.crt', key: 'a.key', expected: 'tls: private key type does not match public key type' },
    { name: 'a certificate block that is not DER', cert: 'bad.crt', key: 'a.key', expected: 'x509: malformed certificate' },
  ];
  it.each(cases)('$name', ({ cert, key, expected }) => expect(keyPairError(pem(cert), pem(key))).toBe(expected));
});
