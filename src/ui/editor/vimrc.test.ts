import { describe, expect, it } from 'vitest';
import { askedOptions, unknownOptionError, vimSettings, type VimSettings } from './vimrc.ts';

const vim: VimSettings = { expandtab: false, tabstop: 8, shiftwidth: 8, autoindent: false, number: false, syntax: false, paste: false };

const cases: { name: string; vimrc: string | undefined; isYaml?: boolean; expected: VimSettings }[] = [
  {
    name: 'no vimrc: a YAML file gets defaults.vim and ftplugin/yaml.vim',
    vimrc: undefined,
    isYaml: true,
    expected: { ...vim, expandtab: true, shiftwidth: 2, autoindent: true, syntax: true },
  },
  { name: 'no vimrc: other files keep hard tabs', vimrc: undefined, expected: { ...vim, syntax: true } },
  { name: 'an empty vimrc leaves vim defaults (defaults.vim is not read)', vimrc: '', isYaml: true, expected: vim },
  {
    name: 'the long names the exam tips use',
    vimrc: 'set expandtab tabstop=2 shiftwidth=2 autoindent number\nsyntax on\n',
    expected: { ...vim, expandtab: true, tabstop: 2, shiftwidth: 2, autoindent: true, number: true, syntax: true },
  },
  { name: 'the short names', vimrc: 'set et ts=2 sw=2 ai nu', expected: { ...vim, expandtab: true, tabstop: 2, shiftwidth: 2, autoindent: true, number: true } },
  {
    name: 'no-, inv- and ! forms, colons and comments',
    vimrc: '" my settings\n:set nu et\nset nonu invai et! " trailing\nse ts:4',
    expected: { ...vim, autoindent: true, tabstop: 4 },
  },
  { name: 'several commands joined by a bar', vimrc: 'set ts=2 | set sw=2 | syn on', expected: { ...vim, tabstop: 2, shiftwidth: 2, syntax: true } },
  {
    name: 'autocmd FileType yaml applies to a YAML file',
    vimrc: 'autocmd FileType yaml setlocal ts=2 sts=2 sw=2 expandtab ai',
    isYaml: true,
    expected: { ...vim, tabstop: 2, shiftwidth: 2, expandtab: true, autoindent: true },
  },
  { name: 'autocmd FileType yaml does not apply to a text file', vimrc: 'au FileType yaml setlocal et', expected: vim },
  { name: 'options we do not model and bad values are skipped', vimrc: 'set cursorline ts=0 sw=x\ncolorscheme desert', expected: vim },
];

describe('vimSettings', () => {
  it.each(cases)('$name', ({ vimrc, isYaml, expected }) => {
    expect(vimSettings(vimrc, isYaml ?? false)).toEqual(expected);
  });
});

const typedCases: { name: string; vimrc: string | undefined; typed: string[]; expected: VimSettings }[] = [
  { name: ':set nu over no vimrc', vimrc: undefined, typed: ['set nu'], expected: { ...vim, syntax: true, number: true } },
  { name: ':set nonu undoes the vimrc number', vimrc: 'set nu', typed: ['set nonu'], expected: vim },
  { name: ':set et ts=2 sw=2 in one line', vimrc: '', typed: ['set et ts=2 sw=2'], expected: { ...vim, expandtab: true, tabstop: 2, shiftwidth: 2 } },
  { name: ':set paste, then :set nopaste', vimrc: 'set ai', typed: ['set paste', 'set nopaste'], expected: { ...vim, autoindent: true } },
  { name: ':syntax off over defaults.vim', vimrc: undefined, typed: ['syntax off'], expected: vim },
  { name: ':syntax on after off', vimrc: '', typed: ['syntax off', 'syntax on'], expected: { ...vim, syntax: true } },
  { name: 'an unknown option ends the line: what follows it is not applied', vimrc: '', typed: ['set et foo ts=3'], expected: { ...vim, expandtab: true } },
];

describe('vimSettings with commands typed in vim', () => {
  it.each(typedCases)('$name', ({ vimrc, typed, expected }) => {
    expect(vimSettings(vimrc, false, typed)).toEqual(expected);
  });
});

describe('askedOptions', () => {
  it.each([
    { asked: 'ts?', expected: '  tabstop=2' },
    { asked: 'nu? et?', expected: '  number noexpandtab' },
    { asked: 'paste?', expected: 'nopaste' },
    { asked: 'nu', expected: undefined },
  ])('$asked', ({ asked, expected }) => {
    expect(askedOptions({ ...vim, tabstop: 2, number: true }, asked)).toEqual(expected);
  });
});

// Each message as vim 9.0 prints it for `:set <args>` (vim -N -u NONE -es, :redir).
describe('unknownOptionError', () => {
  it.each([
    { args: 'foo', expected: 'E518: Unknown option: foo' },
    { args: 'nofoo', expected: 'E518: Unknown option: nofoo' },
    { args: '123', expected: 'E518: Unknown option: 123' },
    { args: 'foo=2', expected: 'E518: Unknown option: foo=2' },
    { args: 'noet foo', expected: 'E518: Unknown option: foo' },
    { args: 'et foo ts=3', expected: 'E518: Unknown option: foo ' },
    { args: 'guifont=x', expected: undefined },
    { args: 'invnu', expected: undefined },
    { args: 'et ts=2 sw=2 ai nu', expected: undefined },
    { args: 'ts?', expected: undefined },
  ])('$args', ({ args, expected }) => {
    expect(unknownOptionError(args)).toEqual(expected);
  });
});
