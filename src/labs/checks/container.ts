import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import type { Check } from '../schema.ts';
import { notFound, subjectOf } from './check-subject.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { effectiveArgv, formatArgv, sameArgv, splitWords } from './effective-argv.ts';

type ContainerCheck = Extract<Check, { kind: 'container' }>;

export async function checkContainer(check: ContainerCheck, ctx: CheckContext): Promise<CheckResult> {
  const ref = { resource: 'pods', name: check.name, ...(check.namespace ? { namespace: check.namespace } : {}) };
  const pod = (await ctx.reader.get(ref)) as Pod | undefined;
  if (!pod) return fail(check.message ?? notFound(ref));
  const found = selectContainer(pod, check);
  if (typeof found === 'string') return fail(check.message ?? `${subjectOf(ref)} ${found}`);
  const { container, role } = found;
  const subject = `${subjectOf(ref)} (${role} ${container.name})`;
  const problem = imageProblem(check, container) ?? argvProblem(check, container, ctx) ?? mountProblem(check, container, pod);
  return problem ? fail(check.message ?? `${subject} ${problem}`) : pass(`${role} "${container.name}" is as expected`);
}

function selectContainer(pod: Pod, check: ContainerCheck): { container: Container; role: string } | string {
  const containers = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  const among = check.among ?? 'containers';
  const sidecars = inits.filter((c) => c.restartPolicy === 'Always');
  const candidates =
    among === 'containers'
      ? containers.map((c) => ({ container: c, role: 'container' }))
      : among === 'initContainers'
        ? inits.map((c) => ({ container: c, role: 'init container' }))
        : [...containers.map((c) => ({ container: c, role: 'container' })), ...sidecars.map((c) => ({ container: c, role: 'sidecar' }))];
  const noun = among === 'initContainers' ? 'init container' : 'container';
  if (check.container === undefined) {
    if (candidates.length === 1) return candidates[0]!;
    return candidates.length === 0 ? `has no ${noun}; expected one` : `has ${candidates.length} ${noun}s (${candidates.map((c) => c.container.name).join(', ')}); expected one`;
  }
  const match = candidates.find((c) => c.container.name === check.container);
  if (match) return match;
  const plainInit = inits.find((c) => c.name === check.container);
  if (among === 'sidecars' && plainInit) {
    return `has init container ${plainInit.name} without restartPolicy: Always, so it must finish before the app starts; expected a sidecar: a regular container or an init container with restartPolicy: Always`;
  }
  const listed = [...containers.map((c) => c.name), ...inits.map((c) => `${c.name} (init)`)].join(', ');
  return `has no ${noun} named ${check.container} (it has ${listed}); expected one`;
}

function imageProblem(check: ContainerCheck, container: Container): string | undefined {
  const image = container.image ?? '';
  if (check.image !== undefined && image !== check.image) return `has image ${image}; expected ${check.image}`;
  if (check.imageMatches !== undefined && !new RegExp(check.imageMatches).test(image)) return `has image ${image}; expected one matching /${check.imageMatches}/`;
  return undefined;
}

function argvProblem(check: ContainerCheck, container: Container, ctx: CheckContext): string | undefined {
  if (!check.argv) return undefined;
  const accepted = check.argv.map(splitWords);
  const image = ctx.images?.(container.image ?? '');
  const argv = effectiveArgv(image, container);
  if (!argv) return `sets no command, and what image "${container.image}" runs by default is not known here`;
  if (accepted.some((a) => sameArgv(argv, a))) return undefined;
  const expected = accepted.map(formatArgv).join(' or ');
  let why = '';
  if (argv.length === 1 && /\s/.test(argv[0]!)) why = `: that is one word, so the runtime looks for a program named "${argv[0]}"`;
  else if (container.command?.length && image?.entrypoint.length && accepted.some((a) => sameArgv([...image.entrypoint, ...argv], a))) {
    why = `: command replaces the image's ENTRYPOINT ${formatArgv(image.entrypoint)}; pass these words as args instead`;
  } else if (!container.command?.length && !container.args?.length) why = ' (the image default: no command or args are set)';
  return `runs ${formatArgv(argv)}${why}; expected ${expected}`;
}

const normalizePath = (path: string): string => path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

function mountProblem(check: ContainerCheck, container: Container, pod: Pod): string | undefined {
  const mounts = container.volumeMounts ?? [];
  for (const want of check.mounts ?? []) {
    const atPath = mounts.find((m) => normalizePath(m.mountPath) === normalizePath(want.path));
    if (atPath?.name === want.volume) continue;
    if (atPath) return `mounts volume ${atPath.name} (${describeVolume(pod, atPath.name)}) at ${atPath.mountPath}; expected volume ${want.volume} there`;
    const ofVolume = mounts.find((m) => m.name === want.volume);
    if (ofVolume) return `mounts ${want.volume} at ${ofVolume.mountPath}; expected ${want.path}`;
    const own = mounts.filter((m) => !m.name.startsWith('kube-api-access-'));
    const listing = own.length === 0 ? 'it has no volume mounts' : `it mounts ${own.map((m) => `"${m.name}" (${describeVolume(pod, m.name)}) at ${m.mountPath}`).join(', ')}`;
    return `does not mount ${want.volume} at ${want.path} (${listing}); expected it to`;
  }
  return undefined;
}

function describeVolume(pod: Pod, name: string): string {
  const volume: Volume | undefined = pod.spec?.volumes?.find((v) => v.name === name);
  if (!volume) return 'not a volume of the pod';
  if (volume.emptyDir) return 'an emptyDir';
  if (volume.hostPath) return `hostPath ${volume.hostPath.path}`;
  if (volume.configMap) return `configMap ${volume.configMap.name}`;
  if (volume.secret) return `secret ${volume.secret.secretName}`;
  if (volume.persistentVolumeClaim) return `claim ${volume.persistentVolumeClaim.claimName}`;
  return Object.keys(volume).find((k) => k !== 'name') ?? 'a volume';
}
