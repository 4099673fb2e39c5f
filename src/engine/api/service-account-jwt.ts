/**
 * The JWT kube-apiserver signs for a service account (pkg/serviceaccount/claims.go): header with
 * the signing key's id, then aud/exp/iat/iss/jti/kubernetes.io/nbf/sub. The signature is seeded
 * random bytes: nothing in the simulator verifies it.
 */
import { encodeBase64 } from '../../lib/base64.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';

export const TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';
export const SIGNING_KEY_ID = 'Yq0hkVm3aTqLEV8pLzJXH0dqf-nHnRrKNC1w7rE9hB4';

export const base64url = (text: string): string => encodeBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function randomUuid(random: SeededRandom): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += '0123456789abcdef'[random.int(16)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An RS256 signature's length in base64url: 256 bytes. */
export function fakeSignature(random: SeededRandom): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let signature = '';
  for (let i = 0; i < 342; i++) signature += alphabet[random.int(64)];
  return signature;
}

export interface TokenClaimsInput {
  namespace: string;
  account: string;
  accountUid: string;
  audiences: string[];
  nowMs: number;
  expirationSeconds: number;
  random: SeededRandom;
}

/** A token bound to nothing but the account (`kubectl create token`). */
export function serviceAccountJwt(o: TokenClaimsInput): string {
  const iat = Math.floor(o.nowMs / 1000);
  const claims = {
    aud: o.audiences,
    exp: iat + o.expirationSeconds,
    iat,
    iss: TOKEN_ISSUER,
    jti: randomUuid(o.random),
    'kubernetes.io': { namespace: o.namespace, serviceaccount: { name: o.account, uid: o.accountUid } },
    nbf: iat,
    sub: `system:serviceaccount:${o.namespace}:${o.account}`,
  };
  return `${base64url(JSON.stringify({ alg: 'RS256', kid: SIGNING_KEY_ID }))}.${base64url(JSON.stringify(claims))}.${fakeSignature(o.random)}`;
}
