import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allOptionsListing, changedOptionsListing } from './option-listing.ts';
import { vimSettings } from './vimrc.ts';

// Each listing as vim 9.0 (Debian) printed it for `:set` in an xterm, captured with :redir; the window
// is the terminal's height less the command line.
const cases = [
  {
    name: "a ~/.vimrc with the exam's settings",
    vimrc: 'set et ts=2 sw=2 ai nu' as string | undefined,
    isYaml: true,
    columns: 80,
    windowLines: 23,
    expected: [
      '--- Options ---',
      '  autoindent          number              shiftwidth=2',
      '  expandtab           ruler               tabstop=2',
      'nomodeline            scroll=11           ttymouse=sgr',
      '  backspace=indent,eol,start',
      '  fileencoding=utf-8',
      '  fileencodings=ucs-bom,utf-8,default,latin1',
      '  suffixes=.bak,~,.swp,.o,.info,.aux,.log,.dvi,.bbl,.blg,.brf,.cb,.ind,.idx,.ilg,.inx,.out,.toc',
    ],
  },
  {
    name: 'a ~/.vimrc that also turns syntax on',
    vimrc: 'set et ts=2 sw=2 ai nu\nsyntax on' as string | undefined,
    isYaml: true,
    columns: 80,
    windowLines: 23,
    expected: [
      '--- Options ---',
      '  autoindent        nomodeline            scroll=11           tabstop=2',
      '  expandtab           number              shiftwidth=2        ttymouse=sgr',
      '  filetype=yaml       ruler               syntax=yaml',
      '  backspace=indent,eol,start',
      '  fileencoding=utf-8',
      '  fileencodings=ucs-bom,utf-8,default,latin1',
      '  suffixes=.bak,~,.swp,.o,.info,.aux,.log,.dvi,.bbl,.blg,.brf,.cb,.ind,.idx,.ilg,.inx,.out,.toc',
    ],
  },
  {
    name: 'no ~/.vimrc: defaults.vim and the YAML plugins',
    vimrc: undefined as string | undefined,
    isYaml: true,
    columns: 80,
    windowLines: 23,
    expected: [
      '--- Options ---',
      '  comments=:#         langnoremap         scroll=11           ttimeout',
      '  display=truncate  nolangremap           scrolloff=5         ttimeoutlen=100',
      '  expandtab         nomodeline            shiftwidth=2        ttymouse=sgr',
      '  filetype=yaml       mouse=a             showcmd             wildmenu',
      '  history=200         nrformats=bin,hex   softtabstop=2',
      '  incsearch           ruler               syntax=yaml',
      '  backspace=indent,eol,start',
      '  commentstring=# %s',
      '  fileencoding=utf-8',
      '  fileencodings=ucs-bom,utf-8,default,latin1',
      '  formatoptions=croql',
      '  indentexpr=GetYAMLIndent(v:lnum)',
      '  indentkeys=!^F,o,O,0#,0},0],<:>,0-',
      '  suffixes=.bak,~,.swp,.o,.info,.aux,.log,.dvi,.bbl,.blg,.brf,.cb,.ind,.idx,.ilg,.inx,.out,.toc',
    ],
  },
  {
    name: 'no ~/.vimrc, a wider and taller window',
    vimrc: undefined as string | undefined,
    isYaml: true,
    columns: 100,
    windowLines: 39,
    expected: [
      '--- Options ---',
      '  comments=:#         incsearch           nrformats=bin,hex   showcmd             ttymouse=sgr',
      '  display=truncate    langnoremap         ruler               softtabstop=2       wildmenu',
      '  expandtab         nolangremap           scroll=19           syntax=yaml',
      '  filetype=yaml     nomodeline            scrolloff=5         ttimeout',
      '  history=200         mouse=a             shiftwidth=2        ttimeoutlen=100',
      '  backspace=indent,eol,start',
      '  commentstring=# %s',
      '  fileencoding=utf-8',
      '  fileencodings=ucs-bom,utf-8,default,latin1',
      '  formatoptions=croql',
      '  indentexpr=GetYAMLIndent(v:lnum)',
      '  indentkeys=!^F,o,O,0#,0},0],<:>,0-',
      '  suffixes=.bak,~,.swp,.o,.info,.aux,.log,.dvi,.bbl,.blg,.brf,.cb,.ind,.idx,.ilg,.inx,.out,.toc',
    ],
  },
  {
    name: 'no ~/.vimrc, a text file',
    vimrc: undefined as string | undefined,
    isYaml: false,
    columns: 80,
    windowLines: 23,
    expected: [
      '--- Options ---',
      '  commentstring=      langnoremap         ruler               ttimeout',
      '  display=truncate  nolangremap           scroll=11           ttimeoutlen=100',
      '  filetype=text     nomodeline            scrolloff=5         ttymouse=sgr',
      '  history=200         mouse=a             showcmd             wildmenu',
      '  incsearch           nrformats=bin,hex   syntax=text',
      '  backspace=indent,eol,start',
      '  comments=fb:-,fb:*,n:>',
      '  fileencoding=utf-8',
      '  fileencodings=ucs-bom,utf-8,default,latin1',
      '  suffixes=.bak,~,.swp,.o,.info,.aux,.log,.dvi,.bbl,.blg,.brf,.cb,.ind,.idx,.ilg,.inx,.out,.toc',
    ],
  },
];

describe('changedOptionsListing', () => {
  it.each(cases)('$name', ({ vimrc, isYaml, columns, windowLines, expected }) => {
    // Without a ~/.vimrc vim's own autoindent is off: indentexpr indents, which the editor stands in for.
    const settings = { ...vimSettings(vimrc, isYaml), ...(vimrc === undefined ? { autoindent: false } : {}) };
    expect(changedOptionsListing({ hasVimrc: vimrc !== undefined, isYaml, settings, columns, windowLines })).toEqual(expected);
  });
});

describe('allOptionsListing', () => {
  it.each([
    { name: 'the exam ~/.vimrc, a YAML file, 80x24', vimrc: 'set et ts=2 sw=2 ai nu', golden: 'set-all-rc.txt' },
    { name: 'no ~/.vimrc, a YAML file, 80x24', vimrc: undefined, golden: 'set-all-norc.txt' },
  ])('$name', ({ vimrc, golden }) => {
    const settings = { ...vimSettings(vimrc, true), ...(vimrc === undefined ? { autoindent: false } : {}) };
    const listing = allOptionsListing({ hasVimrc: vimrc !== undefined, isYaml: true, settings, columns: 80, windowLines: 23 });
    expect(`${listing.join('\n')}\n`).toEqual(readFileSync(new URL(`./testdata/${golden}`, import.meta.url), 'utf8'));
  });
});
