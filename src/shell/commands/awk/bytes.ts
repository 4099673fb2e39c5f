/**
 * mawk and busybox awk count bytes, not characters: length("héllo") is 6. These measure and cut
 * text in UTF-8 bytes; ASCII text, the common case, takes the plain string path.
 */
import { utf8Bytes, utf8Text } from '../../../lib/base64.ts';

const ASCII = /^[\x00-\x7f]*$/;

export function byteLength(text: string): number {
  return ASCII.test(text) ? text.length : utf8Bytes(text).length;
}

/** Bytes [start, end) of the text, 0-based. */
export function byteSlice(text: string, start: number, end: number): string {
  if (ASCII.test(text)) return text.slice(start, end);
  return utf8Text(utf8Bytes(text).slice(start, end));
}

/** How many bytes the first `chars` UTF-16 units of the text take. */
export function bytesBefore(text: string, chars: number): number {
  return byteLength(text.slice(0, chars));
}
