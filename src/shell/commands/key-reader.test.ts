import { describe, expect, it } from 'vitest';
import { splitKeys } from './key-reader.ts';

// What xterm sends for each key (application cursor mode after less's `ESC [ ? 1 h`).
describe('splitKeys', () => {
  const cases: { name: string; data: string; keys: string[] }[] = [
    { name: 'letters typed fast arrive one by one', data: 'jjq', keys: ['j', 'j', 'q'] },
    { name: 'an arrow in application mode stays whole', data: '\x1bOBk', keys: ['\x1bOB', 'k'] },
    { name: 'an arrow in normal mode stays whole', data: '\x1b[A', keys: ['\x1b[A'] },
    { name: 'Page Down with its parameter', data: '\x1b[6~ ', keys: ['\x1b[6~', ' '] },
    { name: 'a lone Escape', data: '\x1b', keys: ['\x1b'] },
    { name: 'a character outside the BMP is one key', data: '/😀\r', keys: ['/', '😀', '\r'] },
  ];
  it.each(cases)('$name', ({ data, keys }) => {
    expect(splitKeys(data)).toEqual(keys);
  });
});
