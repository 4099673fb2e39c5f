import { describe, expect, it } from 'vitest';
import { PipeBuffer } from './pipe-buffer.ts';

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
