/**
 * kubectl as a program of the shell: finds the subcommand by the longest matching path, parses
 * its flags, and runs it against the ApiClient. Errors are printed as kubectl prints them.
 */
import type { ApiClient } from '../engine/api/client.ts';
import type { Command, CommandContext } from '../shell/command.ts';
import { describeCommand } from './commands/describe.ts';
import { editCommand } from './commands/edit.ts';
import { attachCommand } from './commands/attach.ts';
import { execCommand } from './commands/exec.ts';
import { cpCommand } from './commands/cp/cp.ts';
import { portForwardCommand } from './commands/port-forward.ts';
import { annotateCommand, labelCommand } from './commands/label-annotate.ts';
import { logsCommand } from './commands/logs.ts';
import { createCronJobCommand, createJobCommand, createServiceAccountCommand, createTokenCommand } from './commands/create-batch.ts';
import { createConfigMapCommand, createDeploymentCommand, createNamespaceCommand, createSecretGenericCommand, runCommand } from './commands/generator-commands.ts';
import { getCommand } from './commands/get/get.ts';
import { createPriorityClassCommand, createQuotaCommand } from './commands/create-quota-priorityclass.ts';
import { createSecretDockerRegistryCommand, createSecretTlsCommand } from './commands/create-secret-typed.ts';
import { createServiceCommands } from './commands/create-service.ts';
import { exposeCommand } from './commands/expose.ts';
import { applyCommand } from './commands/apply.ts';
import { diffCommand } from './commands/diff.ts';
import { kustomizeCommand } from './commands/kustomize.ts';
import { createFromFileCommand } from './commands/create-from-file.ts';
import { deleteCommand } from './commands/delete.ts';
import { replaceCommand } from './commands/replace.ts';
import { patchCommand } from './commands/patch.ts';
import { rolloutCommands } from './commands/rollout/rollout-commands.ts';
import { scaleCommand } from './commands/scale.ts';
import { setImageCommand } from './commands/set-image.ts';
import { setSelectorCommand } from './commands/set-selector.ts';
import { setEnvCommand } from './commands/set/set-env.ts';
import { setResourcesCommand } from './commands/set/set-resources.ts';
import { waitCommand } from './commands/wait/wait.ts';
import { eventsCommand } from './commands/events/events.ts';
import { apiResourcesCommand } from './commands/api-resources.ts';
import { versionCommand } from './commands/version.ts';
import { CONFIG_ALIASES, configCommands } from './commands/config/config-commands.ts';
import { apiVersionsCommand } from './commands/api-versions.ts';
import { explainCommand } from './commands/explain/explain.ts';
import { clusterInfoCommand, clusterInfoDumpCommand } from './commands/cluster-info.ts';
import { setServiceAccountCommand } from './commands/set-serviceaccount.ts';
import { createPodDisruptionBudgetCommand } from './commands/create-pdb.ts';
import { cordonCommands } from './commands/node/cordon.ts';
import { drainCommand } from './commands/node/drain.ts';
import { taintCommand } from './commands/node/taint.ts';
import { completionCommand } from './commands/completion/completion.ts';
import { COMPLETE_REQUESTS, runCompleteRequest } from './completion/complete-request.ts';
import { sessionConnection } from './kubeconfig/session-connection.ts';
import type { SessionServer } from './kubeconfig/session-server.ts';
import { isValidTimeout, parseTimeout } from './kubeconfig/request-timeout.ts';
import { failingOnRequest, timeoutCheck } from './kubeconfig/request-timeout-order.ts';
import { boolFlag, FlagError, missingRequiredFlags, parseFlags, stringFlag } from './flags.ts';
import { isApiConnectionError, KubectlError } from './errors.ts';
import { resolveTemplateOutput } from './printers/go-template-printer.ts';
import { changeCause, RECORD_COMMANDS, RECORD_DEPRECATION, RECORD_FLAG, withChangeCause } from './record-flag.ts';
import type { KubectlCommand } from './kubectl-command.ts';
import type { LocalPorts } from './local-ports.ts';
import { helpTexts, loadHelpTexts } from './help/help-texts.ts';
import { preloadListItemSchemas } from './list-item-validation.ts';
import { unknownCommandMessage } from './command-suggestions.ts';
import { ResourceMapper } from './resource-mapper.ts';
import { withFieldManager } from './field-manager-names.ts';
import { withWarningWriter } from './warning-writer.ts';

const COMMANDS: KubectlCommand[] = [
  getCommand,
  describeCommand,
  createDeploymentCommand,
  createConfigMapCommand,
  createSecretGenericCommand,
  createNamespaceCommand,
  createJobCommand,
  createCronJobCommand,
  createServiceAccountCommand,
  createTokenCommand,
  createQuotaCommand,
  createPriorityClassCommand,
  createSecretTlsCommand,
  createSecretDockerRegistryCommand,
  ...createServiceCommands,
  exposeCommand,
  createFromFileCommand,
  applyCommand,
  diffCommand,
  kustomizeCommand,
  replaceCommand,
  deleteCommand,
  patchCommand,
  setImageCommand,
  setSelectorCommand,
  setEnvCommand,
  setResourcesCommand,
  waitCommand,
  eventsCommand,
  scaleCommand,
  ...rolloutCommands,
  execCommand,
  cpCommand,
  attachCommand,
  portForwardCommand,
  editCommand,
  logsCommand,
  labelCommand,
  annotateCommand,
  runCommand,
  versionCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  explainCommand,
  clusterInfoCommand,
  clusterInfoDumpCommand,
  ...configCommands,
  ...cordonCommands,
  drainCommand,
  taintCommand,
  createPodDisruptionBudgetCommand,
  setServiceAccountCommand,
  completionCommand,
];

/** Every subcommand this kubectl runs, with its flags: what Tab completion offers. */
export function kubectlCommands(): readonly Pick<KubectlCommand, 'path' | 'flags'>[] {
  return COMMANDS;
}

/**
 * Commands with subcommands, run bare: they print their help and exit 1 (cmdutil.DefaultSubCommandRun),
 * rollout to stdout and the others to stderr, as each passes its own stream.
 */
const GROUPS: Record<string, 'stdout' | 'stderr'> = { config: 'stderr', rollout: 'stdout', set: 'stderr', 'create secret': 'stderr', 'create service': 'stderr' };

export interface KubectlOptions {
  api: ApiClient;
  /**
   * The namespace of the kubeconfig context (`default` when it names none), used when no `-n` is
   * given, for a kubectl whose host resolved the kubeconfig itself (`cka-lab kubectl`).
   */
  defaultNamespace?: string;
  /**
   * In a session: where the simulated API server answers. kubectl then reads the kubeconfig from
   * its filesystem on every command (`--kubeconfig`, `KUBECONFIG`, `~/.kube/config`, `--context`…)
   * and fails as the real one does when it names another server.
   */
  sessionServer?: SessionServer;
  /** The server URL the host resolved (`cka-lab kubectl`), for the commands that print it (`cluster-info`). */
  server?: string;
  localPorts?: LocalPorts;
}

export function createKubectl(options: KubectlOptions): Command {
  return {
    name: 'kubectl',
    async run(ctx: CommandContext): Promise<number> {
      await loadHelpTexts();
      preloadListItemSchemas();
      const argv = ctx.argv.slice(1);
      if (COMPLETE_REQUESTS.has(argv[0] ?? '')) return runCompleteRequest(argv, ctx, options.api);
      const words = commandWords(argv);
      const command = findCommand(words);
      const group = helpPath(words);
      // `kubectl create secret bogus` is the secret group's unknown subcommand, not `create` args.
      if (!command || (GROUPS[group] && group.split(' ').length > command.path.split(' ').length)) return runWithoutCommand(argv, words, ctx);
      // Remove the command path words (the first occurrence of each, in order).
      const rest = [...argv];
      for (const word of command.path.split(' ')) {
        const at = rest.indexOf(word);
        rest.splice(at >= 0 ? at : rest.findIndex((w) => CREATE_ALIASES[w] === word || CONFIG_ALIASES[w] === word), 1);
      }
      const flagSpecs = RECORD_COMMANDS.has(command.path) && !command.flags.some((f) => f.name === 'record') ? [...command.flags, RECORD_FLAG] : command.flags;
      let flags;
      try {
        flags = parseFlags(rest, flagSpecs);
      } catch (error) {
        if (error instanceof FlagError) {
          // kubectl prints every flag parsing error this way (cmd.go's SetFlagErrorFunc).
          // diff ends through cmdutil.CheckDiffErr, keeping exit 1 for "the objects differ".
          if (command.path === 'diff') {
            ctx.stderr.write(`error: ${error.message}\nSee 'kubectl diff -h' for help and examples\n`);
            return 2;
          }
          ctx.stderr.write(`error: ${error.message}\nSee 'kubectl ${command.path} --help' for usage.\n`);
          return 1;
        }
        throw error;
      }
      // pflag announces a deprecated flag as soon as it is set, whatever its value.
      if (RECORD_COMMANDS.has(command.path) && flags.values.has('record')) ctx.stderr.write(RECORD_DEPRECATION);
      if (boolFlag(flags, 'help')) {
        // `create clusterrole --help`: a subcommand we do not run still has its help.
        const path = group.split(' ').length > command.path.split(' ').length ? group : command.path;
        ctx.stdout.write(helpTexts()[path] ?? '');
        return 0;
      }
      try {
        if (command.flags.some((f) => f.name === 'output')) resolveTemplateOutput(flags, ctx);
      } catch (error) {
        if (!(error instanceof KubectlError)) throw error;
        ctx.stderr.write(`${error.message}\n`);
        return 1;
      }
      const missing = missingRequiredFlags(flags, command.flags);
      if (missing) {
        ctx.stderr.write(`error: ${missing}\n`);
        return 1;
      }
      const out = (text: string) => ctx.stdout.write(text);
      const err = (text: string) => ctx.stderr.write(text);
      try {
        // A real kubectl spends its start-up and discovery round trip while the control plane reacts
        // to the previous command: `set image … && rollout pause` pauses after the new ReplicaSet exists.
        await ctx.time.settle?.();
        // `completion` prints its script without reading a kubeconfig, as config's commands edit one.
        const isConfigCommand = command.path.startsWith('config ') || command.path === 'completion';
        const connection = options.sessionServer && !isConfigCommand ? await sessionConnection(options.api, options.sessionServer, flags, ctx) : undefined;
        // client-go reads the timeout as it builds the REST config, which `version --client` never does.
        const timeout = stringFlag(flags, 'request-timeout');
        let client = connection?.api ?? options.api;
        if (timeout && !isConfigCommand && !(command.path === 'version' && boolFlag(flags, 'client'))) {
          const when = timeoutCheck(command.path, flags.args, flags);
          if (when === 'before') parseTimeout(timeout);
          else if (when === 'on-request' && !isValidTimeout(timeout)) client = failingOnRequest(client);
        }
        const written = withFieldManager(withWarningWriter(client, err), command.path, stringFlag(flags, 'field-manager'));
        const api = boolFlag(flags, 'record') && RECORD_COMMANDS.has(command.path) ? withChangeCause(written, changeCause(command.path, rest, flagSpecs)) : written;
        const mapper = command.discovery === false ? ResourceMapper.empty() : await ResourceMapper.load(api);
        return await command.run({
          args: flags.args,
          flags,
          ctx,
          api,
          mapper,
          namespace: stringFlag(flags, 'namespace') ?? connection?.namespace ?? options.defaultNamespace ?? 'default',
          ...(connection || options.server ? { server: connection?.server ?? options.server! } : {}),
          out,
          err,
          ...(options.localPorts ? { localPorts: options.localPorts } : {}),
        });
      } catch (error) {
        // An unreachable server is reported as kubectl's CheckErr does: the bare message.
        if (error instanceof KubectlError || isApiConnectionError(error)) {
          if (error instanceof KubectlError && error.stdout) out(error.stdout);
          err(`${error.message}\n`);
          return 1;
        }
        throw error;
      }
    },
  };
}

/** What cobra does when no command of ours takes the words: help, a group's help, or an error. */
function runWithoutCommand(argv: string[], words: string[], ctx: CommandContext): number {
  if (words.length === 0) {
    // Only root flags: parsed as such, then the root help.
    try {
      parseFlags(argv, []);
    } catch (error) {
      if (!(error instanceof FlagError)) throw error;
      ctx.stderr.write(`error: ${error.message}\nSee 'kubectl --help' for usage.\n`);
      return 1;
    }
    ctx.stdout.write(helpTexts()['']!);
    return 0;
  }
  if (words[0] === 'help') return printHelpTopic(words.slice(1), ctx);
  const path = helpPath(words);
  if (argv.includes('-h') || argv.includes('--help')) {
    if (path === '' && words.length > 0) return unknownCommand(argv, words[0]!, ctx);
    ctx.stdout.write(helpTexts()[path]!);
    return 0;
  }
  const stream = GROUPS[path];
  if (stream) {
    // Models cmdutil.DefaultSubCommandRun: every argument after the group, joined.
    const extra = words.slice(path.split(' ').length).join(' ');
    if (extra !== '') {
      ctx.stderr.write(`error: unknown command "${extra}"\nSee 'kubectl ${path} -h' for help and examples\n`);
      return 1;
    }
    ctx[stream].write(helpTexts()[path]!);
    return 1;
  }
  return unknownCommand(argv, words[0]!, ctx);
}

/**
 * An unknown first word goes to kubectl's plugin lookup, which refuses flags before the name
 * (cmd.go HandlePluginCommand); otherwise cobra's unknown-command error.
 */
function unknownCommand(argv: string[], word: string, ctx: CommandContext): number {
  ctx.stderr.write(argv[0]!.startsWith('-') ? `Error: flags cannot be placed before plugin name: ${argv[0]}\n` : unknownCommandMessage(word));
  return 1;
}

/** The longest leading run of `words` that names a command with a help text ('' for the root). */
function helpPath(words: string[]): string {
  let path = '';
  for (let i = 1; i <= words.length; i++) {
    const candidate = words.slice(0, i).join(' ');
    if (helpTexts()[candidate] === undefined) break;
    path = candidate;
  }
  return path;
}

/** `kubectl help [command…]` (cobra's help command): the topic's help, or the root usage on stderr. */
function printHelpTopic(topic: string[], ctx: CommandContext): number {
  const path = helpPath(topic);
  if (topic.length > 0 && path === '') {
    const root = helpTexts()['']!;
    ctx.stderr.write(`Unknown help topic [${topic.map((t) => `\`${t}\``).join(' ')}]\n\n\n${root.slice(root.indexOf('Basic Commands'))}`);
    return 0;
  }
  ctx.stdout.write(helpTexts()[path]!);
  return 0;
}

/** Global flags whose value may follow as the next word, before the command (`kubectl -n ns logs app`). */
const GLOBAL_VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--as', '--request-timeout']);

/** cobra Aliases of the `create` subcommands (`kubectl create deploy`, `create cm`, `create ns`). */
const CREATE_ALIASES: Record<string, string> = {
  deploy: 'deployment',
  cm: 'configmap',
  ns: 'namespace',
  svc: 'service',
  sa: 'serviceaccount',
  cj: 'cronjob',
  ing: 'ingress',
  pdb: 'poddisruptionbudget',
  pc: 'priorityclass',
  resourcequota: 'quota',
};

/** The words that are not flags or flag values: where cobra finds the command path. */
function commandWords(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (GLOBAL_VALUE_FLAGS.has(argv[i]!)) i++;
    else if (!argv[i]!.startsWith('-')) words.push(argv[i]!);
  }
  if (words[0] === 'create' && words[1] !== undefined) words[1] = CREATE_ALIASES[words[1]] ?? words[1];
  if (words[0] === 'config' && words[1] !== undefined) words[1] = CONFIG_ALIASES[words[1]] ?? words[1];
  if (words[0] === 'set' && words[1] === 'sa') words[1] = 'serviceaccount';
  return words;
}

/** Each command's path as words, split once: every kubectl line looks its command up here. */
const COMMAND_WORDS = COMMANDS.map((command) => ({ command, words: command.path.split(' ') }));

function findCommand(words: string[]): KubectlCommand | undefined {
  let best: { command: KubectlCommand; words: string[] } | undefined;
  for (const entry of COMMAND_WORDS) {
    if (entry.words.every((p, i) => words[i] === p) && (!best || entry.words.length > best.words.length)) best = entry;
  }
  return best?.command;
}
