/** The pod template block shared by Deployment and ReplicaSet describe and `rollout history --revision`. */
import type { Container, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { labelLines, PrefixWriter } from './prefix-writer.ts';

function portText(c: Container): { port: string; host: string } {
  const p = c.ports?.[0];
  if (!p) return { port: '<none>', host: '<none>' };
  return { port: `${p.containerPort}/${p.protocol ?? 'TCP'}`, host: `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}` };
}

export function writeContainers(w: PrefixWriter, level: number, containers: Container[]): void {
  for (const c of containers) {
    w.line(level, ` ${c.name}:`);
    w.line(level + 1, `Image:\t${c.image ?? ''}`);
    const ports = portText(c);
    w.line(level + 1, `Port:\t${ports.port}`);
    w.line(level + 1, `Host Port:\t${ports.host}`);
    if (c.command?.length) {
      w.line(level + 1, 'Command:');
      for (const part of c.command) w.line(level + 2, part);
    }
    if (c.args?.length) {
      w.line(level + 1, 'Args:');
      for (const part of c.args) w.line(level + 2, part);
    }
    for (const kind of ['limits', 'requests'] as const) {
      const values = c.resources?.[kind];
      if (!values || Object.keys(values).length === 0) continue;
      w.line(level + 1, `${kind === 'limits' ? 'Limits' : 'Requests'}:`);
      for (const key of Object.keys(values).sort()) w.line(level + 2, `${key}:\t${String(values[key])}`);
    }
    if (c.env?.length) {
      w.line(level + 1, 'Environment:');
      for (const e of c.env) {
        if (e.valueFrom?.configMapKeyRef) w.line(level + 2, `${e.name}:\t<set to the key '${e.valueFrom.configMapKeyRef.key}' of config map '${e.valueFrom.configMapKeyRef.name}'>\tOptional: ${e.valueFrom.configMapKeyRef.optional ?? false}`);
        else if (e.valueFrom?.secretKeyRef) w.line(level + 2, `${e.name}:\t<set to the key '${e.valueFrom.secretKeyRef.key}' in secret '${e.valueFrom.secretKeyRef.name}'>\tOptional: ${e.valueFrom.secretKeyRef.optional ?? false}`);
        else if (e.valueFrom?.fieldRef) w.line(level + 2, `${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})`);
        else w.line(level + 2, `${e.name}:\t${e.value ?? ''}`);
      }
    } else w.line(level + 1, 'Environment:\t<none>');
    const mounts = (c.volumeMounts ?? []).filter((m) => !m.name.startsWith('kube-api-access-'));
    if (mounts.length) {
      w.line(level + 1, 'Mounts:');
      for (const m of mounts) w.line(level + 2, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`);
    } else w.line(level + 1, 'Mounts:\t<none>');
  }
}

export function writePodTemplate(w: PrefixWriter, level: number, template: PodTemplateSpec): void {
  w.line(level, 'Pod Template:');
  labelLines(w, level + 1, 'Labels:', template.metadata?.labels, '=');
  const annotations = template.metadata?.annotations;
  if (annotations && Object.keys(annotations).length) labelLines(w, level + 1, 'Annotations:', annotations, ': ');
  if (template.spec?.initContainers?.length) {
    w.line(level + 1, 'Init Containers:');
    writeContainers(w, level + 1, template.spec.initContainers);
  }
  w.line(level + 1, 'Containers:');
  writeContainers(w, level + 1, template.spec?.containers ?? []);
  const volumes = template.spec?.volumes ?? [];
  if (volumes.length === 0) w.line(level + 1, 'Volumes:\t<none>');
  else {
    w.line(level + 1, 'Volumes:');
    for (const v of volumes) {
      w.line(level + 2, ` ${v.name}:`);
      if (v.emptyDir) w.line(level + 3, 'Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)');
      else if (v.hostPath) {
        w.line(level + 3, 'Type:\tHostPath (bare host directory volume)');
        w.line(level + 3, `Path:\t${v.hostPath.path}`);
        w.line(level + 3, `HostPathType:\t${v.hostPath.type ?? ''}`);
      } else if (v.configMap) {
        w.line(level + 3, 'Type:\tConfigMap (a volume populated by a ConfigMap)');
        w.line(level + 3, `Name:\t${v.configMap.name}`);
        w.line(level + 3, `Optional:\t${v.configMap.optional ?? false}`);
      } else if (v.secret) {
        w.line(level + 3, 'Type:\tSecret (a volume populated by a Secret)');
        w.line(level + 3, `SecretName:\t${v.secret.secretName}`);
        w.line(level + 3, `Optional:\t${v.secret.optional ?? false}`);
      }
    }
  }
  const selectors = template.spec?.nodeSelector;
  w.line(level + 1, `Node-Selectors:\t${selectors && Object.keys(selectors).length ? Object.entries(selectors).map(([k, v]) => `${k}=${v}`).join(',') : '<none>'}`);
  const tolerations = template.spec?.tolerations ?? [];
  w.line(level + 1, `Tolerations:\t${tolerations.length ? tolerations.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''}`).join(', ') : '<none>'}`);
}

/** `rollout history --revision`: the same block printed with literal tabs, no alignment. */
export function describePodTemplateTabbed(template: PodTemplateSpec): string {
  const w = new RawWriter();
  writePodTemplate(w as unknown as PrefixWriter, 0, template);
  return w.toString();
}

class RawWriter {
  #text = '';
  line(level: number, line: string): void {
    this.#text += `${'  '.repeat(level)}${line}\n`;
  }
  write(level: number, line: string): void {
    this.#text += '  '.repeat(level) + line;
  }
  toString(): string {
    return this.#text.replace(/\n$/, '');
  }
}
