import { useEffect, useRef, useState } from 'react';
import { monaco } from './monaco-setup.ts';
import { languageOf, type EditorKeymap, type EditorTab } from './editor-tabs.ts';
import { NanoBar, NanoTitle } from './nano-bar.tsx';
import { askedOptions, unknownOptionError, vimSettings } from './vimrc.ts';
import { allOptionsListing, changedOptionsListing } from './option-listing.ts';

/**
 * What the learner asked for: Ctrl-S, or one of vim's `:w`, `:q`, `:q!`, `:wq`, `:x`/`ZZ` (`exit`:
 * writes only a changed buffer), or nano's write and exit.
 */
export type EditorCommand = 'save' | 'write' | 'quit' | 'forceQuit' | 'writeQuit' | 'exit';

export interface MonacoViewProps {
  tabs: readonly EditorTab[];
  active: string | undefined;
  /** The keys the active tab is edited with. */
  keys: EditorKeymap;
  /** The text of `~/.vimrc`, undefined when there is none: vim's settings come from it. */
  vimrc: string | undefined;
  /** The pane's last message, which nano shows on its status line. */
  message: string;
  onChange(path: string, text: string): void;
  /**
   * `text` is the active buffer as the command saw it. Returns a message for vim's status line
   * (e.g. E37 for `:q` on unsaved changes).
   */
  onCommand(command: EditorCommand, text: string): string | undefined;
  /** nano wrote the buffer under the name typed at its prompt (closing it after when `exitAfter`). */
  onWriteAs(name: string, text: string, exitAfter: boolean): void;
  /** Whether a name typed at nano's prompt is a file already (nano then asks to overwrite it). */
  fileExists(name: string): boolean;
  /** The schema and syntax problems of the active file, as `line:column message`. */
  onProblems(problems: string[]): void;
}

interface VimAdapter {
  dispose(): void;
  openNotification(text: string): void;
}

type ExHandler = (command: EditorCommand) => string | undefined;
/** A typed `:set …` or `:syntax …` line; returns what vim shows for it (`  tabstop=2` for `:set ts?`). */
type SettingHandler = (line: string) => string | undefined;
/** monaco-vim's ex commands are global; they act on the one mounted view. */
let exHandler: ExHandler | undefined;
let settingHandler: SettingHandler | undefined;
let exCommandsDefined = false;

async function loadVim(): Promise<typeof import('monaco-vim')> {
  const vim = await import('monaco-vim');
  if (!exCommandsDefined) {
    exCommandsDefined = true;
    const api = (
      vim.VimMode as unknown as {
        Vim: { defineEx(name: string, prefix: string, run: (cm: VimAdapter, params: { argString?: string }) => void): void; map(lhs: string, rhs: string, context: string): void };
      }
    ).Vim;
    const define = (name: string, prefix: string, command: (bang: boolean) => EditorCommand) =>
      api.defineEx(name, prefix, (cm, params) => {
        const message = exHandler?.(command(params.argString?.trim() === '!'));
        if (message) cm.openNotification(message);
      });
    define('write', 'w', () => 'write');
    define('quit', 'q', (bang) => (bang ? 'forceQuit' : 'quit'));
    define('wq', 'wq', () => 'writeQuit');
    define('xit', 'x', () => 'exit');
    // keymap_vim's :set knows a few options of its own and says "Unknown option" to `nu` or `paste`:
    // these take the vimrc's options instead, applied to the file being edited.
    const defineSetting = (name: string, prefix: string) =>
      api.defineEx(name, prefix, (cm, params) => {
        const message = settingHandler?.(`${name} ${params.argString?.trim() ?? ''}`);
        if (message) cm.openNotification(message);
      });
    defineSetting('set', 'se');
    defineSetting('setlocal', 'setl');
    defineSetting('setglobal', 'setg');
    defineSetting('syntax', 'sy');
    // keymap_vim has no Z commands; vim's ZZ is :x and ZQ is :q!.
    api.map('ZZ', ':x', 'normal');
    api.map('ZQ', ':q!', 'normal');
  }
  return vim;
}

/** `:set` without arguments or `:set all`, for the editor's window as vim's terminal. */
function optionListing(editor: monaco.editor.IStandaloneCodeEditor, vimrc: string | undefined, isYaml: boolean, typed: readonly string[], all: boolean): string {
  const layout = editor.getLayoutInfo();
  const charWidth = editor.getOption(monaco.editor.EditorOption.fontInfo).typicalHalfwidthCharacterWidth;
  const settings = vimSettings(vimrc, isYaml, typed);
  // Without a ~/.vimrc vim's own autoindent stays off (indentexpr indents, which the editor's autoindent stands in for).
  const autoindent = vimrc === undefined ? vimSettings('', isYaml, typed).autoindent : settings.autoindent;
  return (all ? allOptionsListing : changedOptionsListing)({
    hasVimrc: vimrc !== undefined,
    isYaml,
    settings: { ...settings, autoindent },
    columns: Math.floor(layout.contentWidth / charWidth),
    windowLines: Math.floor(layout.height / editor.getOption(monaco.editor.EditorOption.lineHeight)),
  }).join('\n');
}

/**
 * Under vim's and nano's keys the schema's completion comes when asked (Ctrl+Space), never by
 * itself: a list popping up while typing would take the Enter that ends a line.
 */
const ASKED_COMPLETION = { quickSuggestions: false, suggestOnTriggerCharacters: false } as const;

/** How Enter indents, tabs are typed and lines are numbered under each keymap. */
function applyKeymapSettings(editor: monaco.editor.IStandaloneCodeEditor, keys: EditorKeymap, vimrc: string | undefined, typed: readonly string[]): void {
  const model = editor.getModel();
  if (!model) return;
  editor.getDomNode()?.classList.remove('without-syntax');
  if (keys === 'vim') {
    const vim = vimSettings(vimrc, languageOf(model.uri.path) === 'yaml', typed);
    model.updateOptions({ tabSize: vim.tabstop, indentSize: vim.shiftwidth, insertSpaces: vim.expandtab });
    // 'keep' is vim's autoindent: the previous line's indentation, never a level more after `key:`.
    editor.updateOptions({ lineNumbers: vim.number ? 'on' : 'off', autoIndent: vim.autoindent && !vim.paste ? 'keep' : 'none', ...ASKED_COMPLETION });
    if (!vim.syntax) editor.getDomNode()?.classList.add('without-syntax');
  } else if (keys === 'nano') {
    // nano without a nanorc: hard tabs 8 wide, no autoindent, no line numbers.
    model.updateOptions({ tabSize: 8, indentSize: 8, insertSpaces: false });
    editor.updateOptions({ lineNumbers: 'off', autoIndent: 'none', ...ASKED_COMPLETION });
  } else {
    model.updateOptions({ tabSize: 2, indentSize: 2, insertSpaces: true });
    editor.updateOptions({ lineNumbers: 'on', autoIndent: 'keep', quickSuggestions: { other: 'on', comments: 'off', strings: 'off' }, suggestOnTriggerCharacters: true });
  }
}

function problemsOf(model: monaco.editor.ITextModel): string[] {
  return monaco.editor
    .getModelMarkers({ resource: model.uri })
    .sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn)
    .map((m) => `${m.startLineNumber}:${m.startColumn} ${m.message}`);
}

/** The name nano shows: as typed at the prompt for a file in the home directory, else the whole path. */
const nanoNameOf = (path: string) => (path.startsWith('/root/') ? path.slice('/root/'.length) : path);

/** One Monaco editor; one model per open tab, swapped in when its tab is active. */
export default function MonacoView(props: MonacoViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const statusNode = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  /** The editor once created, for the nano bar. */
  const [mounted, setMounted] = useState<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const models = useRef(new Map<string, { model: monaco.editor.ITextModel; loads: number; view: monaco.editor.ICodeEditorViewState | null }>());
  const latest = useRef(props);
  latest.current = props;
  /** Set while the view writes a tab's text into its model, which is not the learner typing. */
  const applyingTabText = useRef(false);
  /** The `:set` and `:syntax` lines typed in vim, per open file: they last until the file is closed, as in vim. */
  const typedSettings = useRef(new Map<string, string[]>());
  const [settingsTyped, setSettingsTyped] = useState(0);

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      theme: 'vs-dark',
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      autoIndent: 'keep',
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    setMounted(editor);
    const run = (command: EditorCommand) => {
      const model = editor.getModel();
      return model ? latest.current.onCommand(command, model.getValue()) : undefined;
    };
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void run('save'));
    exHandler = run;
    settingHandler = (line) => {
      const path = editor.getModel()?.uri.path;
      if (path === undefined) return undefined;
      const typed = [...(typedSettings.current.get(path) ?? []), line];
      typedSettings.current.set(path, typed);
      setSettingsTyped((n) => n + 1);
      const { vimrc } = latest.current;
      const argString = line.slice(line.indexOf(' ') + 1);
      const isYaml = languageOf(path) === 'yaml';
      if (line.startsWith('syntax')) return undefined;
      if (argString.trim() === '' || argString.trim() === 'all') return optionListing(editor, vimrc, isYaml, typed, argString.trim() === 'all');
      return unknownOptionError(argString) ?? askedOptions(vimSettings(vimrc, isYaml, typed), argString);
    };
    const reportProblems = () => {
      const model = editor.getModel();
      latest.current.onProblems(model ? problemsOf(model) : []);
    };
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      const model = editor.getModel();
      if (model && uris.some((uri) => uri.toString() === model.uri.toString())) reportProblems();
    });
    const modelChange = editor.onDidChangeModel(reportProblems);
    // Lets the browser tests read markers and drive the editor without scraping the DOM.
    Object.assign(globalThis, { __monaco: monaco, __editor: editor });
    const open = models.current;
    return () => {
      markers.dispose();
      modelChange.dispose();
      exHandler = undefined;
      settingHandler = undefined;
      editor.dispose();
      for (const { model } of open.values()) model.dispose();
      open.clear();
      editorRef.current = undefined;
      setMounted(undefined);
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const open = models.current;
    const wanted = new Set(props.tabs.map((t) => t.path));
    for (const [path, entry] of open) {
      if (wanted.has(path)) continue;
      if (editor.getModel() === entry.model) editor.setModel(null);
      entry.model.dispose();
      open.delete(path);
      typedSettings.current.delete(path);
    }
    for (const tab of props.tabs) {
      const entry = open.get(tab.path);
      if (!entry) {
        const model = monaco.editor.createModel(tab.text, languageOf(tab.path), monaco.Uri.file(tab.path));
        model.onDidChangeContent(() => {
          if (!applyingTabText.current) latest.current.onChange(tab.path, model.getValue());
        });
        open.set(tab.path, { model, loads: tab.loads, view: null });
      } else if (entry.loads !== tab.loads) {
        entry.loads = tab.loads;
        // pushEditOperations keeps undo history, unlike setValue.
        // Not reported back as an edit: by the time this effect runs, a newer text (a file reloaded
        // after Reset lab) may already be queued, and the echo would overwrite it.
        applyingTabText.current = true;
        try {
          if (entry.model.getValue() !== tab.text) entry.model.pushEditOperations([], [{ range: entry.model.getFullModelRange(), text: tab.text }], () => null);
        } finally {
          applyingTabText.current = false;
        }
      }
    }
    const target = props.active ? open.get(props.active) : undefined;
    const current = editor.getModel();
    if (target && target.model !== current) {
      const previous = [...open.values()].find((e) => e.model === current);
      if (previous) previous.view = editor.saveViewState();
      editor.setModel(target.model);
      if (target.view) editor.restoreViewState(target.view);
      editor.focus();
    }
  });

  useEffect(() => {
    const editor = editorRef.current;
    if (editor) applyKeymapSettings(editor, props.keys, props.vimrc, typedSettings.current.get(props.active ?? '') ?? []);
  }, [props.keys, props.vimrc, props.active, settingsTyped]);

  const vim = props.keys === 'vim';
  useEffect(() => {
    const editor = editorRef.current;
    if (!vim || !editor || !statusNode.current) return;
    let adapter: VimAdapter | undefined;
    let cancelled = false;
    const node = statusNode.current;
    void loadVim().then(({ initVimMode }) => {
      if (!cancelled) adapter = initVimMode(editor, node) as unknown as VimAdapter;
    });
    // keymap_vim maps <C-Space> to W in every mode; the schema's completion keeps Ctrl+Space.
    const domNode = editor.getDomNode();
    const completeOnCtrlSpace = (e: KeyboardEvent) => {
      if (!e.ctrlKey || e.code !== 'Space' || e.altKey || e.shiftKey || e.metaKey) return;
      e.preventDefault();
      e.stopPropagation();
      editor.trigger('vim', 'editor.action.triggerSuggest', {});
    };
    domNode?.addEventListener('keydown', completeOnCtrlSpace, true);
    return () => {
      domNode?.removeEventListener('keydown', completeOnCtrlSpace, true);
      cancelled = true;
      adapter?.dispose();
      node.replaceChildren();
    };
  }, [vim]);

  const activeTab = props.tabs.find((t) => t.path === props.active);
  const nanoName = activeTab ? nanoNameOf(activeTab.path) : '';
  const modified = activeTab !== undefined && activeTab.text !== activeTab.saved;
  const nano = props.keys === 'nano' && mounted && activeTab;
  return (
    <div className={nano ? 'monaco-view nano' : 'monaco-view'}>
      {nano && <NanoTitle name={nanoName} modified={modified} />}
      <div className="monaco-host" ref={host} />
      <div className="vim-status" data-testid="editor-vim-status" ref={statusNode} hidden={!vim} />
      {nano && (
        <NanoBar
          key={activeTab.path}
          editor={mounted}
          name={nanoName}
          saved={activeTab.saved}
          message={props.message}
          onCommand={props.onCommand}
          onWriteAs={props.onWriteAs}
          fileExists={props.fileExists}
        />
      )}
    </div>
  );
}
