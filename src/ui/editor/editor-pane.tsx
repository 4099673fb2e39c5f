import { lazy, Suspense, useEffect, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { draftsOf, isDirty, isObjectEdit, tabsReducer, withFinalNewline, type EditorKeymap, type EditorTab } from './editor-tabs.ts';
import { LoadFailureBoundary } from './load-failure-boundary.tsx';
import { loadMonacoView, useMonacoPreload } from './monaco-preload.ts';
import type { EditorCommand } from './monaco-view.tsx';
import { nanoPathOf, wroteMessage } from './nano-text.ts';
import { keepTabs, keptTabs, rememberedKeys, rememberKeys, tabsKey } from './editor-memory.ts';
import { baseName, E37, writtenMessage } from './vim-messages.ts';
import { EditorTabStrip } from './editor-tab-strip.tsx';
import { FileList } from './file-list.tsx';
import './editor-pane.css';

const MonacoView = lazy(loadMonacoView);

const HOME = '/root';
const VIMRC = `${HOME}/.vimrc`;
/** Typing pauses this long before the unsaved text is kept: one save per pause, not per key. */
const DRAFT_SAVE_DELAY_MS = 300;

/** `copy`: a file written on the learner's behalf, which no tab shows (the text of a lost `kubectl edit`). */
/** `restore`: a tab reopened from the last visit, skipped quietly when its file is gone. */
/** `vimrc`: the text of ~/.vimrc, which vim's tabs are set up from. */
type Pending = { kind: 'open' | 'reload' | 'restore' | 'vimrc' } | { kind: 'write'; content: string; close: boolean } | { kind: 'copy'; content: string };

const isHidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));

/** Hands the keyboard back to the terminal once the program it waits on can go on. */
function focusTerminal(): void {
  document.querySelector<HTMLElement>('[data-testid=terminal] textarea')?.focus();
}

/**
 * The learner's files in tabs, edited in Monaco (loaded lazily). Tabs come from the file list of
 * /root or from a program in the terminal: `vi FILE` and `kubectl edit` wait until their tab is
 * saved and returned, or closed.
 */
export function EditorPane({ client }: { client: WorkerClient }) {
  const [state, dispatch] = useReducer(tabsReducer, { tabs: [] });
  const [files, setFiles] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [listKeys, setListKeys] = useState(rememberedKeys);
  const listKeysRef = useRef(listKeys);
  listKeysRef.current = listKeys;
  const [vimrc, setVimrc] = useState<string | undefined>(undefined);
  const [showFiles, setShowFiles] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const pending = useRef(new Map<number, Pending & { path: string }>());
  const listId = useRef(0);
  /** Where the open tabs are kept; set once the first session is ready and its tabs are reopened. */
  const keptTabsKey = useRef<string | undefined>(undefined);
  /** Unsaved text kept from the last visit whose tab is not open yet; still kept meanwhile. */
  const restoredDrafts = useRef<Record<string, string>>({});
  /** The unsaved text as last sent to be kept, so a pause with no change sends nothing. */
  const sentDrafts = useRef('{}');
  /** Between a worker restart and the new session: what to write there once it is ready. */
  const afterRestart = useRef<{ path: string; content: string }[] | undefined>(undefined);

  const request = (path: string, what: Pending) => {
    const id = client.nextId();
    pending.current.set(id, { ...what, path });
    if (what.kind === 'write' || what.kind === 'copy') client.send({ type: 'fs.write', id, path, content: what.content });
    else client.send({ type: 'fs.read', id, path });
  };

  /** A hung worker never answered what it was sent: the new one is asked again, once it is ready. */
  const askAgain = () => {
    const unanswered = [...pending.current.values()];
    pending.current.clear();
    for (const { path, ...what } of unanswered) request(path, what);
    for (const copy of afterRestart.current ?? []) request(copy.path, { kind: 'copy', content: copy.content });
    afterRestart.current = undefined;
  };

  /** The tabs a program waited on when the worker was restarted: that command is not run again. */
  const onRestart = () => {
    const waited = stateRef.current.tabs.filter((t) => t.editId !== undefined);
    const lostEdits = waited.filter(isObjectEdit);
    afterRestart.current = [...(afterRestart.current ?? []), ...lostEdits.map((t) => ({ path: t.path, content: t.text }))];
    dispatch({ type: 'restarted' });
    const vi = waited.find((t) => !isObjectEdit(t));
    if (lostEdits[0]) setMessage(`kubectl edit ended with the restart and applied nothing; your text is in ${lostEdits[0].path}`);
    else if (vi) setMessage(`vi ended with the restart; saving now writes ${baseName(vi.path)} directly`);
  };

  /** `discarded`: the unsaved text was just dropped (Reset lab), so every tab follows its file again. */
  const refresh = (discarded = false) => {
    listId.current = client.nextId();
    client.send({ type: 'fs.list', id: listId.current, dir: HOME });
    request(VIMRC, { kind: 'vimrc' });
    for (const tab of stateRef.current.tabs) if (tab.editId === undefined && (discarded || !isDirty(tab))) request(tab.path, { kind: 'reload' });
  };

  useMonacoPreload(client);

  useEffect(
    () =>
      client.subscribe((m) => {
        switch (m.type) {
          case 'editor.open':
            setMessage('');
            dispatch({ type: 'open', path: m.path, content: m.content, editId: m.id, keys: m.keys });
            break;
          case 'fs.list':
            if (m.id === listId.current) setFiles(m.paths.filter((p) => !isHidden(p.slice(HOME.length + 1))));
            break;
          case 'fs.content': {
            const asked = pending.current.get(m.id);
            pending.current.delete(m.id);
            if (!asked || asked.kind === 'write' || asked.kind === 'copy') break;
            if (asked.kind === 'vimrc') {
              setVimrc(m.content);
              break;
            }
            if (asked.kind === 'restore') {
              const draft = restoredDrafts.current[m.path];
              delete restoredDrafts.current[m.path];
              // Unsaved text of a file removed since is kept as text for a new file, as vim keeps its buffer.
              if (m.content !== undefined || draft !== undefined) dispatch({ type: 'open', path: m.path, content: m.content ?? '', keys: listKeysRef.current });
              if (draft !== undefined) dispatch({ type: 'draft', path: m.path, text: draft });
              break;
            }
            if (m.content !== undefined && asked.kind === 'open') dispatch({ type: 'open', path: m.path, content: m.content, keys: listKeysRef.current });
            else if (m.content !== undefined) dispatch({ type: 'reloaded', path: m.path, content: m.content });
            else if (asked.kind === 'open') setMessage(`"${m.path}": ${m.error ?? 'cannot be read'}`);
            // A clean tab whose file is gone (rm, Reset lab) has nothing left to show.
            else dispatch({ type: 'close', path: m.path });
            break;
          }
          case 'fs.written': {
            const asked = pending.current.get(m.id);
            pending.current.delete(m.id);
            if (!asked || asked.kind !== 'write') break;
            if (m.error) {
              setMessage(`E212: Can't open file for writing: ${m.error}`);
              break;
            }
            dispatch({ type: 'saved', path: m.path, content: asked.content });
            const written = stateRef.current.tabs.find((t) => t.path === m.path);
            setMessage(written?.keys === 'nano' ? wroteMessage(asked.content) : writtenMessage(m.path, asked.content));
            // A tab nano renamed still has its program waiting: it gets nothing back, its own file untouched.
            if (asked.close && written?.editId !== undefined) returnToTerminal(written);
            else if (asked.close) dispatch({ type: 'close', path: m.path });
            refresh();
            break;
          }
          case 'shell.done':
            refresh();
            break;
          case 'session.restarted':
            onRestart();
            break;
          case 'session.ready': {
            const first = keptTabsKey.current === undefined;
            // Drafts come with a session that read the save (a reload, Reset lab), not with a restart.
            const discarded = !first && m.drafts !== undefined;
            if (first) {
              keptTabsKey.current = tabsKey(m.lab?.id);
              restoredDrafts.current = { ...m.drafts };
              sentDrafts.current = JSON.stringify(restoredDrafts.current);
              const kept = keptTabs(keptTabsKey.current);
              for (const path of [...Object.keys(restoredDrafts.current).filter((p) => !kept.includes(p)), ...kept]) request(path, { kind: 'restore' });
            } else if (discarded) {
              restoredDrafts.current = {};
              dispatch({ type: 'discard' });
            }
            dispatch({ type: 'session' });
            if (afterRestart.current) askAgain();
            refresh(discarded);
            break;
          }
        }
      }),
    [client],
  );

  useEffect(() => {
    if (keptTabsKey.current === undefined) return;
    // A tab a program waits on (`vi`, `kubectl edit`) ends with the page: its command is not rerun.
    keepTabs(
      keptTabsKey.current,
      state.tabs.filter((t) => t.editId === undefined).map((t) => t.path),
      state.active,
    );
  }, [state]);

  useEffect(() => {
    if (keptTabsKey.current === undefined) return;
    const drafts = JSON.stringify({ ...restoredDrafts.current, ...draftsOf(state) });
    if (drafts === sentDrafts.current) return;
    const send = () => {
      sentDrafts.current = drafts;
      client.send({ type: 'editor.drafts', drafts: JSON.parse(drafts) as Record<string, string> });
    };
    const timer = window.setTimeout(send, DRAFT_SAVE_DELAY_MS);
    // A reload within the pause still keeps the last keys typed.
    window.addEventListener('pagehide', send);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', send);
    };
  }, [client, state]);

  const active = state.tabs.find((t) => t.path === state.active);

  const openFile = (path: string) => {
    if (stateRef.current.tabs.some((t) => t.path === path)) dispatch({ type: 'activate', path });
    else request(path, { kind: 'open' });
  };

  /** Ends a terminal program's edit: with content it was saved, without it the file stays as it is on disk. */
  const returnToTerminal = (tab: EditorTab, content?: string) => {
    client.send({ type: 'editor.done', id: tab.editId!, ...(content !== undefined ? { content } : {}) });
    dispatch({ type: 'close', path: tab.path });
    setMessage('');
    focusTerminal();
  };

  const closeTab = (tab: EditorTab) => {
    if (tab.editId !== undefined) returnToTerminal(tab);
    else dispatch({ type: 'close', path: tab.path });
  };

  const askToClose = (tab: EditorTab) => {
    if (isDirty(tab) && !window.confirm(`${tab.path} has unsaved changes. Close it and lose them?`)) return;
    closeTab(tab);
  };

  const runCommand = (command: EditorCommand, typed: string): string | undefined => {
    const tab = stateRef.current.tabs.find((t) => t.path === stateRef.current.active);
    if (!tab) return undefined;
    const writes = command === 'save' || command === 'write' || command === 'writeQuit' || (command === 'exit' && typed !== tab.saved);
    const text = tab.keys === 'vim' && writes ? withFinalNewline(typed) : typed;
    // The buffer gains the newline written, so it stays equal to the file.
    if (text !== typed) dispatch({ type: 'draft', path: tab.path, text });
    switch (command) {
      case 'save':
        if (tab.editId !== undefined && !tab.renamed) returnToTerminal(tab, text);
        else request(tab.path, { kind: 'write', content: text, close: false });
        return undefined;
      case 'write':
        // A second write with the same message still shows it anew.
        setMessage('');
        request(tab.path, { kind: 'write', content: text, close: false });
        return undefined;
      case 'quit':
        if (text !== tab.saved) return E37;
        closeTab(tab);
        return undefined;
      case 'forceQuit':
        closeTab(tab);
        return undefined;
      case 'exit':
        // vim's :x and ZZ write only a changed buffer: an untouched new file is not created.
        if (text === tab.saved) {
          closeTab(tab);
          return undefined;
        }
        return runCommand('writeQuit', text);
      case 'writeQuit':
        if (tab.editId !== undefined && !tab.renamed) returnToTerminal(tab, text);
        else {
          setMessage('');
          request(tab.path, { kind: 'write', content: text, close: true });
        }
        return undefined;
    }
  };

  /** nano's Write Out under another name: the tab becomes that file (see tabsReducer's 'renamed'). */
  const writeAs = (name: string, text: string, exitAfter: boolean) => {
    const tab = stateRef.current.tabs.find((t) => t.path === stateRef.current.active);
    if (!tab) return;
    const to = nanoPathOf(name, HOME);
    dispatch({ type: 'renamed', path: tab.path, to, content: text });
    setMessage('');
    request(to, { kind: 'write', content: text, close: exitAfter });
  };

  /** The learner's choice of keys applies to the active tab and to the files opened from the list from now on. */
  const toggleKeys = (keys: 'vim' | 'nano') => {
    if (!active) return;
    const chosen: EditorKeymap = active.keys === keys ? 'plain' : keys;
    dispatch({ type: 'keys', path: active.path, keys: chosen });
    setListKeys(chosen);
    rememberKeys(chosen);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's' && !e.defaultPrevented && active) {
      e.preventDefault();
      runCommand('save', active.text);
    }
  };

  const rail = (
    <div className="editor-rail">
      <button data-testid="editor-files-toggle" aria-pressed={showFiles} className={showFiles ? 'on' : ''} title={`the files in ${HOME}`} onClick={() => setShowFiles(!showFiles)}>
        Files
      </button>
    </div>
  );

  const fileList = showFiles && <FileList home={HOME} files={files} active={state.active} onOpen={openFile} />;

  if (!active) {
    return (
      <div className={showFiles ? 'editor-pane collapsed with-files' : 'editor-pane collapsed'} data-testid="editor" onKeyDown={onKeyDown}>
        {rail}
        <div className="editor-side">
          {fileList}
          {message && (
            <div className="editor-message" data-testid="editor-message">
              {message}
            </div>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="editor-pane" data-testid="editor" onKeyDown={onKeyDown}>
      {rail}
      {fileList}
      <div className="editor-main">
        <EditorTabStrip tabs={state.tabs} active={active} onActivate={(path) => dispatch({ type: 'activate', path })} onClose={askToClose} />
        <div className="editor-bar">
          <button data-testid="editor-save" title="Ctrl-S" onClick={() => runCommand('save', active.text)}>
            {active.editId !== undefined ? 'Save and return' : 'Save'}
          </button>
          {active.editId !== undefined && <span className="editor-waiting">the terminal waits for this file</span>}
          <button
            data-testid="editor-vim-toggle"
            aria-pressed={active.keys === 'vim'}
            className={active.keys === 'vim' ? 'on' : ''}
            onClick={() => toggleKeys('vim')}
            title="vim keys (:w saves, :q closes)"
          >
            vim
          </button>
          <button
            data-testid="editor-nano-toggle"
            aria-pressed={active.keys === 'nano'}
            className={active.keys === 'nano' ? 'on' : ''}
            onClick={() => toggleKeys('nano')}
            title="nano keys (Ctrl+O writes, Ctrl+X exits)"
          >
            nano
          </button>
          <span className="editor-problems" data-testid="editor-problems" title={problems.join('\n')}>
            {problems.length === 0 ? '' : `⚠ ${problems.length} problem${problems.length === 1 ? '' : 's'}`}
          </span>
          <span className="editor-message" data-testid="editor-message">
            {message}
          </span>
        </div>
        <LoadFailureBoundary
          fallback={
            <textarea className="editor-fallback" spellCheck={false} value={active.text} onChange={(e) => dispatch({ type: 'edit', path: active.path, text: e.target.value })} />
          }
        >
          <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
            <MonacoView
              tabs={state.tabs}
              active={state.active}
              keys={active.keys ?? 'plain'}
              vimrc={vimrc}
              message={message}
              onChange={(path, text) => dispatch({ type: 'edit', path, text })}
              onCommand={runCommand}
              onWriteAs={writeAs}
              fileExists={(name) => files.includes(nanoPathOf(name, HOME))}
              onProblems={setProblems}
            />
          </Suspense>
        </LoadFailureBoundary>
      </div>
    </div>
  );
}
