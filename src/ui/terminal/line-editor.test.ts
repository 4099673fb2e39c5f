import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor.ts';

const ENTER = '\r';
const CTRL_C = '\x03';
const CTRL_G = '\x07';
const CTRL_R = '\x12';
const ESC = '\x1b';
const BACKSPACE = '\x7f';
const LEFT = '\x1b[D';
const UP = '\x1b[A';

/** Feeds `keys` one by one after submitting each of `history`; returns the last edit. */
function play(history: string[], keys: string[]) {
  const editor = new LineEditor();
  editor.prompt = '$ ';
  for (const line of history) editor.feed(`${line}\r`);
  let last = editor.feed('');
  for (const key of keys) last = editor.feed(key);
  return { editor, last };
}

describe('LineEditor', () => {
  const cases: { name: string; keys: string[]; submitted?: string; interrupted?: boolean }[] = [
    { name: 'submits typed text on Enter', keys: ['kubectl get pods', ENTER], submitted: 'kubectl get pods' },
    { name: 'deletes the character before the cursor on Backspace', keys: ['kubectx', BACKSPACE, 'l', ENTER], submitted: 'kubectl' },
    { name: 'inserts at the cursor after Left', keys: ['kbectl', LEFT.repeat(5), 'u', ENTER], submitted: 'kubectl' },
    { name: 'recalls the previous line with Up', keys: ['ls', ENTER, UP, ENTER], submitted: 'ls' },
    { name: 'drops the line on Ctrl-C', keys: ['kubectl get', CTRL_C], interrupted: true },
    { name: 'jumps home with Ctrl-A and inserts there', keys: ['get pods', '\x01', 'kubectl ', ENTER], submitted: 'kubectl get pods' },
    { name: 'jumps to the end with Ctrl-E', keys: ['kubectl get', '\x01', '\x05', ' pods', ENTER], submitted: 'kubectl get pods' },
    { name: 'kills to the start with Ctrl-U', keys: ['oops', '\x15', 'ls', ENTER], submitted: 'ls' },
    { name: 'deletes the previous word with Ctrl-W', keys: ['kubectl get pdos', '\x17', 'pods', ENTER], submitted: 'kubectl get pods' },
    { name: 'kills to the end with Ctrl-K', keys: ['kubectl get pods -A', LEFT.repeat(3), '\x0b', ENTER], submitted: 'kubectl get pods' },
    { name: 'deletes the character under the cursor with Delete', keys: ['kubectll', LEFT, '\x1b[3~', ENTER], submitted: 'kubectl' },
    { name: 'ignores Alt+key instead of typing the key', keys: ['ls', '\x1bp', ENTER], submitted: 'ls' },
    // readline's forward-word, backward-word, kill-word and backward-kill-word (emacs mode, bash 5.2).
    { name: 'goes back a word with Alt+B', keys: ['kubectl get pods', '\x1bb', '\x1bb', 'x', ENTER], submitted: 'kubectl xget pods' },
    { name: 'goes forward to the end of a word with Alt+F', keys: ['get-pods now', '\x01', '\x1bf', '\x1bf', 'X', ENTER], submitted: 'get-podsX now' },
    { name: 'moves by words with Ctrl and the arrows', keys: ['a b c', '\x1b[1;5D', '\x1b[1;5D', '\x1b[1;5C', 'X', ENTER], submitted: 'a bX c' },
    { name: 'deletes the next word with Alt+D', keys: ['kubectl get pods', '\x01', '\x1bf', '\x1bd', ENTER], submitted: 'kubectl pods' },
    { name: 'deletes the word before with Alt+Backspace', keys: ['kubectl get --all', '\x1b\x7f', ENTER], submitted: 'kubectl get --' },
  ];
  it.each(cases)('$name', ({ keys, submitted, interrupted }) => {
    const { last } = play([], keys);
    expect(last.submitted).toBe(submitted);
    expect(last.interrupted ?? false).toBe(interrupted ?? false);
  });

  it('hands back what follows Enter for the next prompt', () => {
    const editor = new LineEditor();
    expect(editor.feed('ls\rpwd\r')).toEqual({ echo: 'ls\r\n', submitted: 'ls', rest: 'pwd\r' });
  });

  it('echoes what the learner types and a newline on Enter', () => {
    const editor = new LineEditor();
    expect(editor.feed('ls').echo).toBe('ls');
    expect(editor.feed(ENTER).echo).toBe('\r\n');
  });
});

describe('LineEditor reverse search (Ctrl-R)', () => {
  const history = ['kubectl get pods', 'ls /root', 'kubectl get deploy', 'cat notes.txt'];
  const cases: { name: string; history?: string[]; keys: string[]; display?: string; cursor?: number; submitted?: string; interrupted?: boolean; searching?: boolean }[] = [
    { name: 'shows the empty search prompt over the line being edited', keys: ['echo', CTRL_R], display: "(reverse-i-search)`': echo", cursor: 4, searching: true },
    { name: 'finds the newest line containing the query', keys: [CTRL_R, 'kub'], display: "(reverse-i-search)`kub': kubectl get deploy", cursor: 0, searching: true },
    { name: 'narrows as the learner types', keys: [CTRL_R, 'kubectl get p'], display: "(reverse-i-search)`kubectl get p': kubectl get pods", cursor: 0, searching: true },
    { name: 'puts the cursor on the match', keys: [CTRL_R, 'notes'], display: "(reverse-i-search)`notes': cat notes.txt", cursor: 4, searching: true },
    { name: 'finds the next older match on Ctrl-R again', keys: [CTRL_R, 'kub', CTRL_R], display: "(reverse-i-search)`kub': kubectl get pods", cursor: 0, searching: true },
    {
      name: 'says failed and keeps the last match when nothing older matches',
      keys: [CTRL_R, 'kub', CTRL_R, CTRL_R],
      display: "(failed reverse-i-search)`kub': kubectl get pods",
      cursor: 0,
      searching: true,
    },
    { name: 'says failed when no line matches', keys: [CTRL_R, 'zz'], display: "(failed reverse-i-search)`zz': ", searching: true },
    { name: 'recovers from failing when Backspace shortens the query', keys: [CTRL_R, 'lsx', BACKSPACE], display: "(reverse-i-search)`ls': ls /root", cursor: 0, searching: true },
    {
      name: 'finds an earlier match in the same line first',
      history: ['echo a; echo b'],
      keys: [CTRL_R, 'echo', CTRL_R],
      display: "(reverse-i-search)`echo': echo a; echo b",
      cursor: 0,
      searching: true,
    },
    {
      name: 'skips repeated copies of the line it found',
      history: ['ls', 'ls', 'pwd', 'ls'],
      keys: [CTRL_R, 'l', CTRL_R],
      display: "(failed reverse-i-search)`l': ls",
      searching: true,
    },
    { name: 'runs the match on Enter', keys: [CTRL_R, 'deploy', ENTER], submitted: 'kubectl get deploy' },
    { name: 'accepts the match for editing on Esc', keys: [CTRL_R, 'deploy', ESC], display: '$ kubectl get deploy', cursor: 12, searching: false },
    { name: 'accepts the match and moves on Left', keys: [CTRL_R, 'deploy', LEFT], display: '$ kubectl get deploy', cursor: 11, searching: false },
    { name: 'accepts and edits what it found', keys: [CTRL_R, 'deploy', ESC, '\x05', ' -o wide', ENTER], submitted: 'kubectl get deploy -o wide' },
    { name: 'Up after accepting goes to the line before the match', keys: [CTRL_R, 'ls', ESC, UP], display: '$ kubectl get pods', searching: false },
    { name: 'restores the line being edited on Ctrl-G', keys: ['echo hi', LEFT, CTRL_R, 'kub', CTRL_G], display: '$ echo hi', cursor: 6, searching: false },
    { name: 'drops the line on Ctrl-C', keys: [CTRL_R, 'kub', CTRL_C], interrupted: true, display: '$ ', searching: false },
    { name: 'reuses the last query on Ctrl-R Ctrl-R', keys: [CTRL_R, 'ls', ESC, '\x15', CTRL_R, CTRL_R], display: "(reverse-i-search)`ls': ls /root", searching: true },
    { name: 'matches the line being edited before history', keys: ['cat x', CTRL_R, 'cat'], display: "(reverse-i-search)`cat': cat x", cursor: 0, searching: true },
  ];
  it.each(cases)('$name', (c) => {
    const { editor, last } = play(c.history ?? history, c.keys);
    expect(last.submitted).toBe(c.submitted);
    expect(last.interrupted ?? false).toBe(c.interrupted ?? false);
    if (c.display !== undefined) expect(editor.display).toBe(c.display);
    if (c.cursor !== undefined) expect(editor.cursor).toBe(c.cursor);
    if (c.searching !== undefined) expect(editor.isSearching).toBe(c.searching);
  });

  it('redraws the prompt row with the search message and rings the bell on failure', () => {
    const { editor } = play(['ls'], []);
    expect(editor.feed(CTRL_R).echo).toBe("\r\x1b[J(reverse-i-search)`': ");
    expect(editor.feed('l').echo).toBe("\r\x1b[J(reverse-i-search)`l': ls\r\x1b[23C");
    expect(editor.feed('x').echo).toBe("\x07\r\x1b[J(failed reverse-i-search)`lx': ls\r\x1b[31C");
    expect(editor.feed(ESC).echo).toBe('\r\x1b[J$ ls\r\x1b[2C');
  });

  it('moves up to the first row before redrawing a line that wrapped', () => {
    const editor = new LineEditor();
    editor.prompt = '$ ';
    editor.columns = 10;
    editor.feed('echo 0123456789\r');
    editor.feed('echo 0123456789');
    // Prompt and line take 17 cells: the cursor is on the second row.
    expect(editor.feed(CTRL_R).echo).toBe("\x1b[1A\r\x1b[J(reverse-i-search)`': echo 0123456789");
    // 38 cells over four rows; the match puts the cursor on the third row.
    expect(editor.feed('0').echo).toBe("\x1b[3A\r\x1b[J(reverse-i-search)`0': echo 0123456789\x1b[1A\r\x1b[8C");
  });
});

describe('LineEditor pastes', () => {
  it('takes a pasted 2 MB line whole and keeps what follows for the next prompt', () => {
    const editor = new LineEditor();
    const text = 'a'.repeat(2_000_000);
    expect(editor.feed(`echo ${text}${ENTER}next`)).toEqual({ echo: `echo ${text}\r\n`, submitted: `echo ${text}`, rest: 'next' });
  });

  it('echoes only the rows the terminal keeps of a pasted line longer than them, cut where a row starts', () => {
    const editor = new LineEditor();
    editor.prompt = '$ ';
    editor.columns = 10;
    editor.keptRows = 3;
    // '$ x=' then the paste: 4 + 36 cells, four rows; the first goes, the three kept start at 'abcdef…'.
    editor.feed('x=');
    const paste = `012345${'abcdefghij'.repeat(3)}`;
    expect(editor.feed(`${paste}${ENTER}`)).toEqual({ echo: `\x1b[H\x1b[2J\x1b[3J${'abcdefghij'.repeat(3)}\r\n`, submitted: `x=${paste}` });
  });

  it('inserts pasted text at the cursor', () => {
    const editor = new LineEditor();
    editor.feed(`ad${LEFT}`);
    expect(editor.feed('bc').echo).toBe('bcd\x1b[1D');
    expect(editor.line).toBe('abcd');
  });
});
