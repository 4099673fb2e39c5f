/**
 * What a container really runs, and when two argvs run the same thing. Docker and Kubernetes
 * combine them so: `command` replaces the image's ENTRYPOINT and drops its CMD; `args` alone
 * replaces CMD and keeps ENTRYPOINT; neither runs ENTRYPOINT + CMD.
 */

/** An image's ENTRYPOINT and CMD, as its config records them. */
export interface ImageDefaults {
  entrypoint: readonly string[];
  cmd: readonly string[];
}

/** Finds an image's defaults by the reference a pod names (`busybox:1.28`); undefined when unknown. */
export type ImageDefaultsLookup = (image: string) => ImageDefaults | undefined;

export function effectiveArgv(image: ImageDefaults | undefined, container: { command?: string[]; args?: string[] }): string[] | undefined {
  if (container.command && container.command.length > 0) return [...container.command, ...(container.args ?? [])];
  if (!image) return undefined;
  if (container.args && container.args.length > 0) return [...image.entrypoint, ...container.args];
  return [...image.entrypoint, ...image.cmd];
}

const BIN_DIR = /^\/(?:usr\/)?(?:local\/)?s?bin\/([^/]+)$/;
const SHELLS = new Set(['sh', 'bash', 'ash']);
/** A script that is one plain command: words without quotes, expansions or operators. */
const PLAIN_COMMAND = /^[\w./=:,@%+-]+(?:\s+[\w./=:,@%+-]+)*$/;

/**
 * The same argv in a canonical form, so equivalent spellings compare equal: a program named by its
 * path in a bin directory (`/bin/sleep`) becomes its name, and `sh -c 'sleep 20'` (with an optional
 * trailing `;` or leading `exec`) becomes the command it runs.
 */
export function normalizeArgv(argv: readonly string[]): string[] {
  const words = [...argv];
  const bin = BIN_DIR.exec(words[0] ?? '');
  if (bin) words[0] = bin[1]!;
  if (words.length === 3 && SHELLS.has(words[0]!) && words[1] === '-c') {
    const script = words[2]!
      .trim()
      .replace(/\s*;$/, '')
      .replace(/^exec\s+/, '');
    if (PLAIN_COMMAND.test(script)) return normalizeArgv(script.split(/\s+/));
  }
  return words;
}

export function sameArgv(a: readonly string[], b: readonly string[]): boolean {
  const x = normalizeArgv(a);
  const y = normalizeArgv(b);
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

/** Splits `sh -c 'sleep 20'` into words: single and double quotes group, a backslash escapes. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** An argv as the YAML flow list a learner writes: `["sh","-c","sleep 20"]`. */
export function formatArgv(argv: readonly string[]): string {
  return JSON.stringify(argv);
}
