import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor.ts';

describe('LineEditor', () => {
  const cases: { name: string; keys: string[]; submitted?: string; interrupted?: boolean }[] = [
    { name: 'submits typed text on Enter', keys: ['kubectl get pods', '\r'], submitted: 'kubectl get pods' },
    { name: 'deletes the character before the cursor on Backspace', keys: ['kubectx', '\x7f', 'l', '\r'], submitted: 'kubectl' },
    { name: 'inserts at the cursor after Left', keys: ['kbectl', '\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D', 'u', '\r'], submitted: 'kubectl' },
    { name: 'recalls the previous line with Up', keys: ['ls', '\r', '\x1b[A', '\r'], submitted: 'ls' },
    { name: 'drops the line on Ctrl-C', keys: ['kubectl get', '\x03'], interrupted: true },
    { name: 'jumps home with Ctrl-A and inserts there', keys: ['get pods', '\x01', 'kubectl ', '\r'], submitted: 'kubectl get pods' },
    { name: 'jumps to the end with Ctrl-E', keys: ['kubectl get', '\x01', '\x05', ' pods', '\r'], submitted: 'kubectl get pods' },
    { name: 'kills to the start with Ctrl-U', keys: ['oops', '\x15', 'ls', '\r'], submitted: 'ls' },
    { name: 'deletes the previous word with Ctrl-W', keys: ['kubectl get pdos', '\x17', 'pods', '\r'], submitted: 'kubectl get pods' },
    { name: 'kills to the end with Ctrl-K', keys: ['kubectl get pods -A', '\x1b[D\x1b[D\x1b[D', '\x0b', '\r'], submitted: 'kubectl get pods' },
  ];
  it.each(cases)('$name', ({ keys, submitted, interrupted }) => {
    const editor = new LineEditor();
    let last = editor.feed('');
    for (const key of keys) last = editor.feed(key);
    expect(last.submitted).toBe(submitted);
    expect(last.interrupted ?? false).toBe(interrupted ?? false);
  });

  it('echoes what the learner types and a newline on Enter', () => {
    const editor = new LineEditor();
    expect(editor.feed('ls').echo).toBe('ls');
    expect(editor.feed('\r').echo).toBe('\r\n');
  });
});
