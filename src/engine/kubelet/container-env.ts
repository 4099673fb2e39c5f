/**
 * A container's environment as the kubelet builds it: image ENV, service links
 * (`WEBAPP_SERVICE_SERVICE_HOST`…), envFrom, then env (value, configMap/secret keys, fieldRef).
 * A missing ConfigMap/Secret or key fails with CreateContainerConfigError's messages.
 */
import type { ConfigMap, Container, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import { core, type SharedInformerFactory } from '../client/informer-factory.ts';
import type { Lister } from '../client/lister.ts';
import { decodeBase64 } from '../../lib/base64.ts';
import { expandVars } from './container-command.ts';

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

/** The objects an environment is built from, read through the cluster's shared informers. */
export interface EnvSources {
  services: Lister<Service>;
  configMaps: Lister<ConfigMap>;
  secrets: Lister<Secret>;
}

export function envSources(informers: SharedInformerFactory): EnvSources {
  return { services: informers.lister<Service>(core('services')), configMaps: informers.lister<ConfigMap>(core('configmaps')), secrets: informers.lister<Secret>(core('secrets')) };
}

function serviceLinks(sources: EnvSources, namespace: string): Record<string, string> {
  const env: Record<string, string> = {};
  const services = [...sources.services.list(namespace), ...(namespace === 'default' ? [] : sources.services.list('default').filter((s) => s.metadata?.name === 'kubernetes'))];
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const prefix = svc.metadata!.name!.toUpperCase().replace(/-/g, '_');
    const ports = svc.spec?.ports ?? [];
    const first = ports[0];
    if (!first) continue;
    env[`${prefix}_SERVICE_HOST`] = ip;
    env[`${prefix}_SERVICE_PORT`] = String(first.port);
    for (const port of ports) if (port.name) env[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, '_')}`] = String(port.port);
    const proto = (first.protocol ?? 'TCP').toLowerCase();
    env[`${prefix}_PORT`] = `${proto}://${ip}:${first.port}`;
    for (const port of ports) {
      const p = (port.protocol ?? 'TCP').toUpperCase();
      const base = `${prefix}_PORT_${port.port}_${p}`;
      env[base] = `${p.toLowerCase()}://${ip}:${port.port}`;
      env[`${base}_PROTO`] = p.toLowerCase();
      env[`${base}_PORT`] = String(port.port);
      env[`${base}_ADDR`] = ip;
    }
  }
  return env;
}

export function buildContainerEnv(sources: EnvSources, pod: Pod, container: Container, imageEnv: Record<string, string>): EnvResult {
  const namespace = pod.metadata!.namespace!;
  const env: Record<string, string> = { ...imageEnv, HOSTNAME: pod.metadata!.name!, HOME: imageEnv.HOME ?? '/root' };
  if (pod.spec?.enableServiceLinks !== false) Object.assign(env, serviceLinks(sources, namespace));
  else Object.assign(env, Object.fromEntries(Object.entries(serviceLinks(sources, 'default')).filter(([k]) => k.startsWith('KUBERNETES_'))));
  const configMap = (name: string) => sources.configMaps.get(namespace, name);
  const secret = (name: string) => sources.secrets.get(namespace, name);
  const decode = (b64: string) => decodeBase64(b64) ?? '';
  for (const source of container.envFrom ?? []) {
    const prefix = source.prefix ?? '';
    if (source.configMapRef) {
      const cm = configMap(source.configMapRef.name ?? '');
      if (!cm) {
        if (source.configMapRef.optional) continue;
        return { ok: false, message: `configmap "${source.configMapRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v;
    }
    if (source.secretRef) {
      const s = secret(source.secretRef.name ?? '');
      if (!s) {
        if (source.secretRef.optional) continue;
        return { ok: false, message: `secret "${source.secretRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(s.data ?? {})) env[prefix + k] = decode(v);
    }
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    if (!from) {
      env[variable.name] = expandVars(variable.value ?? '', env);
      continue;
    }
    if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      const cm = configMap(ref.name ?? '');
      if (!cm) {
        if (ref.optional) continue;
        return { ok: false, message: `configmap "${ref.name}" not found` };
      }
      const value = cm.data?.[ref.key];
      if (value === undefined) {
        if (ref.optional) continue;
        return { ok: false, message: `couldn't find key ${ref.key} in ConfigMap ${namespace}/${ref.name}` };
      }
      env[variable.name] = value;
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      const s = secret(ref.name ?? '');
      if (!s) {
        if (ref.optional) continue;
        return { ok: false, message: `secret "${ref.name}" not found` };
      }
      const value = s.data?.[ref.key];
      if (value === undefined) {
        if (ref.optional) continue;
        return { ok: false, message: `couldn't find key ${ref.key} in Secret ${namespace}/${ref.name}` };
      }
      env[variable.name] = decode(value);
    } else if (from.fieldRef) {
      const path = from.fieldRef.fieldPath;
      const fields: Record<string, string | undefined> = {
        'metadata.name': pod.metadata?.name,
        'metadata.namespace': namespace,
        'metadata.uid': pod.metadata?.uid,
        'spec.nodeName': pod.spec?.nodeName,
        'spec.serviceAccountName': pod.spec?.serviceAccountName,
        'status.podIP': pod.status?.podIP,
        'status.hostIP': pod.status?.hostIP,
      };
      const label = /^metadata\.labels\['(.+)'\]$/.exec(path);
      const annotation = /^metadata\.annotations\['(.+)'\]$/.exec(path);
      env[variable.name] = label ? (pod.metadata?.labels?.[label[1]!] ?? '') : annotation ? (pod.metadata?.annotations?.[annotation[1]!] ?? '') : (fields[path] ?? '');
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
      env[variable.name] = String(container.resources?.[kind]?.[name] ?? '0');
    }
  }
  return { ok: true, env };
}
