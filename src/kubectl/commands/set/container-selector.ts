/**
 * `--containers` patterns: a name, `*`, or a name with `*` wildcards.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/set/helper.go selectString.
 */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (const [i, part] of parts.entries()) {
    if (part.length === 0) continue;
    const found = s.slice(pos).indexOf(part);
    // Upstream compares the index within the rest of the string to the absolute position; kept as is.
    if (found < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + found)) return false;
    pos = found;
  }
  return true;
}

/** The containers the pattern selects, then the init containers it selects (set env's order). */
export function selectContainers<C extends { name: string }>(containers: C[] | undefined, initContainers: C[] | undefined, spec: string): C[] {
  return [...(containers ?? []).filter((c) => selectString(c.name, spec)), ...(initContainers ?? []).filter((c) => selectString(c.name, spec))];
}
