/**
 * Evaluation of a parsed JSONPath template over decoded JSON, modelled on client-go
 * util/jsonpath/jsonpath.go as kubectl v1.35 ships it (FindResults and the eval* functions):
 * `{range}` pushes the scope and runs the following nodes once per value until an `{end}` breaks
 * out; evaluation then resumes after that `{end}` in the outer scope.
 */
import { goTypeName, goValueText, isGoInt, type NumberKind } from './go-value-format.ts';
import type { JsonPathNode, ListNode, SliceParam } from './jsonpath-parser.ts';

/** A value with a Go type JSON cannot carry: template numbers (`int`, `float64`) and string bytes (`uint8`). */
export class GoLiteral {
  constructor(
    readonly kind: 'int' | 'float' | 'uint8',
    readonly value: number,
  ) {}
}

export class JsonPathExecutionError extends Error {}

export interface EvaluatorOptions {
  allowMissingKeys: boolean;
  numbers: NumberKind;
}

type Value = unknown;

const isMap = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoLiteral);
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Arrays, maps and strings iterate; strings as their UTF-8 bytes (v1.35 evalWildcard/evalRecursive).
// Deliberate deviation: kubectl visits map values in Go's random map order; we sort by key, as later
// client-go releases do, so output is reproducible.
function iterate(value: Value): Value[] | undefined {
  if (Array.isArray(value)) return value;
  if (isMap(value))
    return Object.keys(value)
      .sort(compareKeys)
      .map((k) => value[k]);
  if (typeof value === 'string') return utf8Bytes(value).map((b) => new GoLiteral('uint8', b));
  return undefined;
}

function utf8Bytes(s: string): number[] {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return bytes;
}

export class JsonPathEvaluator {
  private stack: Value[][] = [];
  private cur: Value[] = [];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JsonPathNode | undefined;

  constructor(
    private readonly root: ListNode,
    private readonly options: EvaluatorOptions,
  ) {}

  findResults(data: Value): Value[][] {
    this.cur = [data];
    const nodes = this.root.nodes;
    const fullResult: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as JsonPathNode;
      const results = this.walk(this.cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.root.nodes = nodes.slice(i + 1);
            fullResult.push(...this.findResults(value));
          }
        } else {
          // An empty range still walks its body (errors surface) so the matching {end} is found.
          this.root.nodes = nodes.slice(i + 1);
          this.findResults(null);
        }
        this.inRange--;
        this.cur = this.stack.pop() ?? this.cur;
        const end = nodes.indexOf(this.lastEndNode as JsonPathNode, i + 1);
        if (end >= 0) i = end;
        continue;
      }
      fullResult.push(results);
    }
    return fullResult;
  }

  private walk(values: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(values, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(values, node.name);
      case 'array':
        return this.evalArray(values, node.params);
      case 'filter':
        return this.evalFilter(values, node);
      case 'int':
        return values.map(() => new GoLiteral('int', node.value));
      case 'float':
        return values.map(() => new GoLiteral('float', node.value));
      case 'bool':
        return values.map(() => node.value);
      case 'wildcard':
        return values.flatMap((v) => iterate(v) ?? []);
      case 'recursive':
        return this.evalRecursive(values);
      case 'union':
        return node.lists.flatMap((list) => this.evalList(values, list));
      case 'identifier':
        return this.evalIdentifier(values, node.name);
    }
  }

  private evalList(values: Value[], list: ListNode): Value[] {
    let current = values;
    for (const node of list.nodes) current = this.walk(current, node);
    return current;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.stack.push(this.cur);
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.endRange < this.inRange) {
        this.endRange++;
        return [];
      }
      const popped = this.stack.pop();
      if (popped === undefined) throw new JsonPathExecutionError('not in range, nothing to end');
      this.cur = popped;
      return [];
    }
    throw new JsonPathExecutionError(`unrecognized identifier ${name}`);
  }

  private evalField(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const value of input) {
      if (isMap(value) && Object.hasOwn(value, name) && value[name] !== undefined) results.push(value[name]);
    }
    if (results.length === 0 && !this.options.allowMissingKeys) throw new JsonPathExecutionError(`${name} is not found`);
    return results;
  }

  private evalArray(input: Value[], template: [SliceParam, SliceParam, SliceParam]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) {
        throw new JsonPathExecutionError(`${goTypeName(value, this.options.numbers)} is not array or slice`);
      }
      const length = value.length;
      const [p0, p1, p2] = template.map((p) => ({ ...p })) as [SliceParam, SliceParam, SliceParam];
      if (!p0.known) p0.value = 0;
      if (p0.value < 0) p0.value += length;
      if (!p1.known) p1.value = length;
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += length;
      if (p1.value === p0.value) return result;
      if (p0.value >= length || p0.value < 0) {
        throw new JsonPathExecutionError(`array index out of bounds: index ${p0.value}, length ${length}`);
      }
      if (p1.value > length || p1.value < 0) {
        throw new JsonPathExecutionError(`array index out of bounds: index ${p1.value - 1}, length ${length}`);
      }
      if (p0.value > p1.value) {
        throw new JsonPathExecutionError(`starting index ${p0.value} is greater than ending index ${p1.value}`);
      }
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) throw new JsonPathExecutionError('step must be > 0');
        step = p2.value;
      }
      const slice = value.slice(p0.value, p1.value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      const children = iterate(value);
      if (children === undefined || children.length === 0) continue;
      result.push(value, ...this.evalRecursive(children));
    }
    return result;
  }

  // Models the v1.35 evalFilter: only arrays filter, and comparisons of mismatched kinds are errors.
  private evalFilter(input: Value[], node: Extract<JsonPathNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new JsonPathExecutionError(`${goValueText(value, this.options.numbers)} is not array or slice and cannot be filtered`);
      }
      for (const item of value) {
        if (node.operator === 'exists') {
          let lefts: Value[] = [];
          try {
            lefts = this.evalList([item], node.left);
          } catch (e) {
            if (!(e instanceof JsonPathExecutionError)) throw e;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecutionError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecutionError('can only compare one element at a time');
        if (this.compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }

  // The forked text/template comparison functions (Less, Equal, LessEqual, ...).
  private compare(operator: string, left: Value, right: Value): boolean {
    const l = this.basic(left);
    const r = this.basic(right);
    const less = (): boolean => {
      if (l.kind === 'bool') throw new JsonPathExecutionError('invalid type for comparison');
      return (l.value as number | string) < (r.value as number | string);
    };
    const equal = (): boolean => l.value === r.value;
    if (!['<', '>', '==', '!=', '<=', '>='].includes(operator)) {
      throw new JsonPathExecutionError(`unrecognized filter operator ${operator}`);
    }
    if (l.kind !== r.kind) throw new JsonPathExecutionError('incompatible types for comparison');
    switch (operator) {
      case '==':
        return equal();
      case '!=':
        return !equal();
      case '<':
        return less();
      case '>=':
        return !less();
      case '<=':
        return less() || equal();
      default:
        return !(less() || equal());
    }
  }

  private basic(v: Value): { kind: 'bool' | 'int' | 'float' | 'string'; value: boolean | number | string } {
    if (v instanceof GoLiteral) return { kind: v.kind === 'float' ? 'float' : 'int', value: v.value };
    if (typeof v === 'boolean') return { kind: 'bool', value: v };
    if (typeof v === 'string') return { kind: 'string', value: v };
    if (typeof v === 'number') return { kind: isGoInt(v, this.options.numbers) ? 'int' : 'float', value: v };
    throw new JsonPathExecutionError('invalid type for comparison');
  }
}
