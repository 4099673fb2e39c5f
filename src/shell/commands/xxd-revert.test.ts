import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';
import { utf8Bytes, utf8Text } from '../../lib/base64.ts';

// Dumps of many slices (64 KiB of dump each), so that characters of two, three and four bytes
// straddle both dump lines and slices. vim 9's xxd turns its own dump back into the file.
const text = 'aé€\u{1F600}\n'.repeat(20_000);

describe('xxd -r over many slices', () => {
  it.each([
    { name: 'a dump back to its file', line: 'xxd f | xxd -r > g; diff f g && echo same' },
    { name: 'a plain dump back to its file', line: 'xxd -p f | xxd -r -p > g; diff f g && echo same' },
  ])('$name', async ({ line }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files: { '/root/f': text } })).toEqual({ out: 'same\n', code: 0 });
  });

  // Bytes that are not UTF-8 come out one character a byte, the whole text so (utf8Text).
  it.each([
    { name: 'an invalid byte after many slices', hex: `${hexOf(text)}ff` },
    { name: 'a sequence cut short by the end', hex: `${hexOf(text)}e282` },
    { name: 'an odd digit at the end, dropped', hex: `${hexOf(text)}e` },
    { name: 'a surrogate encoded in three bytes', hex: `${hexOf(text)}eda080` },
  ])('$name', async ({ hex }) => {
    const pairs = hex.match(/../g) ?? [];
    const expected = utf8Text(pairs.map((pair) => parseInt(pair, 16)));
    expect(await runToolLine('xxd -r -p /root/hex', { files: { '/root/hex': hex.replace(/(.{60})/g, '$1\n') } })).toEqual({ out: expected, code: 0 });
  });
});

function hexOf(value: string): string {
  return utf8Bytes(value)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}
