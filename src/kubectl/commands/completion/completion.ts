/**
 * `kubectl completion SHELL`: prints the shell's completion script, recorded from kubectl v1.35.2
 * (scripts/capture-completion.mjs). Models staging/src/k8s.io/kubectl/pkg/cmd/completion/completion.go RunCompletion.
 */
import { KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { bashCompletion } from './scripts/bash.ts';
import { fishCompletion } from './scripts/fish.ts';
import { powershellCompletion } from './scripts/powershell.ts';
import { zshCompletion } from './scripts/zsh.ts';

const SCRIPTS: Record<string, string> = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion, powershell: powershellCompletion };
const SEE_HELP = "\nSee 'kubectl completion -h' for help and examples";

export const completionCommand: KubectlCommand = {
  path: 'completion',
  flags: [],
  discovery: false,
  run: async ({ args, out }) => {
    if (args.length === 0) throw new KubectlError(`error: Shell not specified.${SEE_HELP}`);
    if (args.length > 1) throw new KubectlError(`error: Too many arguments. Expected only the shell type.${SEE_HELP}`);
    const script = SCRIPTS[args[0]!];
    if (script === undefined) throw new KubectlError(`error: Unsupported shell type "${args[0]}".${SEE_HELP}`);
    out(script);
    return 0;
  },
};
