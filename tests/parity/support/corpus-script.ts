/**
 * Reads a parity script (a corpus group or a lab's solution, alternative or wrong attempt) into
 * steps: kubectl lines to compare, shell lines that prepare files, and clock moves.
 */
export type ParityStep =
  /**
   * `redirect`: the file the line's output goes to (`> f`); the real kubectl's output is kept there.
   * `feed`: a file tool piped into kubectl (`sed … f | kubectl apply -f -`), run by bash for its stdin.
   */
  { kind: 'kubectl'; line: string; args: string[]; redirect?: string; feed?: string } | { kind: 'shell'; text: string } | { kind: 'advance'; seconds: number };

export interface ParityScript {
  lab?: string;
  steps: ParityStep[];
}

const FILE_TOOLS = /^(?:cat|sed|echo|printf|cp|mv|rm|mkdir|touch)\s/;
const HEREDOC = /<<-?\s*'?"?([A-Za-z_][A-Za-z0-9_]*)'?"?/;

export function parseParityScript(text: string): ParityScript {
  const lines = text.split('\n');
  const script: ParityScript = { steps: [] };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('@answer') || trimmed === '@check' || trimmed.startsWith('@check ')) continue;
    const lab = /^@lab\s+(\S+)$/.exec(trimmed);
    if (lab) {
      script.lab = lab[1]!;
      continue;
    }
    const advance = /^(?:@advance|sleep)\s+(\d+)$/.exec(trimmed);
    if (advance) {
      script.steps.push({ kind: 'advance', seconds: Number(advance[1]) });
      continue;
    }
    const heredoc = HEREDOC.exec(line);
    if (heredoc) {
      const body = [line];
      while (i + 1 < lines.length) {
        const next = lines[++i]!;
        body.push(next);
        if (next === heredoc[1]) break;
      }
      script.steps.push({ kind: 'shell', text: body.join('\n') });
      continue;
    }
    if (/^kubectl(\s|$)/.test(trimmed)) {
      const command = kubectlPart(trimmed);
      const redirect = /^(.*?)\s+>\s*(\S+)$/.exec(command);
      const words = splitWords(redirect ? redirect[1]! : command).slice(1);
      script.steps.push({ kind: 'kubectl', line: command, args: words, ...(redirect ? { redirect: redirect[2]! } : {}) });
      continue;
    }
    const piped = FILE_TOOLS.test(trimmed) || /^(?:head|tail|base64)\s/.test(trimmed) ? /^(.*?)\|\s*(kubectl\s.*)$/.exec(trimmed) : null;
    if (piped && kubectlPart(trimmed) === piped[1]!.trimEnd()) {
      const command = kubectlPart(piped[2]!);
      script.steps.push({ kind: 'kubectl', line: trimmed, args: splitWords(command).slice(1), feed: piped[1]!.trimEnd() });
      continue;
    }
    // Only lines that prepare files run; what a learner checks by hand (curl, ls, cat) is not kubectl's.
    if (FILE_TOOLS.test(trimmed) && (/>|-i\b/.test(trimmed) || !/^cat\b/.test(trimmed))) script.steps.push({ kind: 'shell', text: trimmed });
  }
  return script;
}

/** The kubectl command before an unquoted `|`: what a pipeline's kubectl prints is what we compare. */
function kubectlPart(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '|') return line.slice(0, i).trimEnd();
  }
  return line;
}

/** POSIX shell word splitting for the quoting the corpus uses: '…', "…" with \-escapes, bare \. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in: ${line}`);
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i++;
      for (; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i++;
        word += line[i];
      }
      if (i >= line.length) throw new Error(`unterminated quote in: ${line}`);
      inWord = true;
    } else if (c === '\\') {
      word += line[++i] ?? '';
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
