/**
 * Just enough of a Go reader for the k8s.io/api and k8s.io/apimachinery type files: struct
 * fields with their JSON names, `+enum` string types with their constants, and the doc comments
 * openapi-gen reads `+default=` from. Regular expressions suffice because those files are
 * gofmt'ed and generated code is skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoField {
  jsonName: string;
  /** Go type expression as written (`*SecurityContext`, `[]v1.Container`, `metav1.Time`). */
  type: string;
  omitEmpty: boolean;
  /** `omitzero`: a struct value is left out when zero (omitempty never leaves one out). */
  omitZero: boolean;
  /** Embedded with `json:",inline"` (TypeMeta): its fields belong to the outer struct. */
  inline: boolean;
  comments: string[];
}

export interface GoConst {
  name: string;
  value: string;
  comments: string[];
}

export interface GoPackage {
  /** import alias → Go import path, per file merged (k8s files agree on aliases). */
  imports: Map<string, string>;
  structs: Map<string, GoField[]>;
  /** `type X Y` declarations that are not structs: name → underlying type expression. */
  named: Map<string, string>;
  enums: Set<string>;
  /** type name → constants of that type, in source order. */
  consts: Map<string, GoConst[]>;
}

function isSourceFile(name: string): boolean {
  return name.endsWith('.go') && !name.endsWith('_test.go') && !name.startsWith('zz_generated') && !name.startsWith('generated.') && !name.includes('swagger_doc');
}

function commentText(line: string): string {
  return line.replace(/^\s*\/\/ ?/, '');
}

function parseImports(text: string, imports: Map<string, string>): void {
  const block = /^import \(([\s\S]*?)^\)/m.exec(text)?.[1] ?? '';
  const single = [...text.matchAll(/^import ((?:\w+ )?"[^"]+")$/gm)].map((m) => m[1]!);
  for (const spec of [...block.split('\n'), ...single]) {
    const m = /^\s*(\w+)?\s*"([^"]+)"/.exec(spec);
    if (!m) continue;
    const path = m[2]!;
    imports.set(m[1] ?? path.split('/').pop()!, path);
  }
}

function parseStruct(body: string[]): GoField[] {
  const fields: GoField[] = [];
  let comments: string[] = [];
  for (const line of body) {
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) {
      comments.push(commentText(line));
      continue;
    }
    if (trimmed === '') {
      comments = [];
      continue;
    }
    const m = /^\s*(?:(\w+)\s+)?([*\w.[\]]+(?:\[[^\]]*\][*\w.]+)?)\s+`([^`]*)`/.exec(line);
    if (m) {
      const tag = /json:"([^"]*)"/.exec(m[3]!)?.[1] ?? '';
      const [name, ...opts] = tag.split(',');
      if (name !== '-') {
        fields.push({
          jsonName: name ?? '',
          type: m[2]!,
          omitEmpty: opts.includes('omitempty') || opts.includes('omitzero'),
          omitZero: opts.includes('omitzero'),
          inline: opts.includes('inline'),
          comments,
        });
      }
    }
    comments = [];
  }
  return fields;
}

export function readGoPackage(dir: string): GoPackage {
  const pkg: GoPackage = { imports: new Map(), structs: new Map(), named: new Map(), enums: new Set(), consts: new Map() };
  for (const file of readdirSync(dir).filter(isSourceFile).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    parseImports(text, pkg.imports);
    const lines = text.split('\n');
    let comments: string[] = [];
    let inConst = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (/^\s*\/\//.test(line)) {
        comments.push(commentText(line));
        continue;
      }
      const struct = /^type (\w+) struct \{$/.exec(line);
      if (struct) {
        const body: string[] = [];
        while (!/^\}/.test(lines[++i] ?? '}')) body.push(lines[i]!);
        pkg.structs.set(struct[1]!, parseStruct(body));
      } else {
        const named = /^type (\w+) (\S[^{]*?)\s*$/.exec(line);
        if (named) {
          pkg.named.set(named[1]!, named[2]!);
          if (comments.some((c) => /^\s*\+enum\s*$/.test(c))) pkg.enums.add(named[1]!);
        }
      }
      if (/^const \($/.test(line)) inConst = true;
      else if (inConst && /^\)$/.test(line)) inConst = false;
      const constant = inConst ? /^\s+(\w+)\s+(\w+)\s*=\s*"([^"]*)"/.exec(line) : /^const (\w+)\s+(\w+)\s*=\s*"([^"]*)"/.exec(line);
      if (constant) {
        const list = pkg.consts.get(constant[2]!) ?? [];
        list.push({ name: constant[1]!, value: constant[3]!, comments });
        pkg.consts.set(constant[2]!, list);
      }
      comments = [];
    }
  }
  return pkg;
}
