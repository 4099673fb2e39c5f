/**
 * The pure part of `kubectl set env`: telling resources from `KEY=VALUE`/`KEY-` arguments, parsing
 * them, and merging them into a container's env.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/set/env/env_parse.go and set/helper.go updateEnv.
 */
import type { EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';
import { KubectlError } from '../../errors.ts';

const ENV_ARGUMENT = /^[\s\S]+=[\s\S]*$/;

/** Resources first, then environment changes; undefined when a resource follows a change. */
export function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const arg of args) {
    const isEnv = ENV_ARGUMENT.test(arg) || arg.endsWith('-');
    if (isEnv) envArgs.push(arg);
    else if (envArgs.length === 0) resources.push(arg);
    else return undefined;
  }
  return { resources, envArgs };
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Models apimachinery/pkg/util/validation IsEnvVarName. */
export function envVarNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (!ENV_VAR_NAME.test(name))
    errors.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  // hasChDirPrefix: names that would read as relative paths.
  if (name === '.') errors.push("must not be '.'");
  else if (name === '..') errors.push("must not be '..'");
  else if (name.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

export interface ParsedEnv {
  env: EnvVar[];
  remove: string[];
}

/** `KEY=VALUE`, `KEY-`, and `-` (lines of KEY=VALUE on stdin, `#` starting a comment). */
export function parseEnv(specs: string[], stdin: string): ParsedEnv {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') {
      for (const line of stdin.split('\n')) {
        const text = line.includes('#') ? line.slice(0, line.indexOf('#')) : line;
        const eq = text.indexOf('=');
        if (eq >= 0) env.push({ name: text.slice(0, eq), value: text.slice(eq + 1) });
      }
    } else if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      const errors = envVarNameErrors(name);
      if (errors.length > 0) throw new KubectlError(`error: ${JSON.stringify(name)} is not a valid key name: ${errors.join(';')}`);
      set.add(name);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`error: unknown environment variable: ${spec}`);
  }
  if (remove.some((name) => set.has(name))) throw new KubectlError('error: can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** The existing env with `env` replacing same-named entries in place, new ones appended, `remove` dropped. */
export function updateEnv(existing: EnvVar[] | undefined, env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing ?? []) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) covered.add(e.name);
    out.push(newer ?? e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** `--overwrite=false`: the first variable that would change an existing value. */
export function overwriteError(existing: EnvVar[] | undefined, env: EnvVar[]): string | undefined {
  for (const e of env) {
    const current = existing?.find((c) => c.name === e.name);
    if (current && (current.value ?? '') !== (e.value ?? '')) return `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`;
  }
  return undefined;
}

/** A config map or secret key as a variable name: upper case, every other character `_`. */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
}

/** Models env_resolve.go GetEnvVarRefString. */
export function envVarRefString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : ''}${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}
