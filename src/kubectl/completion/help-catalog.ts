/**
 * What cobra knows of each command that `kubectl __complete` shows beside its candidates: the
 * subcommands with their short descriptions and the flags with their usage, read from the help
 * texts kubectl v1.35.2 prints (help/texts, and `kubectl options` for the global flags).
 */
import { helpTexts } from '../help/help-texts.ts';
import { optionsText } from './options-text.ts';

export interface Described {
  name: string;
  description: string;
}

export interface FlagUsage {
  name: string;
  short?: string;
  usage: string;
  /** Slice and array flags may be given again, so completion offers them even when set (`=[]` defaults). */
  repeatable: boolean;
}

/** The subcommands of `path` as its help lists them, sorted as cobra sorts them (root adds `help`). */
export function subcommandsOf(path: string): Described[] {
  const text = helpTexts()[path];
  if (text === undefined) return [];
  const found: Described[] = [];
  let inSection = false;
  for (const line of text.split('\n')) {
    if (/^[A-Z].*:$/.test(line)) inSection = !/^(Usage|Examples|Options|Flags|Aliases):$/.test(line);
    else if (inSection) {
      const m = /^ {2}([a-z][a-z-]*) {2,}(\S.*)$/.exec(line);
      if (m) found.push({ name: m[1]!, description: m[2]! });
    }
  }
  // The root help names `options` only in its footer, and cobra adds `help`.
  if (path === '') found.push({ name: 'help', description: 'Help about any command' }, { name: 'options', description: 'Print the list of flags inherited by all commands' });
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The flags `path` declares itself, with cobra's `--help`, sorted by name. */
export function localFlagsOf(path: string): FlagUsage[] {
  const text = helpTexts()[path] ?? '';
  const options = text.split(/^Options:$/m)[1]?.split(/^Usage:$/m)[0] ?? '';
  const flags = parseFlagUsages(options);
  if (!flags.some((f) => f.name === 'help')) flags.push({ name: 'help', short: 'h', usage: `help for ${path.split(' ').at(-1) || 'kubectl'}`, repeatable: false });
  return flags.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The flags every command inherits from the root (`kubectl options`), sorted by name. */
export function globalFlags(): FlagUsage[] {
  return parseFlagUsages(optionsText).sort((a, b) => (a.name < b.name ? -1 : 1));
}

function parseFlagUsages(section: string): FlagUsage[] {
  const flags: FlagUsage[] = [];
  const lines = section.split('\n');
  lines.forEach((line, i) => {
    const m = /^ {4}(?:-(\w), )?--([\w-]+)=(.*):$/.exec(line);
    if (!m) return;
    const usage = /^\t(.*)$/.exec(lines[i + 1] ?? '')?.[1] ?? '';
    flags.push({ name: m[2]!, ...(m[1] ? { short: m[1] } : {}), usage, repeatable: m[3]!.startsWith('[') });
  });
  return flags;
}
