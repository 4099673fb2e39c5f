/**
 * Word expansion in bash's order: brace expansion, parameters, command substitution and
 * arithmetic, field splitting of unquoted results, then pathname globbing.
 */
import type { Word, WordPart } from '../ast.ts';
import { evaluateArithmetic } from './arithmetic.ts';
import { BraceExpansionTooLarge, expandBraces } from './brace-expansion.ts';
import { DiscardSignal } from './signals.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { GlobPattern } from '../../lib/regex/glob-pattern.ts';
import { CHECKPOINT_EVERY } from './shell-state.ts';
import { resolvePath } from '../../lib/resolve-path.ts';

interface Piece {
  text: string;
  /** Quoted text is neither split nor globbed. */
  quoted: boolean;
  /** Unquoted literal text may glob; unquoted expansions split. */
  literal: boolean;
}

export async function expandWord(interpreter: Interpreter, word: Word, io: Io): Promise<string[]> {
  const allLiteral = word.parts.every((p) => p.type === 'literal');
  if (allLiteral && word.parts.some((p) => p.type === 'literal' && !p.quoted && p.text.includes('{'))) {
    // Brace expansion on the unquoted text; quoted parts are protected by placeholders.
    const protectedText = word.parts.map((p) => (p.type === 'literal' && p.quoted ? `\u0000${encodeURIComponent(p.text)}\u0001` : (p as { text: string }).text)).join('');
    let expanded: string[];
    try {
      expanded = await expandBraces(protectedText, () => interpreter.checkpoint(CHECKPOINT_EVERY));
    } catch (error) {
      if (!(error instanceof BraceExpansionTooLarge)) throw error;
      io.stderr.write(`${interpreter.errorPrefix()}${error.message}\n`);
      throw new DiscardSignal(1);
    }
    if (expanded.length > 1 || expanded[0] !== protectedText) {
      const words: string[] = [];
      for (const text of expanded) {
        for (const match of glob(interpreter, [{ text: text.replace(/\u0000([^\u0001]*)\u0001/g, (_, q: string) => decodeURIComponent(q)), quoted: false, literal: true }]))
          words.push(match);
      }
      return words;
    }
  }
  const pieces: Piece[][] = [[]];
  for (const part of word.parts) {
    if (part.type === 'parameter' && part.name === '@' && part.quoted && !part.modifier) {
      const args = interpreter.state.positional;
      if (args.length === 0) continue;
      args.forEach((arg, i) => {
        if (i > 0) pieces.push([]);
        pieces.at(-1)!.push({ text: arg, quoted: true, literal: false });
      });
      continue;
    }
    const text = await expandPart(interpreter, part, io);
    pieces.at(-1)!.push({ text, quoted: part.quoted, literal: part.type === 'literal' });
  }
  return pieces.flatMap((p) => splitFields(interpreter, p));
}

export async function expandWordToString(interpreter: Interpreter, word: Word, io: Io): Promise<string> {
  let out = '';
  for (const part of word.parts) out += await expandPart(interpreter, part, io);
  return out;
}

async function expandPart(interpreter: Interpreter, part: WordPart, io: Io): Promise<string> {
  switch (part.type) {
    case 'literal':
      return part.text;
    case 'command': {
      const out = await interpreter.capture(part.source, io);
      return out.replace(/\n+$/, '');
    }
    case 'process':
      return interpreter.processSubstitutions.open(interpreter, part.direction, part.source, io);
    case 'arithmetic': {
      const source = part.source.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|\d+)\}?/g, (_, name: string) => parameter(interpreter, name) ?? '0');
      return String(evaluateArithmetic(source, (name) => parameter(interpreter, name) ?? '0'));
    }
    case 'parameter': {
      const value = parameter(interpreter, part.name);
      if (part.length) return String((value ?? '').length);
      if (!part.modifier) return value ?? '';
      const { op, word } = part.modifier;
      const operand = async () => expandWordToString(interpreter, word, io);
      switch (op) {
        case ':-':
          return value ? value : operand();
        case '-':
          return value !== undefined ? value : operand();
        case ':=':
        case '=': {
          if (value && op === ':=') return value;
          if (value !== undefined && op === '=') return value;
          const v = await operand();
          interpreter.state.vars.set(part.name, v);
          return v;
        }
        case ':+':
          return value ? operand() : '';
        case '+':
          return value !== undefined ? operand() : '';
        case '#':
        case '##': {
          const text = value ?? '';
          const length = new GlobPattern(await operand()).prefixLength(text, op === '##');
          return text.slice(Math.max(length, 0));
        }
        case '%':
        case '%%': {
          const text = value ?? '';
          const length = new GlobPattern(await operand()).suffixLength(text, op === '%%');
          return length < 0 ? text : text.slice(0, text.length - length);
        }
        default:
          return value ?? '';
      }
    }
  }
}

function parameter(interpreter: Interpreter, name: string): string | undefined {
  const state = interpreter.state;
  switch (name) {
    case '?':
      return String(state.lastExit);
    case '#':
      return String(state.positional.length);
    case '@':
    case '*':
      return state.positional.join(' ');
    case '$':
      return '1';
    case '!':
      return state.lastBackgroundPid;
    case '0':
      return state.scriptName;
  }
  if (/^\d+$/.test(name)) return state.positional[Number(name) - 1];
  return state.vars.get(name);
}

function splitFields(interpreter: Interpreter, pieces: Piece[]): string[] {
  const fields: Piece[][] = [];
  let current: Piece[] = [];
  let started = false;
  for (const piece of pieces) {
    if (piece.quoted || piece.literal) {
      current.push(piece);
      started = true;
      continue;
    }
    const chunks = piece.text.split(/[ \t\n]+/);
    chunks.forEach((chunk, i) => {
      if (i > 0 && (started || current.length)) {
        if (current.some((p) => p.text !== '' || p.quoted)) fields.push(current);
        current = [];
        started = false;
      }
      if (chunk) {
        current.push({ text: chunk, quoted: false, literal: false });
        started = true;
      }
    });
  }
  if (current.length && current.some((p) => p.text !== '' || p.quoted)) fields.push(current);
  return fields.flatMap((field) => glob(interpreter, field));
}

function glob(interpreter: Interpreter, field: Piece[]): string[] {
  const text = field.map((p) => p.text).join('');
  const globbable = field.some((p) => !p.quoted && /[*?[]/.test(p.text));
  if (!globbable) return [text];
  const fs = interpreter.env.fs;
  const absolute = text.startsWith('/');
  const segments = text.split('/').filter((s, i) => s !== '' || i === 0);
  let matches = [absolute ? '/' : interpreter.state.cwd];
  let prefixes = [absolute ? '/' : ''];
  for (const segment of segments.filter(Boolean)) {
    const next: string[] = [];
    const nextPrefixes: string[] = [];
    matches.forEach((dir, i) => {
      if (/[*?[]/.test(segment)) {
        const re = new GlobPattern(segment);
        let names: string[] = [];
        try {
          names = fs.readdir(dir);
        } catch {
          names = [];
        }
        for (const name of names) {
          if (re.matches(name) && (!name.startsWith('.') || segment.startsWith('.'))) {
            next.push(resolvePath(dir, name));
            nextPrefixes.push(`${prefixes[i]}${prefixes[i] && !prefixes[i]!.endsWith('/') ? '/' : ''}${name}`);
          }
        }
      } else {
        const path = resolvePath(dir, segment);
        if (fs.exists(path)) {
          next.push(path);
          nextPrefixes.push(`${prefixes[i]}${prefixes[i] && !prefixes[i]!.endsWith('/') ? '/' : ''}${segment}`);
        }
      }
    });
    matches = next;
    prefixes = nextPrefixes;
  }
  return prefixes.length ? prefixes.sort() : [text];
}
