import { useEffect, useRef } from 'react';
import { monaco } from './monaco-setup.ts';
import { languageOf, type EditorTab } from './editor-tabs.ts';

/** What the learner asked for: Ctrl-S, or one of vim's `:w`, `:q`, `:q!`, `:wq`/`:x`. */
export type EditorCommand = 'save' | 'write' | 'quit' | 'forceQuit' | 'writeQuit';

export interface MonacoViewProps {
  tabs: readonly EditorTab[];
  active: string | undefined;
  vim: boolean;
  onChange(path: string, text: string): void;
  /**
   * `text` is the active buffer as the command saw it. Returns a message for vim's status line
   * (e.g. E37 for `:q` on unsaved changes).
   */
  onCommand(command: EditorCommand, text: string): string | undefined;
  /** The schema and syntax problems of the active file, as `line:column message`. */
  onProblems(problems: string[]): void;
}

interface VimAdapter {
  dispose(): void;
  openNotification(text: string): void;
}

type ExHandler = (command: EditorCommand) => string | undefined;
/** monaco-vim's ex commands are global; they act on the one mounted view. */
let exHandler: ExHandler | undefined;
let exCommandsDefined = false;

async function loadVim(): Promise<typeof import('monaco-vim')> {
  const vim = await import('monaco-vim');
  if (!exCommandsDefined) {
    exCommandsDefined = true;
    const api = (vim.VimMode as unknown as { Vim: { defineEx(name: string, prefix: string, run: (cm: VimAdapter, params: { argString?: string }) => void): void } }).Vim;
    const define = (name: string, prefix: string, command: (bang: boolean) => EditorCommand) =>
      api.defineEx(name, prefix, (cm, params) => {
        const message = exHandler?.(command(params.argString?.trim() === '!'));
        if (message) cm.openNotification(message);
      });
    define('write', 'w', () => 'write');
    define('quit', 'q', (bang) => (bang ? 'forceQuit' : 'quit'));
    define('wq', 'wq', () => 'writeQuit');
    define('xit', 'x', () => 'writeQuit');
  }
  return vim;
}

function problemsOf(model: monaco.editor.ITextModel): string[] {
  return monaco.editor
    .getModelMarkers({ resource: model.uri })
    .sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn)
    .map((m) => `${m.startLineNumber}:${m.startColumn} ${m.message}`);
}

/** One Monaco editor; one model per open tab, swapped in when its tab is active. */
export default function MonacoView(props: MonacoViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const statusNode = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const models = useRef(new Map<string, { model: monaco.editor.ITextModel; loads: number; view: monaco.editor.ICodeEditorViewState | null }>());
  const latest = useRef(props);
  latest.current = props;
  /** Set while the view writes a tab's text into its model, which is not the learner typing. */
  const applyingTabText = useRef(false);

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      theme: 'vs-dark',
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const run = (command: EditorCommand) => {
      const model = editor.getModel();
      return model ? latest.current.onCommand(command, model.getValue()) : undefined;
    };
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void run('save'));
    exHandler = run;
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
      editor.dispose();
      for (const { model } of open.values()) model.dispose();
      open.clear();
      editorRef.current = undefined;
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
    if (!props.vim || !editor || !statusNode.current) return;
    let adapter: VimAdapter | undefined;
    let cancelled = false;
    const node = statusNode.current;
    void loadVim().then(({ initVimMode }) => {
      if (!cancelled) adapter = initVimMode(editor, node) as unknown as VimAdapter;
    });
    return () => {
      cancelled = true;
      adapter?.dispose();
      node.replaceChildren();
    };
  }, [props.vim]);

  return (
    <div className="monaco-view">
      <div className="monaco-host" ref={host} />
      <div className="vim-status" data-testid="editor-vim-status" ref={statusNode} hidden={!props.vim} />
    </div>
  );
}
