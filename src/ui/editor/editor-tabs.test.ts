import { describe, expect, it } from 'vitest';
import { draftsOf, isDirty, languageOf, tabsReducer, withFinalNewline, type TabsAction, type TabsState } from './editor-tabs.ts';

const tab = (path: string, text = 'a', saved = text, editId?: number, loads = 1) => ({ path, saved, text, loads, ...(editId !== undefined ? { editId } : {}) });

const cases: { name: string; state: TabsState; action: TabsAction; expected: TabsState }[] = [
  {
    name: 'opening a new file adds a clean tab and activates it',
    state: { tabs: [tab('/root/a')], active: '/root/a' },
    action: { type: 'open', path: '/root/b', content: 'x' },
    expected: { tabs: [tab('/root/a'), tab('/root/b', 'x')], active: '/root/b' },
  },
  {
    name: 'a program opening a file already in a tab replaces the tab in place',
    state: { tabs: [tab('/root/a', 'edited', 'a'), tab('/root/b')], active: '/root/b' },
    action: { type: 'open', path: '/root/a', content: 'new', editId: 7 },
    expected: { tabs: [tab('/root/a', 'new', 'new', 7, 2), tab('/root/b')], active: '/root/a' },
  },
  {
    name: 'a program opens its file with its own keys',
    state: { tabs: [] },
    action: { type: 'open', path: '/root/a', content: 'x', editId: 3, keys: 'nano' },
    expected: { tabs: [{ ...tab('/root/a', 'x', 'x', 3), keys: 'nano' }], active: '/root/a' },
  },
  {
    name: 'choosing other keys changes only that tab',
    state: { tabs: [{ ...tab('/root/a'), keys: 'vim' }, tab('/root/b')], active: '/root/a' },
    action: { type: 'keys', path: '/root/a', keys: 'plain' },
    expected: { tabs: [tab('/root/a'), tab('/root/b')], active: '/root/a' },
  },
  {
    name: 'editing changes the text but not what was saved',
    state: { tabs: [tab('/root/a')], active: '/root/a' },
    action: { type: 'edit', path: '/root/a', text: 'ab' },
    expected: { tabs: [tab('/root/a', 'ab', 'a')], active: '/root/a' },
  },
  {
    name: 'saving makes the written content the new baseline',
    state: { tabs: [tab('/root/a', 'ab', 'a')], active: '/root/a' },
    action: { type: 'saved', path: '/root/a', content: 'ab' },
    expected: { tabs: [tab('/root/a', 'ab')], active: '/root/a' },
  },
  {
    name: 'a clean tab follows a file changed by the shell',
    state: { tabs: [tab('/root/a')], active: '/root/a' },
    action: { type: 'reloaded', path: '/root/a', content: 'from echo' },
    expected: { tabs: [tab('/root/a', 'from echo', 'from echo', undefined, 2)], active: '/root/a' },
  },
  {
    name: 'a dirty tab keeps its edits when the file changes behind it',
    state: { tabs: [tab('/root/a', 'mine', 'a')], active: '/root/a' },
    action: { type: 'reloaded', path: '/root/a', content: 'from echo' },
    expected: { tabs: [tab('/root/a', 'mine', 'a')], active: '/root/a' },
  },
  {
    name: 'closing the active tab activates its right neighbour',
    state: { tabs: [tab('/root/a'), tab('/root/b'), tab('/root/c')], active: '/root/b' },
    action: { type: 'close', path: '/root/b' },
    expected: { tabs: [tab('/root/a'), tab('/root/c')], active: '/root/c' },
  },
  {
    name: 'closing the last tab on the right activates its left neighbour',
    state: { tabs: [tab('/root/a'), tab('/root/b')], active: '/root/b' },
    action: { type: 'close', path: '/root/b' },
    expected: { tabs: [tab('/root/a')], active: '/root/a' },
  },
  {
    name: 'closing the only tab leaves none active',
    state: { tabs: [tab('/root/a')], active: '/root/a' },
    action: { type: 'close', path: '/root/a' },
    expected: { tabs: [] },
  },
  {
    name: 'a new session drops the tabs programs were waiting on',
    state: { tabs: [tab('/root/a'), tab('/tmp/kubectl-edit-1.yaml', 'x', 'x', 3)], active: '/tmp/kubectl-edit-1.yaml' },
    action: { type: 'session' },
    expected: { tabs: [tab('/root/a')], active: '/root/a' },
  },
  {
    name: 'after a restart a vi tab becomes a tab of its own and a kubectl edit tab closes',
    state: { tabs: [tab('/root/a'), tab('/root/notes', 'typed', '', 2), tab('/tmp/kubectl-edit-1.yaml', 'x', 'x', 3)], active: '/tmp/kubectl-edit-1.yaml' },
    action: { type: 'restarted' },
    expected: { tabs: [tab('/root/a'), tab('/root/notes', 'typed', '')], active: '/root/notes' },
  },
  {
    name: 'a file the learner opened in /tmp with a kubectl-edit name is not a kubectl edit',
    state: { tabs: [tab('/tmp/kubectl-edit-1.yaml')], active: '/tmp/kubectl-edit-1.yaml' },
    action: { type: 'restarted' },
    expected: { tabs: [tab('/tmp/kubectl-edit-1.yaml')], active: '/tmp/kubectl-edit-1.yaml' },
  },
  {
    name: 'a draft kept from before a reload shows as unsaved text over the file',
    state: { tabs: [tab('/root/a', 'file')], active: '/root/a' },
    action: { type: 'draft', path: '/root/a', text: 'typed' },
    expected: { tabs: [tab('/root/a', 'typed', 'file', undefined, 2)], active: '/root/a' },
  },
  {
    name: 'Reset lab drops the unsaved text of tabs no program waits on',
    state: { tabs: [tab('/root/a', 'typed', 'file'), tab('/root/b'), tab('/root/notes', 'vi text', '', 2)], active: '/root/a' },
    action: { type: 'discard' },
    expected: { tabs: [tab('/root/a', 'file', 'file', undefined, 2), tab('/root/b'), tab('/root/notes', 'vi text', '', 2)], active: '/root/a' },
  },
  {
    name: 'activating a path without a tab changes nothing',
    state: { tabs: [tab('/root/a')], active: '/root/a' },
    action: { type: 'activate', path: '/root/zzz' },
    expected: { tabs: [tab('/root/a')], active: '/root/a' },
  },
  {
    name: "nano's Write Out under another name: the tab becomes the new file, written",
    state: { tabs: [tab('/root/a', 'new\n', 'old\n'), tab('/root/b')], active: '/root/a' },
    action: { type: 'renamed', path: '/root/a', to: '/root/c', content: 'new\n' },
    expected: { tabs: [tab('/root/c', 'new\n', 'new\n', undefined, 2), tab('/root/b')], active: '/root/c' },
  },
  {
    name: 'a tab nano opened from the terminal, renamed, gives the program nothing back',
    state: { tabs: [{ ...tab('/root/a', 'x\n', '', 4), keys: 'nano' }], active: '/root/a' },
    action: { type: 'renamed', path: '/root/a', to: '/root/b', content: 'x\n' },
    expected: { tabs: [{ ...tab('/root/b', 'x\n', 'x\n', 4, 2), keys: 'nano', renamed: true }], active: '/root/b' },
  },
];

describe('tabsReducer', () => {
  it.each(cases)('$name', ({ state, action, expected }) => {
    expect(tabsReducer(state, action)).toEqual(expected);
  });
});

describe('draftsOf', () => {
  it('keeps the unsaved text of the tabs no program waits on', () => {
    const state = { tabs: [tab('/root/a', 'typed', 'file'), tab('/root/b'), tab('/root/notes', 'vi text', '', 2)], active: '/root/a' };
    expect(draftsOf(state)).toEqual({ '/root/a': 'typed' });
  });
});

describe('isDirty and languageOf', () => {
  it('marks a tab dirty only while its text differs from what was saved', () => {
    expect([isDirty(tab('/a', 'x', 'x')), isDirty(tab('/a', 'y', 'x'))]).toEqual([false, true]);
  });
  it.each([
    ['/root/deploy.yaml', 'yaml'],
    ['/tmp/kubectl-edit-1234567890.yaml', 'yaml'],
    ['/root/pod.YML', 'yaml'],
    ['/root/run.sh', 'shell'],
    ['/root/notes.txt', 'plaintext'],
  ])('picks the language of %s: %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });
});

describe('withFinalNewline', () => {
  it.each([
    { name: 'adds the newline nano writes', text: 'a\nb', expected: 'a\nb\n' },
    { name: 'keeps one already there', text: 'a\n', expected: 'a\n' },
    { name: 'leaves an empty buffer empty', text: '', expected: '' },
  ])('$name', ({ text, expected }) => expect(withFinalNewline(text)).toBe(expected));
});
