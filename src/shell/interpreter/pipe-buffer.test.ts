import { describe, expect, it } from 'vitest';
import { PipeBuffer, PipeMemory } from './pipe-buffer.ts';

describe('PipeBuffer', () => {
  it('keeps everything written under its limit, in order', () => {
    const pipe = new PipeBuffer(10);
    pipe.write('abc');
    pipe.write('def');
    expect(pipe.text()).toBe('abcdef');
  });

  it('drops what is written past its limit, as a reader that stopped reading would', () => {
    const pipe = new PipeBuffer(5);
    pipe.write('abc');
    pipe.write('defg');
    pipe.write('h');
    expect(pipe.text()).toBe('abcde');
  });
});

describe('PipeMemory', () => {
  it('drops what pipes write past what all of them may hold, until a reader releases its pipe', () => {
    const memory = new PipeMemory(6);
    const first = new PipeBuffer(10, memory);
    const second = new PipeBuffer(10, memory);
    first.write('abcd');
    second.write('efgh');
    expect([first.text(), second.text()]).toEqual(['abcd', 'ef']);
    first.release();
    second.write('ijkl');
    expect(second.text()).toBe('efijkl');
  });
});
