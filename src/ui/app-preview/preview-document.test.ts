import { describe, expect, it } from 'vitest';
import { ADDRESS_PATTERN, previewDocument, previewUrl } from './preview-document.ts';

describe('previewDocument', () => {
  it.each([
    { name: 'webapp-color HTML', body: '<!doctype html><h1>Hello</h1>', contentType: 'text/html; charset=utf-8', shown: '<!doctype html><h1>Hello</h1>' },
    { name: 'an untyped HTML page', body: '<html></html>', contentType: undefined, shown: '<html></html>' },
    {
      name: "kubia's untyped text",
      body: 'This is v1 running in pod kubia-1\n',
      contentType: undefined,
      shown: '<pre style="white-space: pre-wrap; font-family: monospace; margin: 8px">This is v1 running in pod kubia-1\n</pre>',
    },
    {
      name: "hello's JSON",
      body: '{"version":"<2>"}\n',
      contentType: 'application/json',
      shown: '<pre style="white-space: pre-wrap; font-family: monospace; margin: 8px">{"version":"&lt;2&gt;"}\n</pre>',
    },
  ])('$name', ({ body, contentType, shown }) => {
    expect(previewDocument(body, contentType)).toBe(shown);
  });
});

describe('preview addresses', () => {
  it.each([
    ['node01:30080', true, 'http://node01:30080/'],
    ['node01:30080/version', true, 'http://node01:30080/version'],
    ['node01', false, ''],
  ])('%s', (address, valid, url) => {
    expect(ADDRESS_PATTERN.test(address)).toBe(valid);
    if (valid) expect(previewUrl(address)).toBe(url);
  });
});
