import { describe, expect, it } from 'vitest';
import { pemBody } from '../der/der-reader.ts';
import { bigIntToBytes } from './big-bytes.ts';
import { pkcs8PrivateKey, readRsaPrivateKey, signSha256, subjectPublicKeyInfo } from './rsa-der.ts';

// Written by OpenSSL 3.0.19: `openssl genrsa 512`, the same key with `openssl rsa -traditional`,
// and `printf abc | openssl dgst -sha256 -sign` with it.
const PKCS8 = `-----BEGIN PRIVATE KEY-----
MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAqn59bGoiTMPUJ1M7
vl/lh9DaTnyo4DQb+vQRPCSb0f7AxDP9t74N1P0Jx9oGja1mIzviWRAhOP0+M8Bt
BSRUKQIDAQABAkBDg5NnOyAaBfIdIHioCpF6Ftpb+kFlhz0NQ1kP1+9cWD9RZ3Ds
meXdGKjwt3igNSgi+fLinRFls0PhiCO20fWBAiEA4RtpN5At4LsGBJee+Ky0RyDA
t4MPKk6OCpOI7m3aKmsCIQDB5GKVWGI5L3HAmQaQAz575Cg/tBIg3wZO4hIx5VwI
uwIhAM7wvBFwYjyusiGWoXZKjpC083XA7jgeb0YZy1AlfOJxAiAnkfOopQwOvacK
dnCHbZIP+MVaEubsPHfuG2c5NaTtxwIhALk52kW/x3SFrXe3aOk7LqZF/Oprq0S4
sU8/EdQviFxC
-----END PRIVATE KEY-----
`;
const PKCS1 = `-----BEGIN RSA PRIVATE KEY-----
MIIBOwIBAAJBAKp+fWxqIkzD1CdTO75f5YfQ2k58qOA0G/r0ETwkm9H+wMQz/be+
DdT9CcfaBo2tZiM74lkQITj9PjPAbQUkVCkCAwEAAQJAQ4OTZzsgGgXyHSB4qAqR
ehbaW/pBZYc9DUNZD9fvXFg/UWdw7Jnl3Rio8Ld4oDUoIvny4p0RZbND4YgjttH1
gQIhAOEbaTeQLeC7BgSXnvistEcgwLeDDypOjgqTiO5t2iprAiEAweRilVhiOS9x
wJkGkAM+e+QoP7QSIN8GTuISMeVcCLsCIQDO8LwRcGI8rrIhlqF2So6QtPN1wO44
Hm9GGctQJXzicQIgJ5HzqKUMDr2nCnZwh22SD/jFWhLm7Dx37htnOTWk7ccCIQC5
OdpFv8d0ha13t2jpOy6mRfzqa6tEuLFPPxHUL4hcQg==
-----END RSA PRIVATE KEY-----
`;
const MODULUS = 'aa7e7d6c6a224cc3d427533bbe5fe587d0da4e7ca8e0341bfaf4113c249bd1fec0c433fdb7be0dd4fd09c7da068dad66233be259102138fd3e33c06d05245429';
const SIGNATURE_OF_ABC = '6528c2d6966672c8afe46827e400f03185f92b2e3ba7c81092074e7ac5911661476d452fbaeb1606b43299f61d1c420734407470d20350f1712a5ed8fced2709';

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

describe('readRsaPrivateKey', () => {
  const cases = [
    { name: 'PKCS#8', der: pemBody(PKCS8, /PRIVATE KEY/) },
    { name: 'PKCS#1', der: pemBody(PKCS1, /RSA PRIVATE KEY/) },
  ];
  it.each(cases)('reads the modulus of a $name key', ({ der }) => {
    expect(readRsaPrivateKey(der)?.n.toString(16)).toBe(MODULUS);
  });
  it('answers undefined for a certificate-shaped sequence', () => {
    expect(readRsaPrivateKey(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x00]))).toBeUndefined();
  });
});

describe('PKCS#8 and signatures as OpenSSL writes them', () => {
  const key = readRsaPrivateKey(pemBody(PKCS8, /PRIVATE KEY/))!;
  it('re-encodes the key to the same PKCS#8 bytes', () => {
    expect(hex(pkcs8PrivateKey(key))).toBe(hex([...pemBody(PKCS8, /PRIVATE KEY/)]));
  });
  it('signs with RSASSA-PKCS1-v1_5 and SHA-256 as openssl dgst -sign', () => {
    expect(hex(signSha256(key, [0x61, 0x62, 0x63]))).toBe(SIGNATURE_OF_ABC);
  });
  it('carries the modulus in the public key info', () => {
    expect(hex(subjectPublicKeyInfo(key))).toContain(`00${MODULUS}`);
    expect(hex(bigIntToBytes(key.e))).toBe('010001');
  });
});
