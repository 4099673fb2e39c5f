/**
 * `-o yaml` as kubectl prints it: JSON converted to YAML by sigs.k8s.io/yaml, so map keys are
 * sorted, lists sit at their parent's indentation, and each string takes go-yaml's style
 * (go-yaml-scalar-style.ts): `"5000"`, `'#x'`, a `|` block.
 */
import { Document, isScalar, visit } from 'yaml';
import { cutBelow, isDeeperThan, PIECE_DEPTH, reorderKeysDeep } from './deep-pieces.ts';
import { goYamlStringStyle } from './go-yaml-scalar-style.ts';

export function toYaml(value: unknown): string {
  if (!isDeeperThan(value, PIECE_DEPTH)) return printShallow(value);
  const pieces: unknown[] = [];
  return spliceDeep(printShallow(cutBelow(value, PIECE_DEPTH, pieces)), pieces);
}

const YAML_PLACEHOLDER = /^( *)((?:- )*)(?:(.*?):)? ?cka-lab-deep-piece-(\d+)$/;

/**
 * Each placeholder line becomes its piece's text, laid out as go-yaml nests it: a map's collection
 * value on the lines below (a list at the key's indentation), a list item's on the `- ` line.
 */
function spliceDeep(text: string, pieces: unknown[]): string {
  const out: string[] = [];
  const work: { lines: string[]; at: number; indent: string }[] = [{ lines: text.split('\n'), at: 0, indent: '' }];
  while (work.length > 0) {
    const frame = work[work.length - 1]!;
    if (frame.at >= frame.lines.length) {
      work.pop();
      continue;
    }
    const line = frame.lines[frame.at++]!;
    if (line === '' && frame.at === frame.lines.length) continue;
    const match = YAML_PLACEHOLDER.exec(line);
    if (!match) {
      out.push(line === '' ? '' : frame.indent + line);
      continue;
    }
    const [, spaces = '', dashes = '', key, index] = match;
    const piece = pieces[Number(index)];
    const lines = printShallow(cutBelow(piece, PIECE_DEPTH, pieces)).split('\n');
    const column = frame.indent + spaces;
    if (key !== undefined) {
      out.push(`${column}${dashes}${key}:`);
      const nested = column + ' '.repeat(dashes.length) + (Array.isArray(piece) ? '' : '  ');
      work.push({ lines, at: 0, indent: nested });
    } else {
      // A list item: the piece's first line shares the item's `- `, the rest align after it.
      const align = ' '.repeat(dashes.length);
      work.push({ lines: lines.map((l, n) => (n === 0 ? dashes + l : l === '' ? l : align + l)), at: 0, indent: column });
    }
  }
  return `${out.join('\n')}\n`;
}

function printShallow(value: unknown): string {
  // No anchors: an object reached twice prints twice, as Go's encoder does.
  const doc = new Document(value, { sortMapEntries: true, version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string') node.type = goYamlStringStyle(node.value);
    },
  });
  const text = doc.toString({
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    nullStr: 'null',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    singleQuote: null,
    doubleQuotedAsJSON: true,
    flowCollectionPadding: false,
  });
  // go-yaml writes a lone `.` plain (FieldsV1's `.: {}`); the yaml package's 1.1 float pattern
  // would read it as a number, so it quotes it.
  const dots = text.replace(/^(\s*(?:- )*)"\.":(?= |$)/gm, '$1.:').replace(/: "\."$/gm, ': .');
  return dots.endsWith('\n') ? dots : `${dots}\n`;
}

/** `-o json`: 4-space indentation, keys in the order given. */
export function toJson(value: unknown): string {
  if (!isDeeperThan(value, PIECE_DEPTH)) return `${JSON.stringify(value, null, 4)}\n`;
  const pieces: unknown[] = [];
  const out: string[] = [];
  const work: { lines: string[]; at: number; indent: string }[] = [{ lines: JSON.stringify(cutBelow(value, PIECE_DEPTH, pieces), null, 4).split('\n'), at: 0, indent: '' }];
  while (work.length > 0) {
    const frame = work[work.length - 1]!;
    const line = frame.lines[frame.at++];
    if (line === undefined) {
      work.pop();
      continue;
    }
    const match = JSON_PLACEHOLDER.exec(line);
    if (!match) {
      out.push(frame.indent + line);
      continue;
    }
    const [, spaces = '', key = '', index, comma = ''] = match;
    const lines = JSON.stringify(cutBelow(pieces[Number(index)], PIECE_DEPTH, pieces), null, 4).split('\n');
    lines[0] = key + lines[0]!;
    lines[lines.length - 1] += comma;
    work.push({ lines, at: 0, indent: frame.indent + spaces });
  }
  return `${out.join('\n')}\n`;
}

const JSON_PLACEHOLDER = /^( *)("(?:[^"\\]|\\.)*": )?"cka-lab-deep-piece-(\d+)"(,?)$/;

/** A copy with every object's keys sorted, as Go's encoding/json writes a map. */
export function sortKeysDeep(value: unknown): unknown {
  return reorderKeysDeep(value, (keys) => keys.sort());
}
