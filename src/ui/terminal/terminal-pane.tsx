import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { LineEditor } from './line-editor.ts';

/** The learner's terminal: xterm over the worker's shell, with the exam's prompt. */
export function TerminalPane({ client }: { client: WorkerClient }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const term = new Terminal({ fontSize: 14, convertEol: true, cursorBlink: true, screenReaderMode: true });
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
    let pending: string[] = [];
    let busy = true;
    let runningId = 0;
    let completionId = 0;
    let completionLine = '';
    let lastTab = false;
    let currentPrompt = '';
    const unsubscribe = client.subscribe((message) => {
      switch (message.type) {
        case 'session.ready':
          busy = false;
          term.reset();
          currentPrompt = message.prompt;
          term.write(message.prompt);
          break;
        case 'shell.output':
          term.write(message.data);
          break;
        case 'shell.done':
          busy = false;
          currentPrompt = message.prompt;
          term.write(message.prompt);
          break;
        case 'shell.needsMoreInput':
          if (message.value) {
            busy = false;
            term.write('> ');
          } else {
            runningId = client.nextId();
            client.send({ type: 'shell.run', id: runningId, line: pending.join('\n') });
            pending = [];
          }
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
            term.write(`\r\n${list.join('  ')}\r\n${currentPrompt}${editor.line}`);
          }
          lastTab = true;
          break;
        }
        case 'error':
          term.write(`\r\n${message.message}\r\n`);
          break;
      }
    });
    term.onData((data) => {
      if (busy) {
        if (data === '\x03') client.send({ type: 'shell.interrupt' });
        return;
      }
      if (data === '\t') {
        completionId = client.nextId();
        completionLine = editor.beforeCursor;
        client.send({ type: 'shell.complete', id: completionId, line: completionLine });
        return;
      }
      lastTab = false;
      const edit = editor.feed(data);
      term.write(edit.echo);
      if (edit.redraw) term.write(currentPrompt + editor.line + (editor.charsAfterCursor ? `\x1b[${editor.charsAfterCursor}D` : ''));
      if (edit.interrupted) {
        pending = [];
        client.send({ type: 'shell.needsMoreInput', id: client.nextId(), text: '' });
        busy = true;
        return;
      }
      if (edit.submitted !== undefined) {
        pending.push(edit.submitted);
        busy = true;
        client.send({ type: 'shell.needsMoreInput', id: client.nextId(), text: pending.join('\n') });
      }
    });
    return () => {
      unsubscribe();
      window.removeEventListener('resize', onResize);
      observer.disconnect();
      term.dispose();
    };
  }, [client]);
  return <div className="terminal-pane" data-testid="terminal" ref={host} />;
}
