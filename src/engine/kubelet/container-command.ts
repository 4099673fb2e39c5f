/**
 * The argv a container runs, from the image's ENTRYPOINT/CMD and the pod's command/args: command
 * replaces ENTRYPOINT (and drops CMD), args replace CMD. `$(VAR)` references expand from the
 * container's environment; `$$(VAR)` escapes them. Models kubelet kuberuntime + dockershim rules.
 */
export function resolveArgv(
  image: { entrypoint: readonly string[]; cmd: readonly string[] },
  container: { command?: string[]; args?: string[] },
  env: Record<string, string>,
): string[] {
  const expand = (words: string[]) => words.map((w) => expandVars(w, env));
  if (container.command && container.command.length > 0) return [...expand(container.command), ...expand(container.args ?? [])];
  if (container.args && container.args.length > 0) return [...image.entrypoint, ...expand(container.args)];
  return [...image.entrypoint, ...image.cmd];
}

/** Models third_party/forked/golang/expansion: `$(NAME)` known -> value, unknown kept, `$$` -> `$`. */
export function expandVars(text: string, env: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '$' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      const name = text.slice(i + 2, close);
      out += name in env ? env[name] : `$(${name})`;
      i = close;
    } else out += ch;
  }
  return out;
}
