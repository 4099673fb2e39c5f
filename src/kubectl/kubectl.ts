/**
 * kubectl as a program of the shell: finds the subcommand by the longest matching path, parses
 * its flags, and runs it against the ApiClient. Errors are printed as kubectl prints them.
 */
import type { ApiClient } from '../engine/api/client.ts';
import type { Command, CommandContext } from '../shell/command.ts';
import { describeCommand } from './commands/describe.ts';
import { editCommand } from './commands/edit.ts';
import { execCommand } from './commands/exec.ts';
import { annotateCommand, labelCommand } from './commands/label-annotate.ts';
import { logsCommand } from './commands/logs.ts';
import { createConfigMapCommand, createDeploymentCommand, createNamespaceCommand, createSecretGenericCommand, runCommand } from './commands/generator-commands.ts';
import { getCommand } from './commands/get.ts';
import { applyCommand } from './commands/apply.ts';
import { createFromFileCommand } from './commands/create-from-file.ts';
import { deleteCommand } from './commands/manifest-commands.ts';
import { replaceCommand } from './commands/replace.ts';
import { patchCommand } from './commands/patch.ts';
import { rolloutCommands } from './commands/rollout.ts';
import { scaleCommand } from './commands/scale.ts';
import { setImageCommand } from './commands/set-image.ts';
import { apiResourcesCommand } from './commands/api-resources.ts';
import { versionCommand } from './commands/version.ts';
import { boolFlag, FlagError, parseFlags, stringFlag } from './flags.ts';
import { isApiConnectionError, KubectlError } from './errors.ts';
import type { KubectlCommand } from './kubectl-command.ts';
import { HELP_TEXTS } from './help/help-texts.ts';
import { ResourceMapper } from './resource-mapper.ts';
import { withWarningWriter } from './warning-writer.ts';

const COMMANDS: KubectlCommand[] = [
  getCommand,
  describeCommand,
  createDeploymentCommand,
  createConfigMapCommand,
  createSecretGenericCommand,
  createNamespaceCommand,
  createFromFileCommand,
  applyCommand,
  replaceCommand,
  deleteCommand,
  patchCommand,
  setImageCommand,
  scaleCommand,
  ...rolloutCommands,
  execCommand,
  editCommand,
  logsCommand,
  labelCommand,
  annotateCommand,
  runCommand,
  versionCommand,
  apiResourcesCommand,
];

/** Every subcommand this kubectl runs, with its flags: what Tab completion offers. */
export function kubectlCommands(): readonly Pick<KubectlCommand, 'path' | 'flags'>[] {
  return COMMANDS;
}

/** Commands with subcommands: `kubectl rollout` alone prints its help. */
const GROUPS = new Set(['rollout', 'set']);

/**
 * `defaultNamespace` is the namespace of the kubeconfig context (`default` when it names none),
 * used when no `-n` is given.
 */
export function createKubectl(options: { api: ApiClient; defaultNamespace?: string }): Command {
  return {
    name: 'kubectl',
    async run(ctx: CommandContext): Promise<number> {
      const argv = ctx.argv.slice(1);
      const words = commandWords(argv);
      const command = findCommand(words);
      if (!command) {
        const first = words[0];
        if (argv.length === 0 || argv.includes('-h') || argv.includes('--help') || (first && GROUPS.has(first))) {
          const help = HELP_TEXTS[first && GROUPS.has(first) ? first : ''] ?? '';
          if (argv.length === 0) ctx.stderr.write(help);
          else ctx.stdout.write(help);
          return argv.length === 0 ? 1 : 0;
        }
        ctx.stderr.write(`error: unknown command "${first ?? argv[0]}" for "kubectl"\n\nDid you mean this?\n\t${suggest(first ?? '')}\n`.replace(/\n\nDid you mean this\?\n\t\n$/, '\n'));
        return 1;
      }
      // Remove the command path words (the first occurrence of each, in order).
      const rest = [...argv];
      for (const word of command.path.split(' ')) rest.splice(rest.indexOf(word), 1);
      let flags;
      try {
        flags = parseFlags(rest, command.flags);
      } catch (error) {
        if (error instanceof FlagError) {
          // cobra reports every flag parsing error this way.
          ctx.stderr.write(`Error: ${error.message}\nSee 'kubectl ${command.path} --help' for usage.\n`);
          return 1;
        }
        throw error;
      }
      if (boolFlag(flags, 'help')) {
        ctx.stdout.write(HELP_TEXTS[command.path] ?? HELP_TEXTS[command.path.split(' ')[0]!] ?? '');
        return 0;
      }
      const out = (text: string) => ctx.stdout.write(text);
      const err = (text: string) => ctx.stderr.write(text);
      try {
        const api = withWarningWriter(options.api, err);
        const mapper = command.discovery === false ? ResourceMapper.empty() : await ResourceMapper.load(api);
        return await command.run({ args: flags.args, flags, ctx, api, mapper, namespace: stringFlag(flags, 'namespace') ?? options.defaultNamespace ?? 'default', out, err });
      } catch (error) {
        // An unreachable server is reported as kubectl's CheckErr does: the bare message.
        if (error instanceof KubectlError || isApiConnectionError(error)) {
          err(`${error.message}\n`);
          return 1;
        }
        throw error;
      }
    },
  };
}

/** Global flags whose value may follow as the next word, before the command (`kubectl -n ns logs app`). */
const GLOBAL_VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--as', '--request-timeout']);

/** The words that are not flags or flag values: where cobra finds the command path. */
function commandWords(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (GLOBAL_VALUE_FLAGS.has(argv[i]!)) i++;
    else if (!argv[i]!.startsWith('-')) words.push(argv[i]!);
  }
  return words;
}

function findCommand(words: string[]): KubectlCommand | undefined {
  let best: KubectlCommand | undefined;
  for (const command of COMMANDS) {
    const path = command.path.split(' ');
    if (path.every((p, i) => words[i] === p) && (!best || path.length > best.path.split(' ').length)) best = command;
  }
  return best;
}

function suggest(word: string): string {
  const names = ['get', 'describe', 'create', 'apply', 'delete', 'edit', 'logs', 'exec', 'run', 'scale', 'rollout', 'set', 'patch', 'replace', 'label', 'annotate', 'expose'];
  return names.find((n) => n !== word && (n.startsWith(word.slice(0, 2)) || distance(n, word) <= 2)) ?? '';
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}
