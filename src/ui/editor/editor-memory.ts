import type { EditorKeymap } from './editor-tabs.ts';

/** The keys files opened from the file list get: the learner's last choice. */
const KEYS_KEY = 'cka-lab.editor.keys';
/** Before the keymap choice, only vim keys could be chosen, on or off. */
const LEGACY_VIM_KEY = 'cka-lab.editor.vim';

export function rememberedKeys(): EditorKeymap {
  const kept = localStorage.getItem(KEYS_KEY);
  if (kept === 'vim' || kept === 'nano' || kept === 'plain') return kept;
  return localStorage.getItem(LEGACY_VIM_KEY) === 'on' ? 'vim' : 'plain';
}

export function rememberKeys(keys: EditorKeymap): void {
  try {
    localStorage.setItem(KEYS_KEY, keys);
  } catch {
    // Storage full or denied: the choice lasts for this page only.
  }
}

/** Where the tabs open in a lab (free play: ':free-play') are kept, to reopen them when the page is loaded again. */
export const tabsKey = (labId: string | undefined) => `cka-lab.editor.tabs.${labId ?? ':free-play'}`;

/** The paths once kept by keepTabs, the active one last; none when the record is not a list of paths. */
export function keptTabs(key: string): string[] {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(kept) && kept.every((p) => typeof p === 'string' && p.startsWith('/')) ? kept : [];
  } catch {
    return [];
  }
}

/** Keeps the open tabs' paths, `active` last so it is shown again. */
export function keepTabs(key: string, paths: string[], active: string | undefined): void {
  const ordered = active && paths.includes(active) ? [...paths.filter((p) => p !== active), active] : paths;
  try {
    localStorage.setItem(key, JSON.stringify(ordered));
  } catch {
    // Storage full or denied: the tabs are simply not reopened next time.
  }
}
