/**
 * cobra's "Did you mean this?" for `kubectl <unknown>`: every root command within Levenshtein
 * distance 2 (case-insensitive) or starting with the typed word, plus explicit SuggestFor matches,
 * in the order kubectl registers its commands (it turns cobra's sorting off).
 */

/** Models staging/src/k8s.io/kubectl/pkg/cmd/cmd.go NewKubectlCommand: the groups, then the rest. */
const ROOT_COMMANDS: { name: string; suggestFor?: string[] }[] = [
  ...['create', 'expose', 'run', 'set', 'explain'].map((name) => ({ name })),
  { name: 'get', suggestFor: ['list', 'ps'] },
  { name: 'edit' },
  { name: 'delete', suggestFor: ['rm'] },
  ...['rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'].map((name) => ({ name })),
  ...['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace'].map((name) => ({ name })),
  { name: 'wait', suggestFor: ['list', 'ps'] },
  ...['kustomize', 'label', 'annotate', 'completion', 'alpha', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options'].map((name) => ({ name })),
];

/** Models cobra's command.go SuggestionsFor with SuggestionsMinimumDistance 2. */
export function suggestCommands(typed: string): string[] {
  const lower = typed.toLowerCase();
  const found: string[] = [];
  for (const command of ROOT_COMMANDS) {
    if (levenshtein(lower, command.name) <= 2 || command.name.startsWith(lower)) found.push(command.name);
    for (const alias of command.suggestFor ?? []) if (alias === lower) found.push(command.name);
  }
  return found;
}

/** `error: unknown command "x" for "kubectl"` with cobra's suggestions. */
export function unknownCommandMessage(typed: string): string {
  // A real command we do not run is not "unknown" to the user: suggesting it back would read oddly.
  const suggestions = suggestCommands(typed).filter((name) => name !== typed);
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '\n';
  return `error: unknown command "${typed}" for "kubectl"${hint}`;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
