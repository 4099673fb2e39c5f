import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { monaco } from './monaco-setup.ts';
import type { EditorCommand } from './monaco-view.tsx';
import { withFinalNewline } from './editor-tabs.ts';
import { findNext } from './nano-text.ts';

/**
 * The question nano asks on its prompt line. A name other than the buffer's at "File Name to
 * Write:" asks "Save file under DIFFERENT NAME?", then whether to overwrite a file of that name
 * (files.c write_it_out()).
 */
type Prompt =
  | { kind: 'write'; exitAfter: boolean }
  | { kind: 'saveModified' }
  | { kind: 'search' }
  | { kind: 'differentName'; to: string; exitAfter: boolean }
  | { kind: 'overwrite'; to: string; exitAfter: boolean };

export interface NanoBarProps {
  editor: monaco.editor.IStandaloneCodeEditor;
  /** The name nano was given, shown in its title and write prompt. */
  name: string;
  /** The text last saved: the buffer is modified when the editor's text differs from it. */
  saved: string;
  /** The pane's last word on a write (`[ Wrote 3 lines ]`) or its failure. */
  message: string;
  onCommand(command: EditorCommand, text: string): string | undefined;
  onWriteAs(name: string, text: string, exitAfter: boolean): void;
  fileExists(name: string): boolean;
}

/** The shortcuts nano 6 lists at the bottom, limited to those this editor does. */
const EDIT_HELP = [
  ['^O', 'Write Out'],
  ['^W', 'Where Is'],
  ['^K', 'Cut'],
  ['M-U', 'Undo'],
  ['^X', 'Exit'],
  ['^S', 'Save'],
  ['^U', 'Paste'],
  ['M-E', 'Redo'],
];
const PROMPT_HELP = [['^C', 'Cancel']];
const YES_NO_HELP = [
  [' Y', 'Yes'],
  [' N', 'No'],
  ['^C', 'Cancel'],
];

type NanoKey = 'write' | 'exit' | 'cut' | 'paste' | 'search' | 'save' | 'undo' | 'redo';

/** nano's own keys and its function-key equivalents (F2 exit, F3 write, F6 search, F9 cut, F10 paste). */
function nanoKeyOf(e: KeyboardEvent): NanoKey | undefined {
  const key = e.key.toLowerCase();
  if (e.ctrlKey && !e.altKey && !e.shiftKey && !e.metaKey) {
    const ctrl: Record<string, NanoKey> = { o: 'write', x: 'exit', k: 'cut', u: 'paste', w: 'search', s: 'save' };
    return ctrl[key];
  }
  if (e.altKey && !e.ctrlKey && !e.metaKey) return e.code === 'KeyU' ? 'undo' : e.code === 'KeyE' ? 'redo' : undefined;
  const functionKeys: Record<string, NanoKey> = { F2: 'exit', F3: 'write', F6: 'search', F9: 'cut', F10: 'paste' };
  return e.ctrlKey || e.altKey || e.metaKey ? undefined : functionKeys[e.key];
}

/**
 * nano's screen around Monaco: its title bar, status line, prompt and help lines, and its keys
 * (write out, exit with "Save modified buffer?", cut and paste whole lines, search). Monaco's own
 * bindings for those keys (Ctrl+X cut, Ctrl+K chords, Ctrl+U) never run while nano's keys are on.
 */
export function NanoBar({ editor, name, saved, message, onCommand, onWriteAs, fileExists }: NanoBarProps) {
  const [prompt, setPrompt] = useState<Prompt | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');
  /** The name typed at "File Name to Write:", which starts as the buffer's. */
  const [fileName, setFileName] = useState(name);
  const lastQuery = useRef('');
  const cut = useRef({ text: '', keepCutting: false });
  const promptRef = useRef<HTMLInputElement>(null);
  const savedRef = useRef(saved);
  savedRef.current = saved;

  useEffect(() => setStatus(message), [message]);
  useEffect(() => {
    const input = promptRef.current;
    if (!prompt || !input) return;
    input.focus();
    // nano's cursor starts after the name it offers.
    input.setSelectionRange(input.value.length, input.value.length);
  }, [prompt]);

  const model = () => editor.getModel();

  /** nano writes the buffer with a final newline, and shows it: the buffer gains it too. */
  const textToWrite = (): string => {
    const m = model();
    if (!m) return '';
    const text = m.getValue();
    const written = withFinalNewline(text);
    if (written !== text) {
      const end = m.getFullModelRange().getEndPosition();
      m.pushEditOperations(
        [],
        [{ range: { startLineNumber: end.lineNumber, startColumn: end.column, endLineNumber: end.lineNumber, endColumn: end.column }, text: '\n' }],
        () => null,
      );
    }
    return written;
  };

  const endPrompt = (statusText?: string) => {
    setPrompt(undefined);
    if (statusText !== undefined) setStatus(statusText);
    editor.focus();
  };

  const cutLine = () => {
    const m = model();
    const position = editor.getPosition();
    if (!m || !position) return;
    const line = position.lineNumber;
    const last = line === m.getLineCount();
    const lineText = m.getLineContent(line);
    // The last line of a buffer has no newline to cut; an empty one leaves nothing to cut.
    if (last && lineText === '') return;
    if (!cut.current.keepCutting) cut.current.text = '';
    cut.current.text += last ? `${lineText}\n` : m.getValueInRange({ startLineNumber: line, startColumn: 1, endLineNumber: line + 1, endColumn: 1 });
    const range = last
      ? { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: lineText.length + 1 }
      : { startLineNumber: line, startColumn: 1, endLineNumber: line + 1, endColumn: 1 };
    editor.executeEdits('nano', [{ range, text: '' }]);
    editor.setPosition({ lineNumber: line, column: 1 });
    cut.current.keepCutting = true;
  };

  const paste = () => {
    const position = editor.getPosition();
    if (!position || cut.current.text === '') return;
    const at = { startLineNumber: position.lineNumber, startColumn: position.column, endLineNumber: position.lineNumber, endColumn: position.column };
    editor.executeEdits('nano', [{ range: at, text: cut.current.text, forceMoveMarkers: true }]);
  };

  const write = (exitAfter: boolean) => {
    const text = textToWrite();
    const refused = onCommand(exitAfter ? 'writeQuit' : 'write', text);
    endPrompt(refused ?? '');
  };

  const askFileName = (exitAfter: boolean, typed = name) => {
    setFileName(typed);
    setPrompt({ kind: 'write', exitAfter });
  };

  const writeAs = (to: string, exitAfter: boolean) => {
    onWriteAs(to, textToWrite(), exitAfter);
    endPrompt();
  };

  const search = (asked: string) => {
    const term = asked || lastQuery.current;
    if (!term) return endPrompt('[ Cancelled ]');
    lastQuery.current = term;
    const m = model();
    const position = editor.getPosition();
    if (!m || !position) return endPrompt();
    const result = findNext(m.getValue(), m.getOffsetAt(position), term);
    if (result.found) {
      const at = m.getPositionAt(result.offset);
      editor.setPosition(at);
      editor.revealPositionInCenterIfOutsideViewport(at);
    }
    endPrompt(result.message ?? '');
  };

  useEffect(() => {
    const node = editor.getDomNode();
    if (!node) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const key = nanoKeyOf(e);
      if (key !== 'cut' && !['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) cut.current.keepCutting = false;
      if (!key) return;
      // Capturing on the editor's node runs before Monaco's own bindings for these keys.
      e.preventDefault();
      e.stopPropagation();
      setStatus('');
      const m = editor.getModel();
      switch (key) {
        case 'write':
          askFileName(false);
          break;
        case 'exit':
          // The model, not the pane's state: keys typed just before Ctrl+X may not have reached it yet.
          if ((m?.getValue() ?? '') !== savedRef.current) setPrompt({ kind: 'saveModified' });
          else onCommand('forceQuit', m?.getValue() ?? '');
          break;
        case 'save':
          write(false);
          break;
        case 'cut':
          cutLine();
          break;
        case 'paste':
          paste();
          break;
        case 'search':
          setQuery('');
          setPrompt({ kind: 'search' });
          break;
        case 'undo':
          editor.trigger('nano', 'undo', null);
          break;
        case 'redo':
          editor.trigger('nano', 'redo', null);
          break;
      }
    };
    node.addEventListener('keydown', onKeyDown, true);
    return () => node.removeEventListener('keydown', onKeyDown, true);
  });

  const onPromptKey = (e: ReactKeyboardEvent) => {
    if (!prompt) return;
    const key = e.key.toLowerCase();
    if ((e.ctrlKey && key === 'c') || e.key === 'Escape') {
      e.preventDefault();
      return endPrompt('[ Cancelled ]');
    }
    if (prompt.kind === 'differentName' || prompt.kind === 'overwrite') {
      e.preventDefault();
      if (key === 'y' && prompt.kind === 'differentName' && fileExists(prompt.to)) setPrompt({ ...prompt, kind: 'overwrite' });
      else if (key === 'y') writeAs(prompt.to, prompt.exitAfter);
      // No asks for the name again, as typed.
      else if (key === 'n') askFileName(prompt.exitAfter, prompt.to);
      return;
    }
    if (prompt.kind === 'saveModified') {
      e.preventDefault();
      if (key === 'y') askFileName(true);
      else if (key === 'n') {
        setPrompt(undefined);
        onCommand('forceQuit', model()?.getValue() ?? '');
      }
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (prompt.kind === 'write') {
      const typed = fileName.trim();
      if (typed === '') endPrompt('[ Cancelled ]');
      else if (typed === name) write(prompt.exitAfter);
      else setPrompt({ kind: 'differentName', to: typed, exitAfter: prompt.exitAfter });
    } else search(query);
  };

  const help = !prompt ? EDIT_HELP : prompt.kind === 'write' || prompt.kind === 'search' ? PROMPT_HELP : YES_NO_HELP;
  const question =
    prompt?.kind === 'saveModified'
      ? 'Save modified buffer?'
      : prompt?.kind === 'differentName'
        ? 'Save file under DIFFERENT NAME?'
        : prompt?.kind === 'overwrite'
          ? `File "${prompt.to}" exists; OVERWRITE?`
          : undefined;
  return (
    <div className="nano-bar" data-testid="nano-bar">
      <div className="nano-status" data-testid="nano-status" role="status">
        {status && !prompt && <span className="nano-inverse">{status}</span>}
      </div>
      {prompt && (
        <div className="nano-prompt nano-inverse" data-testid="nano-prompt">
          {question !== undefined ? (
            <>
              <span>{question} </span>
              <input ref={promptRef} className="nano-yes-no" aria-label={`${question} Y, N or Ctrl+C`} value="" readOnly onKeyDown={onPromptKey} />
            </>
          ) : prompt.kind === 'write' ? (
            <>
              <span>File Name to Write: </span>
              <input ref={promptRef} aria-label="File Name to Write" value={fileName} onChange={(e) => setFileName(e.target.value)} onKeyDown={onPromptKey} spellCheck={false} />
            </>
          ) : (
            <>
              <span>{lastQuery.current ? `Search [${lastQuery.current}]: ` : 'Search: '}</span>
              <input ref={promptRef} aria-label="Search" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onPromptKey} spellCheck={false} />
            </>
          )}
        </div>
      )}
      <div className="nano-help">
        {help.map(([key, label]) => (
          <span key={key} className="nano-shortcut">
            <span className="nano-inverse">{key}</span> {label}
          </span>
        ))}
      </div>
    </div>
  );
}

/** nano's title bar: its version, the file's name, and "Modified" once the buffer changed. */
export function NanoTitle({ name, modified }: { name: string; modified: boolean }) {
  return (
    <div className="nano-title nano-inverse" data-testid="nano-title">
      <span>GNU nano 6.2</span>
      <span>{name}</span>
      <span>{modified ? 'Modified' : ''}</span>
    </div>
  );
}
