/**
 * The bound service-account token a kube-api-access volume holds: a JWT shaped like the one
 * kube-apiserver issues to the kubelet (TokenRequest). kubeadm clusters extend a 3607 s request to
 * one year and add `warnafter`. The signature is random bytes: nothing in the simulator verifies it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { SeededRandom } from '../../clock/seeded-random.ts';
import { stableUid } from '../../api/object-identity.ts';
import { base64url, fakeSignature, randomUuid, SIGNING_KEY_ID, TOKEN_ISSUER as ISSUER } from '../../api/service-account-jwt.ts';

export { stableUid };

const EXTENDED_EXPIRATION_SECONDS = 365 * 24 * 3600;

export function serviceAccountToken(pod: Pod, options: { nowMs: number; random: SeededRandom; audience?: string | undefined; expirationSeconds: number }): string {
  const namespace = pod.metadata!.namespace!;
  const account = pod.spec?.serviceAccountName || 'default';
  const node = pod.spec?.nodeName ?? '';
  const iat = Math.floor(options.nowMs / 1000);
  const header = { alg: 'RS256', kid: SIGNING_KEY_ID };
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
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${fakeSignature(options.random)}`;
}
