/**
 * Word expansion in bash's order: brace expansion, parameters, command substitution and
 * arithmetic, field splitting of unquoted results, then pathname globbing.
 */
import type { Word, WordPart } from '../ast.ts';
import { ArithmeticError, evaluateArithmetic } from './arithmetic.ts';
import { arithmeticVariables, arrayKeys, arrayValues, elementValue, scalarValue, setScalar } from './variables.ts';
import { readAsDoubleQuoted } from '../word-reader.ts';
import { BraceExpansionTooLarge, expandBraces } from './brace-expansion.ts';
import { DiscardSignal } from './signals.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { GlobPattern } from '../../lib/regex/glob-pattern.ts';
import { CHECKPOINT_EVERY } from './shell-state.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { MATCH_MARK, modifyCase, substitutePattern } from './pattern-substitution.ts';

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
    // `"$@"` and `"${a[@]}"`: one field per element, joined to the text around them at the ends.
    if (part.type === 'parameter' && part.quoted && !part.length && (part.index === '@' || (part.name === '@' && part.index === undefined))) {
      const { values: args } = await parameterValues(interpreter, part, io);
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
  const words: string[] = [];
  for (const p of pieces) for (const field of await splitFields(interpreter, p)) words.push(field);
  return words;
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
    case 'arithmetic':
      return String(await evaluateArithmeticText(interpreter, part.source, io));
    case 'parameter': {
      const { values, list } = await parameterValues(interpreter, part, io);
      return list ? values.join(part.quoted && part.index === '*' ? ifsJoiner(interpreter) : ' ') : (values[0] ?? '');
    }
  }
}

/** `"${a[*]}"` joins with the first character of IFS (a space when IFS is unset). */
function ifsJoiner(interpreter: Interpreter): string {
  const ifs = interpreter.state.vars.get('IFS');
  return ifs === undefined ? ' ' : ifs.slice(0, 1);
}

type ParameterPart = Extract<WordPart, { type: 'parameter' }>;

/** An arithmetic expression as bash evaluates it: its `$` expansions first. */
export async function evaluateArithmeticText(interpreter: Interpreter, source: string, io: Io): Promise<bigint> {
  const expanded = await expandWordToString(interpreter, readAsDoubleQuoted(source), io);
  return evaluateArithmetic(expanded, arithmeticVariables(interpreter.state));
}

/** The subscript's key: an associative array's text, or an indexed array's evaluated index (negative counts from the end). */
export async function subscriptKey(interpreter: Interpreter, name: string, subscript: string, io: Io): Promise<string> {
  const state = interpreter.state;
  if (state.arrays.get(name)?.assoc) return expandWordToString(interpreter, readAsDoubleQuoted(subscript), io);
  let index = await evaluateArithmeticText(interpreter, subscript, io);
  if (index < 0n) {
    const keys = arrayKeys(state, name);
    index += BigInt(keys.length === 0 ? 0 : Number(keys.at(-1)) + 1);
  }
  return String(index);
}

/** What a `${…}` stands for: one value, or a list (`${a[@]}`, `$@`, `${!a[@]}`), its operator applied. */
async function parameterValues(interpreter: Interpreter, part: ParameterPart, io: Io): Promise<{ values: string[]; list: boolean }> {
  const state = interpreter.state;
  const all = part.index === '@' || part.index === '*';
  const list = all || ((part.name === '@' || part.name === '*') && part.index === undefined);
  let values: (string | undefined)[];
  if (part.prefixed) values = [...state.vars.keys(), ...state.arrays.keys()].filter((name) => name.startsWith(part.name)).sort();
  else if (part.indirect) {
    const target = parameter(interpreter, part.name);
    if (target === undefined || !/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!])$/.test(target)) {
      io.stderr.write(`${interpreter.errorPrefix()}${target === undefined ? part.name : target}: invalid indirect expansion\n`);
      throw new DiscardSignal(1);
    }
    values = [parameter(interpreter, target)];
  } else if (part.indices) values = arrayKeys(state, part.name);
  else if (all) values = arrayValues(state, part.name);
  else if (list) values = [...state.positional];
  else if (part.index !== undefined) values = [elementValue(state, part.name, await subscriptKey(interpreter, part.name, part.index, io))];
  else values = [parameter(interpreter, part.name)];
  if (part.length) return { values: [String(list ? values.length : (values[0] ?? '').length)], list: false };
  if (!part.modifier) return { values: values.filter((v) => v !== undefined), list };
  const { op, word } = part.modifier;
  const operand = async () => expandWordToString(interpreter, word, io);
  const present = list ? values.length > 0 : values[0] !== undefined;
  const nonEmpty = list ? values.some((v) => v) : Boolean(values[0]);
  const single = async (text: string) => ({ values: [text], list: false });
  switch (op) {
    case ':-':
      return nonEmpty ? { values: values as string[], list } : single(await operand());
    case '-':
      return present ? { values: values as string[], list } : single(await operand());
    case ':=':
    case '=': {
      if (op === ':=' ? nonEmpty : present) return { values: values as string[], list };
      const v = await operand();
      setScalar(state, part.name, v);
      return single(v);
    }
    case ':+':
      return nonEmpty ? single(await operand()) : single('');
    case '+':
      return present ? single(await operand()) : single('');
    case ':': {
      const [offsetText = '', lengthText] = (await operand()).split(':');
      const items = list ? (values as string[]) : [...(values[0] ?? '')];
      const count = BigInt(items.length);
      let from = evaluateArithmetic(offsetText, arithmeticVariables(state));
      if (from < 0n) from += count;
      if (from < 0n || from > count) return { values: list ? [] : [''], list };
      let to = count;
      if (lengthText !== undefined) {
        const length = evaluateArithmetic(lengthText, arithmeticVariables(state));
        to = length < 0n ? count + length : from + length;
        if (to < from) {
          if (length < 0n) throw new ArithmeticError(`${lengthText.trim()}: substring expression < 0`);
          to = from;
        }
      }
      const slice = items.slice(Number(from), Number(to > count ? count : to));
      return list ? { values: slice, list } : single(slice.join(''));
    }
    case '#':
    case '##':
    case '%':
    case '%%': {
      const pattern = new GlobPattern(await operand());
      const strip = (text: string) => {
        if (op.startsWith('#')) return text.slice(Math.max(pattern.prefixLength(text, op === '##'), 0));
        const length = pattern.suffixLength(text, op === '%%');
        return length < 0 ? text : text.slice(0, text.length - length);
      };
      return { values: values.filter((v) => v !== undefined).map(strip), list };
    }
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const pattern = await operand();
      const replacement = part.modifier.replacement ? await expandReplacement(interpreter, part.modifier.replacement, io) : '';
      return { values: values.filter((v) => v !== undefined).map((v) => substitutePattern(v, op, pattern, replacement)), list };
    }
    case '^':
    case '^^':
    case ',':
    case ',,':
    case '~':
    case '~~': {
      const pattern = await operand();
      return { values: values.filter((v) => v !== undefined).map((v) => modifyCase(v, op, pattern)), list };
    }
    case '@': {
      // `${v@Q}` quotes for reuse, `@U`/`@L`/`@u` change case; `@P` gives the text as is (no prompt escapes here).
      const which = await operand();
      const transform = (text: string): string =>
        which === 'Q'
          ? `'${text.replace(/'/g, `'\\''`)}'`
          : which === 'U'
            ? text.toUpperCase()
            : which === 'L'
              ? text.toLowerCase()
              : which === 'u'
                ? text.slice(0, 1).toUpperCase() + text.slice(1)
                : text;
      return { values: values.filter((v) => v !== undefined).map(transform), list };
    }
    default:
      return { values: values.filter((v) => v !== undefined), list };
  }
}

/** The replacement of `${v/p/r}`, an unquoted `&` in it marking where the match goes. */
async function expandReplacement(interpreter: Interpreter, word: Word, io: Io): Promise<string> {
  let out = '';
  for (const part of word.parts) {
    const text = await expandPart(interpreter, part, io);
    out += part.type === 'literal' && !part.quoted ? text.replaceAll('&', MATCH_MARK) : text;
  }
  return out;
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
  return scalarValue(state, name);
}

/**
 * Field splitting of the unquoted expansions in one word, as bash's subst.c list_string does:
 * runs of IFS white space separate fields and are trimmed at the ends; every other IFS character
 * (with the white space around it) ends one field, even an empty one.
 */
/** Characters split, or fields globbed, between two checkpoints: an expansion of megabytes yields. */
const SPLIT_SLICE = 4096;
/** A slice's weight in steps: a few slices make a host turn, about a millisecond of work. */
const SPLIT_SLICE_WEIGHT = 16;

async function splitFields(interpreter: Interpreter, pieces: Piece[]): Promise<string[]> {
  const ifs = interpreter.state.vars.get('IFS') ?? ' \t\n';
  const fields: Piece[][] = [];
  let current: Piece[] = [];
  let hasContent = false;
  const end = (force: boolean) => {
    if (force || hasContent) fields.push(current);
    current = [];
    hasContent = false;
  };
  const isWhite = (c: string) => ifs.includes(c) && ' \t\n'.includes(c);
  for (const piece of pieces) {
    if (piece.quoted || piece.literal || ifs === '') {
      current.push(piece);
      if (piece.quoted || piece.literal || piece.text !== '') hasContent = true;
      continue;
    }
    const text = piece.text;
    let chunk = '';
    const flush = () => {
      if (chunk === '') return;
      current.push({ text: chunk, quoted: false, literal: false });
      hasContent = true;
      chunk = '';
    };
    let i = 0;
    let sliceEnd = SPLIT_SLICE;
    while (i < text.length) {
      if (i >= sliceEnd) {
        sliceEnd = i + SPLIT_SLICE;
        await interpreter.checkpoint(SPLIT_SLICE_WEIGHT);
      }
      const c = text[i]!;
      if (!ifs.includes(c)) {
        chunk += c;
        i++;
        continue;
      }
      flush();
      let endedByWhite = false;
      if (isWhite(c)) {
        endedByWhite = hasContent;
        end(false);
        while (i < text.length && isWhite(text[i]!)) i++;
        if (i >= text.length || !ifs.includes(text[i]!)) continue;
      }
      // A non-white IFS character: it ends the field unless the white space before it already did.
      if (!endedByWhite) end(true);
      i++;
      while (i < text.length && isWhite(text[i]!)) i++;
    }
    flush();
  }
  if (hasContent) fields.push(current);
  const words: string[] = [];
  for (const [n, field] of fields.entries()) {
    if (n > 0 && n % SPLIT_SLICE === 0) await interpreter.checkpoint(SPLIT_SLICE_WEIGHT);
    for (const match of glob(interpreter, field)) words.push(match);
  }
  return words;
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
