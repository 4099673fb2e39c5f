import { describe, expect, it } from 'vitest';
import { clipboardKeyOf } from './clipboard-keys.ts';

const key = (code: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}) => ({
  code,
  ctrlKey: mods.ctrl ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
  metaKey: mods.meta ?? false,
});

describe('clipboardKeyOf', () => {
  it.each([
    { name: 'Ctrl+Shift+C copies', event: key('KeyC', { ctrl: true, shift: true }), expected: 'copy' },
    { name: 'Ctrl+Shift+V pastes', event: key('KeyV', { ctrl: true, shift: true }), expected: 'paste' },
    { name: 'Ctrl+C is the interrupt, not a copy', event: key('KeyC', { ctrl: true }), expected: undefined },
    { name: 'Ctrl+Alt+Shift+C is something else', event: key('KeyC', { ctrl: true, shift: true, alt: true }), expected: undefined },
    { name: 'Ctrl+Shift+A is not a clipboard key', event: key('KeyA', { ctrl: true, shift: true }), expected: undefined },
  ])('$name', ({ event, expected }) => expect(clipboardKeyOf(event)).toBe(expected));
});
