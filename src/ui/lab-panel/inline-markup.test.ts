import { describe, expect, it } from 'vitest';
import { parseInlineMarkup } from './inline-markup.ts';

describe('parseInlineMarkup', () => {
  it.each([
    { name: 'plain text stays one segment', source: 'What is the state of the POD?', segments: [{ kind: 'text', text: 'What is the state of the POD?' }] },
    {
      name: 'backticks mark code and double stars bold',
      source: 'view it in the **Webapp Portal** preview (service `webapp-service`).',
      segments: [
        { kind: 'text', text: 'view it in the ' },
        { kind: 'strong', text: 'Webapp Portal' },
        { kind: 'text', text: ' preview (service ' },
        { kind: 'code', text: 'webapp-service' },
        { kind: 'text', text: ').' },
      ],
    },
    { name: 'stars inside code are code', source: '`ls **/*.yaml`', segments: [{ kind: 'code', text: 'ls **/*.yaml' }] },
    { name: 'an unclosed backtick is kept as typed', source: 'a ` b', segments: [{ kind: 'text', text: 'a ` b' }] },
    { name: 'an empty pair is kept as typed', source: 'x `` y', segments: [{ kind: 'text', text: 'x `` y' }] },
  ])('$name', ({ source, segments }) => {
    expect(parseInlineMarkup(source)).toEqual(segments);
  });
});
