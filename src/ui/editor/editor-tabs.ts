/**
 * The editor's open files. A tab holds the text last saved (or read) and the text being edited;
 * a tab with an `editId` was opened by a program in the terminal (`vi`, `kubectl edit`) that waits
 * for editor.done with that id.
 */
/** The keys a tab is edited with: vim's, nano's, or Monaco's own (`plain`). */
export type EditorKeymap = 'vim' | 'nano' | 'plain';

export interface EditorTab {
  path: string;
  saved: string;
  text: string;
  /** Counts the times the text came from outside the editor (opened, reloaded), so the view knows to replace its buffer. */
  loads: number;
  editId?: number;
  /** Absent: Monaco's own keys. */
  keys?: EditorKeymap;
  /** nano wrote it under another name: the program waiting on `editId` gets nothing back, the file it opened stays as it was. */
  renamed?: true;
}

export interface TabsState {
  tabs: EditorTab[];
  active?: string;
}

export type TabsAction =
  /** Opens `path` (or replaces the tab already showing it) and makes it the active tab. */
  | { type: 'open'; path: string; content: string; editId?: number; keys?: EditorKeymap }
  /** The learner chose other keys for this tab. */
  | { type: 'keys'; path: string; keys: EditorKeymap }
  | { type: 'edit'; path: string; text: string }
  /** `content` reached the file: it becomes what the tab is compared against. */
  | { type: 'saved'; path: string; content: string }
  /** The file changed behind the editor (a shell command): a clean tab follows it, a dirty one keeps its edits. */
  | { type: 'reloaded'; path: string; content: string }
  | { type: 'close'; path: string }
  /** nano's Write Out under another name: the tab becomes that file, with `content` written there. */
  | { type: 'renamed'; path: string; to: string; content: string }
  | { type: 'activate'; path: string }
  /** The text left unsaved in this tab before a reload: shown again, still unsaved. */
  | { type: 'draft'; path: string; text: string }
  /** Reset lab: the tabs no program waits on drop their unsaved text. */
  | { type: 'discard' }
  /** A new session: no program waits for the terminal's tabs any more. */
  | { type: 'session' }
  /**
   * The worker was restarted and the command waiting on a tab was not run again: a `vi` tab stays
   * as a tab of its own (saving writes the file), a `kubectl edit` tab closes (see isObjectEdit).
   */
  | { type: 'restarted' };

/** vim ('fixendofline') and nano (unless --nonewlines) end every non-empty file they write with a newline. */
export const withFinalNewline = (text: string): string => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

export const isDirty = (tab: EditorTab): boolean => tab.text !== tab.saved;

/** The temporary file `kubectl edit` opens: saving it means nothing without the command that applies it. */
export const isObjectEdit = (tab: EditorTab): boolean => tab.editId !== undefined && /^\/tmp\/kubectl-edit-\d+\.yaml$/.test(tab.path);

/** The unsaved text of the tabs no program waits on, by path: what a reload brings back. */
export function draftsOf(state: TabsState): Record<string, string> {
  return Object.fromEntries(state.tabs.filter((t) => t.editId === undefined && isDirty(t)).map((t) => [t.path, t.text]));
}

export function languageOf(path: string): 'yaml' | 'shell' | 'plaintext' {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.(sh|bash)$/i.test(path)) return 'shell';
  return 'plaintext';
}

function withoutTab(state: TabsState, path: string): TabsState {
  const index = state.tabs.findIndex((t) => t.path === path);
  if (index < 0) return state;
  const tabs = state.tabs.filter((t) => t.path !== path);
  if (state.active !== path) return { ...state, tabs };
  const next = tabs[Math.min(index, tabs.length - 1)];
  return next ? { tabs, active: next.path } : { tabs };
}

function mapTab(state: TabsState, path: string, change: (tab: EditorTab) => EditorTab): TabsState {
  if (!state.tabs.some((t) => t.path === path)) return state;
  return { ...state, tabs: state.tabs.map((t) => (t.path === path ? change(t) : t)) };
}

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'open': {
      const old = state.tabs.find((t) => t.path === action.path);
      const tab: EditorTab = {
        path: action.path,
        saved: action.content,
        text: action.content,
        loads: (old?.loads ?? 0) + 1,
        ...(action.editId !== undefined ? { editId: action.editId } : {}),
        ...(action.keys && action.keys !== 'plain' ? { keys: action.keys } : {}),
      };
      return { tabs: old ? state.tabs.map((t) => (t === old ? tab : t)) : [...state.tabs, tab], active: action.path };
    }
    case 'keys':
      return mapTab(state, action.path, ({ keys: _old, ...t }) => (action.keys === 'plain' ? t : { ...t, keys: action.keys }));
    case 'edit':
      return mapTab(state, action.path, (t) => ({ ...t, text: action.text }));
    case 'saved':
      return mapTab(state, action.path, (t) => ({ ...t, saved: action.content }));
    case 'reloaded':
      return mapTab(state, action.path, (t) => (isDirty(t) || t.saved === action.content ? t : { ...t, saved: action.content, text: action.content, loads: t.loads + 1 }));
    case 'draft':
      return mapTab(state, action.path, (t) => (t.text === action.text ? t : { ...t, text: action.text, loads: t.loads + 1 }));
    case 'discard':
      return { ...state, tabs: state.tabs.map((t) => (t.editId !== undefined || !isDirty(t) ? t : { ...t, text: t.saved, loads: t.loads + 1 })) };
    case 'close':
      return withoutTab(state, action.path);
    case 'renamed': {
      const tab = state.tabs.find((t) => t.path === action.path);
      if (!tab) return state;
      const others = withoutTab(state, action.to);
      const renamed: EditorTab = {
        ...tab,
        path: action.to,
        saved: action.content,
        text: action.content,
        loads: tab.loads + 1,
        ...(tab.editId !== undefined ? { renamed: true } : {}),
      };
      const tabs = others.tabs.map((t) => (t === tab ? renamed : t));
      return state.active === action.path ? { tabs, active: action.to } : { ...others, tabs };
    }
    case 'activate':
      return state.tabs.some((t) => t.path === action.path) ? { ...state, active: action.path } : state;
    case 'session':
      return state.tabs.filter((t) => t.editId !== undefined).reduce((s, t) => withoutTab(s, t.path), state);
    case 'restarted': {
      const kept = state.tabs.filter(isObjectEdit).reduce((s, t) => withoutTab(s, t.path), state);
      return { ...kept, tabs: kept.tabs.map(({ editId: _waited, ...t }) => t) };
    }
  }
}
