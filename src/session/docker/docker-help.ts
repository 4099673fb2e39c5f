/**
 * `docker <verb> --help`: the usage line, the one-line description, the aliases and the options,
 * laid out by docker-cli's usage template (cli/cobra.go) and pflag's FlagUsages (sorted by name,
 * the descriptions aligned two spaces past the longest flag). Only the flags this simulation
 * implements are listed (issue 11).
 */
import type { CommandSpec } from './docker-flags.ts';

export interface CommandHelp {
  short: string;
  aliases?: string;
  /** Each implemented flag's description, and its value's type name for flags that take one. */
  flags: Record<string, { usage: string; type?: 'string' | 'list' | 'int' | 'stringArray'; default?: string }>;
}

export function formatHelp(spec: CommandSpec, help: CommandHelp): string {
  const lines = Object.keys(help.flags)
    .sort()
    .map((long) => {
      const short = spec.booleans[long] ?? spec.values[long] ?? '';
      const flag = help.flags[long]!;
      const name = short ? `  -${short}, --${long}` : `      --${long}`;
      const withDefault = flag.default !== undefined ? `${flag.usage} (default ${flag.type === 'string' ? JSON.stringify(flag.default) : flag.default})` : flag.usage;
      return { left: flag.type ? `${name} ${flag.type}` : name, usage: withDefault };
    });
  const width = Math.max(...lines.map((l) => l.left.length));
  // A description over several lines continues under its first line.
  const options = lines.map((l) => `${l.left.padEnd(width)}  ${l.usage.split('\n').join(`\n${' '.repeat(width + 2)}`)}`).join('\n');
  return `\nUsage:  ${spec.usage}\n\n${help.short}\n${help.aliases ? `\nAliases:\n  ${help.aliases}\n` : ''}\nOptions:\n${options}\n`;
}
