/**
 * kubectl's captured help texts (texts/, half a megabyte) as their own chunk, loaded on first use
 * so a browser's first prompt does not wait for them. Each entry that reads them (a kubectl run,
 * a completion request) awaits loadHelpTexts() first; the reads after it are synchronous.
 */

let texts: Readonly<Record<string, string>> | undefined;
let loading: Promise<void> | undefined;

export function loadHelpTexts(): Promise<void> {
  loading ??= import('./texts/index.ts').then(
    (module) => {
      texts = module.HELP_TEXTS;
    },
    (error: unknown) => {
      // A chunk that failed to arrive is fetched again by the next command that needs it.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The help texts by command path ('' for the root); loadHelpTexts() must have resolved. */
export function helpTexts(): Readonly<Record<string, string>> {
  if (!texts) throw new Error('kubectl help texts read before loadHelpTexts() resolved');
  return texts;
}
