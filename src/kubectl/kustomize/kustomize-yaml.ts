/**
 * YAML as `kubectl kustomize` prints it: kyaml's encoder (go-yaml v3) writes what `-o yaml` writes,
 * except that it folds a long plain or single-quoted string at a space once the line is past
 * column 80 (the emitter's best width), going on two columns deeper than its key or dash.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { toYaml } from '../printers/yaml-printer.ts';

const BEST_WIDTH = 80;
const SCALAR_LINE = /^( *)((?:- )*)((?:[^\s'"|>{[#&*!%@`-][^:]*|"[^"]*"): |- )(.*)$/;
const BLOCK_HEADER = /(?:^|[:-] )[|>][-+]?$/;

/** The multi-document stream of the objects, `---` between them. */
export function kustomizeYaml(objects: KubeObject[]): string {
  return objects.map((obj) => foldLongScalars(toYaml(obj))).join('---\n');
}

function foldLongScalars(text: string): string {
  const out: string[] = [];
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line === '' || indent > blockIndent)) {
      out.push(line);
      continue;
    }
    blockIndent = BLOCK_HEADER.test(line) ? indent : -1;
    out.push(line.length > BEST_WIDTH ? fold(line) : line);
  }
  return out.join('\n');
}

function fold(line: string): string {
  const match = SCALAR_LINE.exec(line);
  if (!match) return line;
  const [, spaces = '', dashes = '', head = '', value = ''] = match;
  if (value === '' || /^["|>{[]/.test(value)) return line;
  const keyColumn = spaces.length + dashes.length;
  const continuation = ' '.repeat(keyColumn + 2);
  let out = `${spaces}${dashes}${head}`;
  let column = out.length;
  let afterSpace = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === ' ') {
      if (!afterSpace && column > BEST_WIDTH && i + 1 < value.length && value[i + 1] !== ' ') {
        out += `\n${continuation}`;
        column = continuation.length;
      } else {
        out += ' ';
        column++;
      }
      afterSpace = true;
    } else {
      out += ch;
      column++;
      afterSpace = false;
    }
  }
  return out;
}
