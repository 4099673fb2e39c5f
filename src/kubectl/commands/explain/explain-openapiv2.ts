/**
 * `kubectl explain -o plaintext-openapiv2`: the explain of kubectl before v1.27, read from the
 * same schemas. Models pkg/explain (explain.go, field_lookup.go, model_printer.go,
 * fields_printer.go, recursive_fields_printer.go, typename.go, formatter.go) over kube-openapi's
 * proto model: Kind, Map, Array, Primitive, Arbitrary and Reference.
 */
import type { ExplainResult } from './explain-renderer.ts';

type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  type?: string;
  format?: string;
  oneOf?: Schema[];
  enum?: unknown[];
};

type Model =
  | { kind: 'kind'; description: string; fields: Record<string, Schema>; required: string[] }
  | { kind: 'map'; description: string; sub: () => Model }
  | { kind: 'array'; description: string; sub: () => Model }
  | { kind: 'primitive'; description: string; type: string }
  | { kind: 'arbitrary'; description: string }
  | { kind: 'reference'; description: string; ref: string; sub: () => Model };

const WRAP = 80;
const sortedKeys = (record: Record<string, unknown>) => Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

class Formatter {
  constructor(
    readonly out: string[],
    readonly level = 0,
  ) {}

  indent(amount: number): Formatter {
    return new Formatter(this.out, this.level + amount);
  }

  write(text: string): void {
    this.out.push(text === '' ? '\n' : `${' '.repeat(this.level)}${text}\n`);
  }

  writeWrapped(text: string): void {
    for (const line of wrapParagraphs(text, WRAP - this.level)) this.write(line);
  }
}

const BULLET = /^(\d+\.?|-|\*)\s/;

function shouldStartNewLine(lastWord: string, line: string): boolean {
  if (lastWord.endsWith(':') || line.startsWith('    ')) return true;
  const trimmed = line.trim();
  return trimmed.length === 0 || BULLET.test(trimmed);
}

/** formatter.go wrapString: words refilled into lines, keeping code blocks, blank lines and lists. */
export function wrapParagraphs(text: string, wrap: number): string[] {
  const wrapped: string[] = [];
  let words: string[] = [];
  let lastWord = '';
  const flush = () => {
    if (words.length === 0) return;
    lastWord = '';
    wrapped.push(words.join(' '));
    words = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush();
      wrapped.push(line);
      continue;
    }
    if (wrapped.length > 0 && line.trim().length === 0) {
      flush();
      wrapped.push('');
      continue;
    }
    if (shouldStartNewLine(lastWord, line)) flush();
    for (const word of line.split(/\s+/).filter(Boolean)) {
      lastWord = word;
      if (words.length > 0 && [...words, word].join(' ').length > wrap) flush();
      words.push(word);
    }
  }
  flush();
  return wrapped;
}

export function renderExplainV2(
  document: Record<string, unknown>,
  gvkSchema: Schema,
  kind: { kind: string; groupVersion: string },
  fieldPath: string[],
  recursive: boolean,
): ExplainResult {
  const resolve = (ref: string): Schema => {
    let current: unknown = document;
    for (const part of ref.replace(/^#\//, '').split('/')) current = (current as Record<string, unknown> | undefined)?.[part];
    return (current ?? {}) as Schema;
  };
  // kube-openapi proto's parse of one schema.
  // The v2 document has no enums: their "Possible enum values" paragraph is v3's alone.
  const v2Description = (schema: Schema) => (schema.enum ? (schema.description ?? '').replace(/\n\nPossible enum values:[\s\S]*$/, '') : (schema.description ?? ''));
  const model = (schema: Schema, description = v2Description(schema)): Model => {
    if (schema.$ref) return { kind: 'reference', description, ref: schema.$ref, sub: () => model(resolve(schema.$ref!)) };
    if (schema.allOf?.length === 1 && schema.allOf[0]!.$ref)
      return { kind: 'reference', description, ref: schema.allOf[0]!.$ref, sub: () => model(resolve(schema.allOf![0]!.$ref!)) };
    // IntOrString and Quantity are oneOf integer/string in v3, plain strings in v2.
    if (schema.format === 'int-or-string' || (schema.oneOf && !schema.type)) return { kind: 'primitive', description, type: 'string' };
    if (schema.type === 'array' || schema.items) return { kind: 'array', description, sub: () => model(schema.items ?? {}) };
    if (schema.properties && Object.keys(schema.properties).length) return { kind: 'kind', description, fields: schema.properties, required: schema.required ?? [] };
    if (schema.type === 'object' || typeof schema.additionalProperties === 'object') {
      const sub = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      return { kind: 'map', description, sub: () => (sub ? model(sub) : { kind: 'arbitrary', description: '' }) };
    }
    if (schema.type) return { kind: 'primitive', description, type: schema.type };
    if (schema.format === 'int-or-string') return { kind: 'primitive', description, type: 'string' };
    return { kind: 'arbitrary', description };
  };
  const typeName = (m: Model): string => {
    switch (m.kind) {
      case 'array':
        return `[]${typeName(m.sub())}`;
      case 'map':
        return `map[string]${typeName(m.sub())}`;
      case 'kind':
        return 'Object';
      case 'primitive':
        return m.type;
      case 'reference':
        return typeName(m.sub());
      case 'arbitrary':
        return '';
    }
  };

  // field_lookup.go: arrays, maps and references pass through; a primitive ends the walk early.
  let leaf = model(gvkSchema);
  let path = [...fieldPath];
  for (;;) {
    if (leaf.kind === 'primitive' || leaf.kind === 'arbitrary') break;
    if (path.length === 0) break;
    if (leaf.kind === 'kind') {
      const field = leaf.fields[path[0]!];
      if (!field) return { output: '', error: `error: field ${JSON.stringify(path[0])} does not exist` };
      path = path.slice(1);
      leaf = model(field);
    } else leaf = leaf.sub();
  }

  const out: string[] = [];
  const writer = new Formatter(out);
  const name = fieldPath[fieldPath.length - 1] ?? '';
  const descriptions: string[] = [];
  let type = '';
  const kindAndVersion = () => {
    writer.write(`KIND:     ${kind.kind}`);
    writer.write(`VERSION:  ${kind.groupVersion}\n`);
  };
  const printDescription = (own: string) => {
    writer.write('DESCRIPTION:');
    let empty = true;
    [...descriptions, own].forEach((text, i) => {
      if (text === '') return;
      empty = false;
      if (i !== 0) writer.write('');
      writer.indent(5).writeWrapped(text);
    });
    if (empty) writer.indent(5).writeWrapped('<empty>');
  };
  // model_printer.go: collect descriptions through arrays, maps and references down to the leaf.
  for (let m = leaf; ;) {
    if (m.kind === 'array' || m.kind === 'map' || m.kind === 'reference') {
      descriptions.push(m.description);
      if (type === '' && m.kind !== 'reference') type = typeName(m);
      m = m.sub();
      continue;
    }
    kindAndVersion();
    if (m.kind === 'kind') {
      if (type === '') type = 'Object';
      if (name !== '') writer.write(`RESOURCE: ${name} <${type}>\n`);
      printDescription(m.description);
      writer.write('\nFIELDS:');
      printFields(writer.indent(3), m, recursive, model, typeName, new Set());
    } else if (m.kind === 'primitive') {
      if (type === '') type = m.type;
      writer.write(`FIELD:    ${name} <${type}>\n`);
      printDescription(m.description);
    } else printDescription(m.description);
    break;
  }
  return { output: out.join('') };
}

function printFields(writer: Formatter, m: Model, recursive: boolean, model: (s: Schema) => Model, typeName: (m: Model) => string, visited: Set<string>): void {
  if (m.kind === 'array' || m.kind === 'map') return printFields(writer, m.sub(), recursive, model, typeName, visited);
  if (m.kind === 'reference') {
    if (recursive) {
      if (visited.has(m.ref)) return;
      visited.add(m.ref);
      printFields(writer, m.sub(), recursive, model, typeName, visited);
      visited.delete(m.ref);
      return;
    }
    return printFields(writer, m.sub(), recursive, model, typeName, visited);
  }
  if (m.kind !== 'kind') return;
  for (const key of sortedKeys(m.fields)) {
    const field = model(m.fields[key]!);
    if (recursive) {
      writer.write(`${key}\t<${typeName(field)}>`);
      printFields(writer.indent(3), field, recursive, model, typeName, visited);
      continue;
    }
    writer.write(`${key}\t<${typeName(field)}>${m.required.includes(key) ? ' -required-' : ''}`);
    writer.indent(2).writeWrapped(field.description);
    writer.write('');
  }
}
