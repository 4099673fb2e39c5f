import { VIM_OPTION_NAMES } from './vim-option-names.ts';

/**
 * The `~/.vimrc` lines exam candidates write (`set et ts=2 sw=2 ai nu`, `syntax on`,
 * `autocmd FileType yaml setlocal …`), read into the few settings the editor can apply.
 */

export interface VimSettings {
  expandtab: boolean;
  tabstop: number;
  shiftwidth: number;
  autoindent: boolean;
  number: boolean;
  syntax: boolean;
  /** `:set paste`: typed text is taken as it comes, so autoindent is off while it is set. */
  paste: boolean;
}

/** Vim's own defaults, which apply once a `~/.vimrc` exists (defaults.vim is then not read). */
const VIM_DEFAULTS: VimSettings = { expandtab: false, tabstop: 8, shiftwidth: 8, autoindent: false, number: false, syntax: false, paste: false };

/**
 * Without a `~/.vimrc` Ubuntu's vim reads defaults.vim (`syntax on`, `filetype plugin indent on`),
 * whose ftplugin/yaml.vim sets `sw=2 et`. Its indent/yaml.vim would add a level after `key:`;
 * we keep the line's indentation instead (issue 14: the extra level breaks `containers:` lists).
 */
function withoutVimrc(isYaml: boolean): VimSettings {
  return isYaml ? { ...VIM_DEFAULTS, expandtab: true, shiftwidth: 2, autoindent: true, syntax: true } : { ...VIM_DEFAULTS, syntax: true };
}

type BooleanSetting = 'expandtab' | 'autoindent' | 'number' | 'paste';
const BOOLEAN_NAMES: Record<string, BooleanSetting> = {
  expandtab: 'expandtab',
  et: 'expandtab',
  autoindent: 'autoindent',
  ai: 'autoindent',
  number: 'number',
  nu: 'number',
  paste: 'paste',
};
const NUMBER_NAMES: Record<string, 'tabstop' | 'shiftwidth'> = { tabstop: 'tabstop', ts: 'tabstop', shiftwidth: 'shiftwidth', sw: 'shiftwidth' };

/** One `:set` argument (`et`, `noet`, `invnu`, `ts=2`); options we do not model are skipped, as vim would apply them unseen. */
function applySetArgument(settings: VimSettings, argument: string): void {
  const [, name, value] = /^([a-z]+)(?:[+^-]?[=:](.*))?$/.exec(argument) ?? [];
  if (!name) return;
  if (value !== undefined) {
    const key = NUMBER_NAMES[name];
    const n = Number(value);
    if (key && Number.isInteger(n) && n > 0) settings[key] = n;
    return;
  }
  if (BOOLEAN_NAMES[name]) settings[BOOLEAN_NAMES[name]] = true;
  else if (name.startsWith('no') && BOOLEAN_NAMES[name.slice(2)]) settings[BOOLEAN_NAMES[name.slice(2)]!] = false;
  else if (name.startsWith('inv') && BOOLEAN_NAMES[name.slice(3)]) {
    const key = BOOLEAN_NAMES[name.slice(3)]!;
    settings[key] = !settings[key];
  }
}

function applyCommand(settings: VimSettings, line: string, isYaml: boolean): void {
  const words = line.replace(/^[:\s]+/, '').split(/\s+/);
  const [command, ...rest] = words;
  if (!command) return;
  if (/^(se|set|setl|setlocal|setg|setglobal)$/.test(command)) {
    for (const argument of rest) {
      if (!argument) continue;
      // vim stops at the first argument it cannot take (E518), leaving the ones after it unapplied.
      if (!isKnownOption(argument)) break;
      applySetArgument(settings, argument.endsWith('!') ? `inv${argument.slice(0, -1)}` : argument);
    }
  } else if (/^sy(n|nt|nta|ntax)?$/.test(command)) {
    if (rest[0] === 'on' || rest[0] === 'enable') settings.syntax = true;
    else if (rest[0] === 'off') settings.syntax = false;
  } else if (/^au(t|to|toc|tocm|tocmd)?!?$/.test(command)) {
    // `autocmd FileType yaml,yml setlocal …`: applies when the file is YAML.
    const [event, pattern, ...body] = rest;
    if (event?.toLowerCase() === 'filetype' && isYaml && pattern?.split(',').some((p) => p === 'yaml' || p === '*')) applyCommand(settings, body.join(' '), isYaml);
  }
}

/**
 * The settings vim edits a file with, given the text of `~/.vimrc` (undefined: there is none) and
 * the `:set` and `:syntax` commands typed since the file was opened, which apply after it.
 */
export function vimSettings(vimrc: string | undefined, isYaml: boolean, typed: readonly string[] = []): VimSettings {
  const settings = vimrc === undefined ? withoutVimrc(isYaml) : { ...VIM_DEFAULTS };
  for (const raw of [...(vimrc ?? '').split('\n'), ...typed]) {
    // A line starting with `"` is a comment; a trailing `" …` after a :set is one too.
    const line = raw.replace(/(^|\s)".*$/, '').trim();
    for (const part of line.split('|')) applyCommand(settings, part.trim(), isYaml);
  }
  return settings;
}

const OPTION_NAMES: Record<string, keyof Omit<VimSettings, 'syntax'>> = { ...BOOLEAN_NAMES, ...NUMBER_NAMES };

/**
 * What vim shows for `:set ts?` or `:set nu?`: `  tabstop=2`, `  number` or `nonumber`, one per
 * asked option; undefined when no option was asked about.
 */
export function askedOptions(settings: VimSettings, argString: string): string | undefined {
  const asked = argString
    .split(/\s+/)
    .filter((a) => a.endsWith('?'))
    .map((a) => OPTION_NAMES[a.slice(0, -1)])
    .filter((name) => name !== undefined);
  if (asked.length === 0) return undefined;
  return asked
    .map((name) => {
      const value = settings[name];
      if (typeof value === 'number') return `  ${name}=${value}`;
      return value ? `  ${name}` : `no${name}`;
    })
    .join(' ');
}

/** `all`, a terminal code (`t_Co`) or an option vim knows, bare or with `no`/`inv` in front. */
function isKnownOption(argument: string): boolean {
  const name = /^(?:t_\S\S|[a-z]+)/.exec(argument)?.[0];
  if (name === undefined) return false;
  if (name.startsWith('t_') || name === 'all' || VIM_OPTION_NAMES.has(name)) return true;
  return (name.startsWith('no') && VIM_OPTION_NAMES.has(name.slice(2))) || (name.startsWith('inv') && VIM_OPTION_NAMES.has(name.slice(3)));
}

/**
 * vim's error for a `:set` line naming an option it does not know: `E518: Unknown option: foo`,
 * the argument quoted with the blanks after it, as vim's do_set() copies it; undefined when every
 * option is known.
 */
export function unknownOptionError(argString: string): string | undefined {
  for (const [, argument, blanks] of argString.trimStart().matchAll(/(\S+)(\s*)/g)) {
    if (!isKnownOption(argument!)) return `E518: Unknown option: ${argument}${blanks}`;
  }
  return undefined;
}
