/**
 * The bound service-account token a kube-api-access volume holds: a JWT shaped like the one
 * kube-apiserver issues to the kubelet (TokenRequest). kubeadm clusters extend a 3607 s request to
 * one year and add `warnafter`. The signature is random bytes: nothing in the simulator verifies it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { encodeBase64 } from '../../../lib/base64.ts';
import type { SeededRandom } from '../../clock/seeded-random.ts';

const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const EXTENDED_EXPIRATION_SECONDS = 365 * 24 * 3600;
const KEY_ID = 'Yq0hkVm3aTqLEV8pLzJXH0dqf-nHnRrKNC1w7rE9hB4';

const base64url = (text: string) => encodeBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A stable UUID-shaped id from a name, for objects the simulator does not store (service accounts, nodes). */
export function stableUid(name: string): string {
  let hex = '';
  let h = 0x811c9dc5;
  for (let round = 0; hex.length < 32; round++) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i) ^ round, 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function randomUuid(random: SeededRandom): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += '0123456789abcdef'[random.int(16)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function serviceAccountToken(pod: Pod, options: { nowMs: number; random: SeededRandom; audience?: string | undefined; expirationSeconds: number }): string {
  const namespace = pod.metadata!.namespace!;
  const account = pod.spec?.serviceAccountName || 'default';
  const node = pod.spec?.nodeName ?? '';
  const iat = Math.floor(options.nowMs / 1000);
  const header = { alg: 'RS256', kid: KEY_ID };
  const claims = {
    aud: [options.audience ?? ISSUER],
    exp: iat + (options.expirationSeconds === 3607 ? EXTENDED_EXPIRATION_SECONDS : options.expirationSeconds),
    iat,
    iss: ISSUER,
    jti: randomUuid(options.random),
    'kubernetes.io': {
      namespace,
      node: { name: node, uid: stableUid(`node/${node}`) },
      pod: { name: pod.metadata!.name, uid: pod.metadata!.uid },
      serviceaccount: { name: account, uid: stableUid(`serviceaccount/${namespace}/${account}`) },
      ...(options.expirationSeconds === 3607 ? { warnafter: iat + 3607 } : {}),
    },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${account}`,
  };
  let signature = '';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < 342; i++) signature += alphabet[options.random.int(64)];
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${signature}`;
}
