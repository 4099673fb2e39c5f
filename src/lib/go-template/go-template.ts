/** Go's text/template as kubectl's template printer uses it: parse once, execute over an object. */
import { BUILTINS } from './functions.ts';
import { executeTemplate, type ExecOptions } from './exec.ts';
import { parseTemplate, TemplateParseError, type ParsedTemplate } from './parser.ts';

export type { ExecOptions } from './exec.ts';

const FUNCTION_NAMES: ReadonlySet<string> = new Set(Object.keys(BUILTINS));

export function parseGoTemplate(name: string, text: string): { ok: true; tree: ParsedTemplate } | { ok: false; message: string } {
  try {
    return { ok: true, tree: parseTemplate(name, text, FUNCTION_NAMES) };
  } catch (error) {
    if (error instanceof TemplateParseError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The output written before any failure, and the failure in exec.go's words. */
export function runGoTemplate(name: string, text: string, tree: ParsedTemplate, data: unknown, options: ExecOptions = {}): { output: string; error?: string } {
  return executeTemplate(name, text, tree, data, options);
}
