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
    const unsubscribe = client.subscribe((message) => {
      switch (message.type) {
        case 'session.ready':
          busy = false;
          term.reset();
          term.write(message.prompt);
          break;
        case 'shell.output':
          term.write(message.data);
          break;
        case 'shell.done':
          busy = false;
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
      const edit = editor.feed(data);
      term.write(edit.echo);
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
