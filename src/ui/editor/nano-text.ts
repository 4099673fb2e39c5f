/**
 * What nano says and finds, as pure functions over the buffer's text (the bar in nano-bar.tsx
 * applies them to Monaco). Models nano 6's src/files.c and src/search.c messages.
 */

/** files.c write_file(): "[ Wrote 1 line ]", counted as the lines the file holds. */
export function wroteMessage(content: string): string {
  const lines = content === '' ? 0 : content.split('\n').length - (content.endsWith('\n') ? 1 : 0);
  return `[ Wrote ${lines} line${lines === 1 ? '' : 's'} ]`;
}

/** The file a name typed at nano's "File Name to Write:" prompt names: `~/` and relative names are under the home directory nano was started in. */
export function nanoPathOf(name: string, home: string): string {
  if (name.startsWith('/')) return name;
  if (name === '~') return home;
  return `${home}/${name.startsWith('~/') ? name.slice(2) : name}`;
}

export type SearchResult = { found: false; message: string } | { found: true; offset: number; message?: string };

/**
 * search.c findnextstr(): the next match after the cursor, case-insensitive as nano searches by
 * default, wrapping at the end of the buffer.
 */
export function findNext(text: string, cursorOffset: number, query: string): SearchResult {
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  const after = haystack.indexOf(needle, cursorOffset + 1);
  if (after >= 0) return { found: true, offset: after };
  const wrapped = haystack.indexOf(needle);
  if (wrapped < 0) return { found: false, message: `[ "${query}" not found ]` };
  if (wrapped === cursorOffset) return { found: true, offset: wrapped, message: '[ This is the only occurrence ]' };
  return { found: true, offset: wrapped, message: '[ Search Wrapped ]' };
}
