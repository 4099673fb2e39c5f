/**
 * Reads a Dockerfile as BuildKit's frontend does: one instruction a line (a trailing `\` joins the
 * next), `#` comments, instructions in any case. CMD and ENTRYPOINT take the exec form when their
 * text is a JSON array of strings and the shell form (`/bin/sh -c TEXT`) otherwise, so
 * `CMD ['sleep','5']` is a shell command, as in Docker. Models moby/buildkit
 * frontend/dockerfile/parser and instructions/parse.go.
 */

export type Instruction =
  | { kind: 'FROM'; line: number; image: string }
  | { kind: 'CMD' | 'ENTRYPOINT'; line: number; argv: string[] }
  | { kind: 'ENV'; line: number; pairs: [string, string][] }
  | { kind: 'WORKDIR'; line: number; path: string }
  | { kind: 'RUN' | 'COPY' | 'ADD'; line: number; text: string }
  | { kind: 'EXPOSE' | 'LABEL' | 'USER' | 'ARG' | 'VOLUME' | 'STOPSIGNAL' | 'HEALTHCHECK' | 'SHELL' | 'ONBUILD' | 'MAINTAINER'; line: number; text: string };

export type ParsedDockerfile = { ok: true; instructions: Instruction[] } | { ok: false; message: string };

const METADATA = new Set(['EXPOSE', 'LABEL', 'USER', 'ARG', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'MAINTAINER']);

export function parseDockerfile(text: string): ParsedDockerfile {
  const instructions: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    // BuildKit drops the backslash and keeps the next line's indentation.
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)}${lines[++i]!.trimEnd()}`;
    const match = /^(\S+)\s*(.*)$/.exec(line)!;
    const keyword = match[1]!.toUpperCase();
    const rest = match[2]!.trim();
    if (keyword === 'FROM') {
      const image = rest.split(/\s+/)[0] ?? '';
      if (image === '') return { ok: false, message: `dockerfile parse error on line ${start}: FROM requires either one or three arguments` };
      instructions.push({ kind: 'FROM', line: start, image });
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      instructions.push({ kind: keyword, line: start, argv: commandOf(rest) });
    } else if (keyword === 'ENV') {
      const pairs = envPairs(rest);
      if (!pairs) return { ok: false, message: `dockerfile parse error on line ${start}: ENV must have two arguments` };
      instructions.push({ kind: 'ENV', line: start, pairs });
    } else if (keyword === 'WORKDIR') {
      instructions.push({ kind: 'WORKDIR', line: start, path: rest });
    } else if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      instructions.push({ kind: keyword, line: start, text: rest });
    } else if (METADATA.has(keyword)) {
      instructions.push({ kind: keyword as 'EXPOSE', line: start, text: rest });
    } else {
      return { ok: false, message: `dockerfile parse error on line ${start}: unknown instruction: ${match[1]}` };
    }
  }
  if (instructions.length === 0) return { ok: false, message: 'the Dockerfile cannot be empty' };
  if (instructions[0]!.kind !== 'FROM') return { ok: false, message: `no build stage in current context` };
  return { ok: true, instructions };
}

/** Exec form when the text is a JSON array of strings; otherwise the shell form. */
export function commandOf(text: string): string[] {
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((w) => typeof w === 'string')) return parsed as string[];
    } catch {
      // Not JSON: Docker runs the text through the shell, brackets and all.
    }
  }
  return ['/bin/sh', '-c', text];
}

/** `ENV A=1 B="two words"` or the legacy `ENV A one value`. */
function envPairs(text: string): [string, string][] | undefined {
  if (!/^[^\s=]+=/.test(text)) {
    const legacy = /^(\S+)\s+(.*)$/.exec(text);
    return legacy ? [[legacy[1]!, legacy[2]!]] : undefined;
  }
  const pairs: [string, string][] = [];
  const word = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const m of text.matchAll(word)) {
    const raw = m[2]!;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.startsWith("'") ? raw.slice(1, -1) : raw;
    pairs.push([m[1]!, value]);
  }
  return pairs;
}
