import { describe, expect, it } from 'vitest';
import { findNext, nanoPathOf, wroteMessage, type SearchResult } from './nano-text.ts';

describe('wroteMessage', () => {
  it.each([
    { name: 'an empty file', content: '', expected: '[ Wrote 0 lines ]' },
    { name: 'one line', content: 'a\n', expected: '[ Wrote 1 line ]' },
    { name: 'a manifest', content: 'apiVersion: v1\nkind: Pod\n', expected: '[ Wrote 2 lines ]' },
  ])('$name', ({ content, expected }) => expect(wroteMessage(content)).toBe(expected));
});

describe('findNext', () => {
  const text = 'image: nginx\nname: web\nimage: Nginx:1.25\n';
  const cases: { name: string; cursor: number; query: string; expected: SearchResult }[] = [
    { name: 'finds the next match after the cursor, ignoring case', cursor: 7, query: 'NGINX', expected: { found: true, offset: 30 } },
    { name: 'wraps to the top', cursor: 30, query: 'nginx', expected: { found: true, offset: 7, message: '[ Search Wrapped ]' } },
    { name: 'says when the match under the cursor is the only one', cursor: 13, query: 'name', expected: { found: true, offset: 13, message: '[ This is the only occurrence ]' } },
    { name: 'says what was not found', cursor: 0, query: 'busybox', expected: { found: false, message: '[ "busybox" not found ]' } },
  ];
  it.each(cases)('$name', ({ cursor, query, expected }) => expect(findNext(text, cursor, query)).toEqual(expected));
});

describe('nanoPathOf', () => {
  it.each([
    { name: 'a relative name is in the home directory', typed: 'copy.yaml', expected: '/root/copy.yaml' },
    { name: 'a tilde name', typed: '~/dir/copy.yaml', expected: '/root/dir/copy.yaml' },
    { name: 'an absolute name', typed: '/tmp/copy.yaml', expected: '/tmp/copy.yaml' },
  ])('$name', ({ typed, expected }) => expect(nanoPathOf(typed, '/root')).toBe(expected));
});
