import { useCallback, useEffect, useRef, useState } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { LineEditor } from './line-editor.ts';
import { restartNoticeEnd, restartNoticeStart } from './restart-notice.ts';
import { continuationEcho, splitTypedLines } from './typed-lines.ts';
import { clipboardKeyOf } from './clipboard-keys.ts';
import { TtyEcho } from './tty-echo.ts';
import { TerminalMenu } from './terminal-menu.tsx';

/** xterm parses one write at a time without yielding: big outputs go in slices so the page stays live. */
const WRITE_SLICE_CHARS = 4 * 1024;
/** A write longer than this pauses the screen reader's view of the terminal while it is drawn (see writeSliced). */
const BULK_WRITE_CHARS = 64 * 1024;
const CTRL_C = '\x03';
const CTRL_D = '\x04';

/** The learner's terminal: xterm over the worker's shell, with the exam's prompt. */
export function TerminalPane({ client }: { client: WorkerClient }) {
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | undefined>(undefined);
  const [menu, setMenu] = useState<{ x: number; y: number; selection: string } | undefined>(undefined);
  const closeMenu = useCallback(() => {
    setMenu(undefined);
    termRef.current?.focus();
  }, []);
  useEffect(() => {
    // Screen-reader mode is switched on at the first prompt (showPrompt): xterm measures every row
    // of its accessibility tree, a forced layout each, on every resize and font change of start-up.
    const term = new Terminal({ fontSize: 14, convertEol: true, cursorBlink: true, screenReaderMode: false });
    termRef.current = term;
    host.current!.classList.add('screen-reader-paused');
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    fit.fit();
    const onResize = () => fit.fit();
    window.addEventListener('resize', onResize);
    // The pane also changes size when the lab panel appears or goes.
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(host.current!);
    const editor = new LineEditor();
    const ttyEcho = new TtyEcho();
    // The exam's terminal: Ctrl+Shift+C copies the selection, Ctrl+Shift+V pastes; neither reaches the shell.
    term.attachCustomKeyEventHandler((e) => {
      const key = clipboardKeyOf(e);
      if (!key) return true;
      e.preventDefault();
      if (e.type !== 'keydown') return false;
      if (key === 'copy' && term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
      if (key === 'paste')
        void navigator.clipboard
          ?.readText()
          .then((text) => term.paste(text))
          .catch(() => undefined);
      return false;
    });
    // A right click, the menu key or Shift+F10 opens the terminal's Copy/Paste menu, not the browser's.
    const openMenu = (e: MouseEvent) => {
      e.preventDefault();
      // From the keyboard the menu opens at the cursor, where xterm keeps its input.
      const at = e.button === 2 ? { x: e.clientX, y: e.clientY } : cursorPoint(host.current);
      setMenu({ ...at, selection: term.getSelection() });
    };
    const pane = host.current!;
    pane.addEventListener('contextmenu', openMenu);
    // Keys typed while the page loads go to the terminal, kept until the first prompt.
    if (document.activeElement === document.body || document.activeElement === null) term.focus();
    /** What the terminal shows and keeps: a flood of echoed text is written from where these rows start. */
    const screenSize = () => ({ cols: term.cols, keptRows: term.rows + (term.options.scrollback ?? 0) });
    const fitEditor = () => {
      editor.columns = term.cols;
      editor.keptRows = screenSize().keptRows;
    };
    const reportSize = () => {
      client.send({ type: 'terminal.resize', columns: term.cols, rows: term.rows });
      // For the layout's journeys: the width in columns, as the shell sees it.
      host.current?.setAttribute('data-cols', String(term.cols));
    };
    fitEditor();
    reportSize();
    term.onResize(() => {
      fitEditor();
      reportSize();
    });
    let pending: string[] = [];
    let busy = true;
    /** The prompt shown is a program's reading the terminal (`cat`, a shell inside `kubectl exec -it`), not bash's. */
    let reading = false;
    /** A full-screen program (`less`) holds the keys: they go to it as typed, unechoed. */
    let raw = false;
    /** Keys for the program holding the terminal; Ctrl-C stays a signal, as in curses' cbreak mode. */
    const sendRawKeys = (data: string) =>
      data.split(CTRL_C).forEach((part, i) => {
        if (i > 0) client.send({ type: 'shell.interrupt' });
        if (part) client.send({ type: 'shell.keys', data: part });
      });
    let runningId = 0;
    let completionId = 0;
    let completionLine = '';
    let lastTab = false;
    /** Set from a restart until the new worker is ready: the command line the restart did not run again. */
    let restarted: { interrupted?: string } | undefined;
    let typeahead = '';
    /** Ctrl-C pressed after a line was entered and before the worker ran it or asked for the rest of it. */
    let ctrlCWhileBusy = false;
    /** Whole lines typed ahead go with the line: the worker takes those that complete it, all in one message. */
    const runLine = (line: string) => {
      runningId = client.nextId();
      const following = splitTypedLines(typeahead).lines;
      client.send({ type: 'shell.run', id: runningId, line, ...(following.length > 0 ? { following } : {}) });
    };
    let bulkWrites = 0;
    /**
     * Switching screen-reader mode off or on, xterm measures every row of its accessibility tree, a
     * forced layout each: with the tree hidden that costs little, and once the mode is back the
     * screen's next frame draws and measures its rows once.
     */
    const pauseScreenReader = () => {
      pane.classList.add('screen-reader-paused');
      term.options.screenReaderMode = false;
    };
    const resumeScreenReader = () => {
      term.options.screenReaderMode = true;
      requestAnimationFrame(() => {
        pane.classList.remove('screen-reader-paused');
        if (termRef.current === term) term.refresh(0, term.rows - 1);
      });
    };
    /**
     * Large echoes and outputs go in slices: xterm parses each write without yielding and updates its
     * scrollbar for every row that scrolls, so a slice is a few dozen rows. In screen-reader mode xterm
     * also announces every character printed and measures every row after each render, a forced
     * layout per row that cost ten times the drawing itself on a pasted line; a screen reader reads
     * only the last rows of such a flood, so that mode is paused from the first slice to the last.
     */
    const writeSliced = (text: string, onSlice?: (chars: number) => void) => {
      const bulk = text.length > BULK_WRITE_CHARS;
      if (bulk && bulkWrites++ === 0) {
        // xterm parses the first write after a key at once, in the key's task (a paste's): this empty
        // write takes that turn, so the pause and the slices wait for xterm's own write tasks.
        term.write('');
        term.write('', pauseScreenReader);
      }
      for (let i = 0; i < text.length; i += WRITE_SLICE_CHARS) {
        const slice = text.slice(i, i + WRITE_SLICE_CHARS);
        const last = i + WRITE_SLICE_CHARS >= text.length;
        term.write(slice, () => {
          onSlice?.(slice.length);
          if (bulk && last && --bulkWrites === 0) resumeScreenReader();
        });
      }
    };
    /** The worker took `count` typed-ahead lines into the command: shown at `> ` prompts, gone from the typeahead. */
    const takeTypedLines = (count: number): string[] => {
      const { lines, rest } = splitTypedLines(typeahead, count);
      typeahead = rest;
      writeSliced(continuationEcho(lines, screenSize()));
      return lines;
    };
    let prompted = false;
    const showPrompt = (prompt: string) => {
      ttyEcho.reset();
      editor.prompt = prompt;
      term.write(prompt);
      if (!prompted) {
        prompted = true;
        term.write('', () => {
          if (bulkWrites === 0) resumeScreenReader();
        });
      }
    };
    const unsubscribe = client.subscribe((message) => {
      switch (message.type) {
        case 'session.ready':
          busy = false;
          reading = false;
          raw = false;
          ctrlCWhileBusy = false;
          pending = [];
          if (message.history) editor.loadHistory(message.history);
          editor.reset();
          // After a restart the screen stays: the learner reads what led to it.
          if (!restarted) term.reset();
          else term.write(`${restartNoticeEnd(message.clusterRestored === true, restarted.interrupted)}\x1b[0m\r\n`);
          restarted = undefined;
          showPrompt(message.prompt);
          // Lines typed while a reload's session was being restored run now, as typeahead at a slow bash start.
          replayTypeahead();
          break;
        case 'session.restarted':
          // A second restart before the first was ready keeps the line of the first.
          if (!restarted) term.write(`\r\n\x1b[33m${restartNoticeStart(message.reason)}`);
          restarted = { ...restarted, ...(message.interrupted !== undefined ? { interrupted: message.interrupted } : {}) };
          busy = true;
          break;
        case 'shell.output':
          writeSliced(message.data, (chars) => client.send({ type: 'shell.outputAck', chars }));
          break;
        case 'shell.done':
          busy = false;
          raw = false;
          pending = [];
          ctrlCWhileBusy = false;
          reading = message.reading === true;
          showPrompt(message.prompt);
          replayTypeahead();
          break;
        case 'terminal.raw':
          raw = message.raw && busy;
          // Keys typed before the program took the terminal are its first keys, as on a tty.
          if (raw && typeahead) {
            const keys = typeahead;
            typeahead = '';
            sendRawKeys(keys);
          }
          break;
        case 'shell.needsMoreInput':
          if (ctrlCWhileBusy) {
            // As bash at a continuation prompt: Ctrl-C drops the whole command.
            ctrlCWhileBusy = false;
            pending = [];
            term.write('\r\n');
            runLine('');
          } else if (message.consumed !== undefined) {
            for (const line of takeTypedLines(message.consumed)) pending.push(line);
            busy = false;
            ttyEcho.reset();
            editor.prompt = '> ';
            term.write('> ');
            replayTypeahead();
          } else {
            // Lines typed while the worker looked at the line go to it at once: it takes what completes the command.
            if (splitTypedLines(typeahead, 1).lines.length > 0) {
              runLine(pending.join('\n'));
              break;
            }
            busy = false;
            ttyEcho.reset();
            editor.prompt = '> ';
            term.write('> ');
            replayTypeahead();
          }
          break;
        case 'shell.continued':
          if (message.id === runningId) takeTypedLines(message.lines);
          break;
        case 'shell.completions': {
          // A reply to an older line (the learner kept typing) no longer applies.
          if (message.id !== completionId || editor.beforeCursor !== completionLine) break;
          const word = editor.beforeCursor.slice(message.from);
          const list = message.candidates;
          if (list.length === 0) break;
          const common = list.reduce((a, b) => {
            let i = 0;
            while (i < a.length && a[i] === b[i]) i++;
            return a.slice(0, i);
          });
          if (list.length === 1) term.write(editor.replaceWord(message.from, list[0]!.endsWith('/') ? list[0]! : `${list[0]} `));
          else if (common.length > word.length) term.write(editor.replaceWord(message.from, common));
          else if (lastTab) {
            term.write(`\r\n${list.join('  ')}\r\n${editor.prompt}${editor.line}`);
          }
          lastTab = true;
          break;
        }
        case 'error':
          term.write(`\r\n${message.message}\r\n`);
          break;
      }
    });
    const handleInput = (data: string) => {
      if (busy && raw) {
        sendRawKeys(data);
        return;
      }
      if (busy) {
        if (data.includes('\x03')) {
          // Echoed as a tty does, which also drops what was typed ahead; the shell ends the line when the command stops.
          typeahead = '';
          ttyEcho.reset();
          term.write('^C');
          ctrlCWhileBusy = true;
          client.send({ type: 'shell.interrupt' });
        } else {
          typeahead += data;
          // The terminal echoes what is typed while a command runs; bash shows it again at the prompt.
          writeSliced(ttyEcho.feed(data));
        }
        return;
      }
      if (data === '\t') {
        if (editor.isSearching) term.write(editor.acceptSearch());
        completionId = client.nextId();
        completionLine = editor.beforeCursor;
        client.send({ type: 'shell.complete', id: completionId, line: completionLine });
        return;
      }
      lastTab = false;
      if (reading && !editor.isSearching && data === CTRL_C) {
        // A tty turns Ctrl-C into SIGINT for the program reading it; the line typed so far is dropped.
        editor.reset();
        term.write('^C');
        reading = false;
        busy = true;
        client.send({ type: 'shell.interrupt' });
        return;
      }
      if (reading && data === CTRL_D && editor.line === '') {
        reading = false;
        busy = true;
        client.send({ type: 'shell.endOfInput' });
        return;
      }
      const edit = editor.feed(data);
      writeSliced(edit.echo);
      if (edit.redraw) term.write(editor.prompt + editor.line + (editor.charsAfterCursor ? `\x1b[${editor.charsAfterCursor}D` : ''));
      if (edit.rest) typeahead = edit.rest + typeahead;
      if (edit.interrupted) {
        pending = [];
        busy = true;
        runLine('');
        return;
      }
      if (edit.submitted !== undefined) {
        // The worker runs the lines entered so far, or asks for the rest (an open quote, a here-document).
        // One message for both keeps a Ctrl-C or Ctrl+Alt+S pressed right after Enter behind the line.
        pending.push(edit.submitted);
        busy = true;
        runLine(pending.join('\n'));
      }
    };
    /** Keys typed while a command ran (or pasted after a newline) go to the next prompt, as in bash. */
    const replayTypeahead = () => {
      const input = typeahead;
      typeahead = '';
      if (input) handleInput(input);
    };
    term.onData(handleInput);
    return () => {
      unsubscribe();
      window.removeEventListener('resize', onResize);
      observer.disconnect();
      pane.removeEventListener('contextmenu', openMenu);
      term.dispose();
      termRef.current = undefined;
    };
  }, [client]);
  return (
    <>
      <div className="terminal-pane" data-testid="terminal" ref={host} />
      {menu && (
        <TerminalMenu
          {...menu}
          onCopy={() => {
            void navigator.clipboard?.writeText(menu.selection).catch(() => undefined);
            closeMenu();
          }}
          onPaste={() => {
            const term = termRef.current;
            closeMenu();
            void navigator.clipboard
              ?.readText()
              .then((text) => term?.paste(text))
              .catch(() => undefined);
          }}
          onClose={closeMenu}
        />
      )}
    </>
  );
}

/** Below xterm's input, which follows the cursor; the terminal's corner when there is none. */
function cursorPoint(pane: HTMLElement | null): { x: number; y: number } {
  const box = (pane?.querySelector('textarea') ?? pane)?.getBoundingClientRect();
  return box ? { x: box.left, y: box.bottom } : { x: 0, y: 0 };
}
