/**
 * Looks an image reference up the way containerd would: normalise it (`nginx` ->
 * `docker.io/library/nginx:latest`) and find the repository and tag, or say why the pull fails.
 */
import type { ImageSpec } from './image.ts';
import type { LocalImages } from './local-images.ts';
import { alpine, alpineCurl, busybox, nginx, pause, redis, ubuntu, ubuntuSleeper } from './base-images.ts';
import { coredns } from './coredns.ts';
import { elasticsearch } from './elasticsearch.ts';
import { eventSimulator } from './event-simulator.ts';
import { filebeatConfigured } from './filebeat.ts';
import { fluentUiRunning } from './fluent-ui.ts';
import { hello } from './hello.ts';
import { kibana } from './kibana.ts';
import { etcd, kubeApiserver, kubeControllerManager, kubeProxy, kubeScheduler } from './kubeadm-components.ts';
import { mysql } from './mysql.ts';
import { simpleWebappMysql } from './simple-webapp-mysql.ts';
import { kubia } from './kubia.ts';
import { jessieDnsutils } from './jessie-dnsutils.ts';
import { webappColor } from './webapp-color.ts';

const CATALOGUE: ImageSpec[] = [
  webappColor,
  simpleWebappMysql,
  mysql,
  kubia,
  hello,
  eventSimulator,
  filebeatConfigured,
  elasticsearch,
  kibana,
  fluentUiRunning,
  busybox,
  ubuntu,
  ubuntuSleeper,
  alpine,
  alpineCurl,
  jessieDnsutils,
  nginx,
  redis,
  pause,
  coredns,
  etcd,
  kubeApiserver,
  kubeControllerManager,
  kubeScheduler,
  kubeProxy,
];

export interface ImageReference {
  /** `docker.io/library/nginx:1.25` */
  normalized: string;
  repository: string;
  tag: string;
}

export type ImageLookup =
  | { ok: true; ref: ImageReference; image: ImageSpec; env: Record<string, string>; digest: string; pullError?: string }
  | { ok: false; ref?: ImageReference; reason: 'InvalidImageName' | 'ErrImagePull'; message: string };

export function parseImageReference(image: string): ImageReference | undefined {
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:[/:.][A-Za-z0-9._/-]*)*(?:@sha256:[a-f0-9]{64})?$/.test(image) || /\s/.test(image)) return undefined;
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > lastSlash;
  let repository = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : 'latest';
  const firstPart = repository.split('/')[0]!;
  const hasRegistry = repository.includes('/') && (firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost');
  if (!hasRegistry) repository = repository.includes('/') ? `docker.io/${repository}` : `docker.io/library/${repository}`;
  if (repository !== repository.toLowerCase()) return undefined;
  return { normalized: `${repository}:${tag}`, repository, tag };
}

/** Finds `image` among the images built on the machine (`local`), then in the registries' catalogue. */
export function lookupImage(image: string, local?: LocalImages): ImageLookup {
  const ref = parseImageReference(image);
  if (!ref) {
    return { ok: false, reason: 'InvalidImageName', message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format` };
  }
  const pullError = (detail: string) =>
    `Failed to pull image "${image}": failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${detail}`;
  const denied = pullError('pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
  const built = local?.get(ref.normalized);
  if (built) return { ok: true, ref, image: built.spec, env: { ...built.env }, digest: built.digest, pullError: denied };
  const spec = CATALOGUE.find((s) => s.repository === ref.repository);
  if (!spec) return { ok: false, ref, reason: 'ErrImagePull', message: denied };
  if (!spec.tags.includes(ref.tag)) {
    return {
      ok: false,
      ref,
      reason: 'ErrImagePull',
      message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${ref.normalized}: not found`,
    };
  }
  const entrypoint = spec.tagEntrypoint?.[ref.tag];
  const apps = spec.tagApps?.[ref.tag];
  return {
    ok: true,
    ref,
    image: entrypoint || apps ? { ...spec, ...(entrypoint ? { entrypoint } : {}), ...(apps ? { apps } : {}) } : spec,
    env: { ...spec.env, ...(spec.tagEnv?.[ref.tag] ?? {}) },
    digest: digestOf(ref.normalized),
    ...(spec.pullable === false ? { pullError: denied } : {}),
  };
}

/** A stable fake sha256 digest per image reference. */
function digestOf(text: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i) ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
