/**
 * What vim shows for `:set` without arguments (the options whose value differs from vim's
 * default) and for `:set all`, laid out as vim 9.0's showoptions() does. Besides the options the editor models, a
 * vim on the exam's Ubuntu shows the ones its system vimrc (debian.vim), the terminal and, without
 * a ~/.vimrc, defaults.vim and the file type's plugins set; those were read from vim 9.0 itself.
 */
import type { VimSettings } from './vimrc.ts';
import { VIM_OPTIONS } from './vim-options.ts';

/** vim's column step and the gap an item must leave before the next column (option.c INC, GAP). */
const INC = 20;
const GAP = 3;

type OptionValue = boolean | string | number;

const BACKSPACE: [string, OptionValue] = ['backspace', 'indent,eol,start'];
const ENCODINGS: [string, OptionValue][] = [
  ['fileencoding', 'utf-8'],
  ['fileencodings', 'ucs-bom,utf-8,default,latin1'],
];
const SUFFIXES: [string, OptionValue] = ['suffixes', '.bak,~,.swp,.o,.info,.aux,.log,.dvi,.bbl,.blg,.brf,.cb,.ind,.idx,.ilg,.inx,.out,.toc'];
/** debian.vim's and an xterm's, whatever the vimrc. */
const SYSTEM: [string, OptionValue][] = [['ruler', true], ['modeline', false], ['ttymouse', 'sgr'], BACKSPACE, ...ENCODINGS, SUFFIXES];
/** defaults.vim's, read when there is no ~/.vimrc. */
const DEFAULTS_VIM: [string, OptionValue][] = [
  ['display', 'truncate'],
  ['history', 200],
  ['incsearch', true],
  ['langnoremap', true],
  ['langremap', false],
  ['mouse', 'a'],
  ['nrformats', 'bin,hex'],
  ['scrolloff', 5],
  ['showcmd', true],
  ['ttimeout', true],
  ['ttimeoutlen', 100],
  ['wildmenu', true],
];
/** ftplugin/yaml.vim's and indent/yaml.vim's (their expandtab and shiftwidth are modelled). */
const YAML_PLUGINS: [string, OptionValue][] = [
  ['comments', ':#'],
  ['commentstring', '# %s'],
  ['formatoptions', 'croql'],
  ['indentexpr', 'GetYAMLIndent(v:lnum)'],
  ['indentkeys', '!^F,o,O,0#,0},0],<:>,0-'],
  ['softtabstop', 2],
];
/** ftplugin/text.vim's. */
const TEXT_PLUGINS: [string, OptionValue][] = [
  ['comments', 'fb:-,fb:*,n:>'],
  ['commentstring', ''],
];

export interface ListingContext {
  hasVimrc: boolean;
  isYaml: boolean;
  /** The settings as vim holds them: autoindent as set, not as the editor stands in for indentexpr. */
  settings: VimSettings;
  columns: number;
  /** The window's height in lines: 'scroll' is half of it. */
  windowLines: number;
}

/** The options set away from vim's defaults, by name. */
function changedOptions(context: ListingContext): Map<string, OptionValue> {
  const { settings } = context;
  const options = new Map<string, OptionValue>([...SYSTEM, ['scroll', Math.floor(context.windowLines / 2)]]);
  if (!context.hasVimrc) for (const [name, value] of [...DEFAULTS_VIM, ...(context.isYaml ? YAML_PLUGINS : TEXT_PLUGINS)]) options.set(name, value);
  if (settings.syntax) {
    const fileType = context.isYaml ? 'yaml' : 'text';
    options.set('filetype', fileType);
    options.set('syntax', fileType);
  }
  if (settings.autoindent) options.set('autoindent', true);
  if (settings.expandtab) options.set('expandtab', true);
  if (settings.number) options.set('number', true);
  if (settings.paste) options.set('paste', true);
  if (settings.shiftwidth !== 8) options.set('shiftwidth', settings.shiftwidth);
  if (settings.tabstop !== 8) options.set('tabstop', settings.tabstop);
  return options;
}

/** The lines of `:set`, from `--- Options ---` on. */
export function changedOptionsListing(context: ListingContext): string[] {
  const changed = changedOptions(context);
  return showOptions(
    VIM_OPTIONS.filter(([name]) => changed.has(name)).map(([name]) => [name, changed.get(name)!]),
    context.columns,
  );
}

/** The lines of `:set all`: every option, the session's values over the captured ones. */
export function allOptionsListing(context: ListingContext): string[] {
  const { settings } = context;
  const values = new Map<string, OptionValue>([
    ['autoindent', settings.autoindent],
    ['expandtab', settings.expandtab],
    ['number', settings.number],
    ['paste', settings.paste],
    ['shiftwidth', settings.shiftwidth],
    ['tabstop', settings.tabstop],
    ['filetype', ''],
    ['syntax', ''],
    ['columns', context.columns],
    ['lines', context.windowLines + 1],
    ['window', context.windowLines],
    ...changedOptions(context),
  ]);
  return showOptions(
    VIM_OPTIONS.map(([name, value]) => [name, values.get(name) ?? value]),
    context.columns,
  );
}

/** Models option.c showoptions(): short items in columns (down, then across), long ones a line each. */
function showOptions(options: [string, OptionValue][], columns: number): string[] {
  const isShort = ([name, value]: [string, OptionValue]) => typeof value === 'boolean' || name.length + String(value).length + 1 <= INC - GAP;
  const short = options.filter(isShort);
  const long = options.filter((option) => !isShort(option));
  const perRow = Math.max(1, Math.floor((columns + GAP - 3) / INC));
  const rows = Math.ceil(short.length / perRow);
  const lines = ['--- Options ---'];
  for (let row = 0; row < rows; row++) {
    let line = '';
    for (let i = row; i < short.length; i += rows) line = line.padEnd(((i - row) / rows) * INC) + optionText(short[i]!);
    lines.push(line);
  }
  for (const option of long) lines.push(optionText(option));
  return lines;
}

/** option.c showoneopt(): `  name`, `noname` or `  name=value`. */
function optionText([name, value]: [string, OptionValue]): string {
  if (typeof value === 'boolean') return `${value ? '  ' : 'no'}${name}`;
  return `  ${name}=${value}`;
}
