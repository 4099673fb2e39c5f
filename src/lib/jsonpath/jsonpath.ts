import { formatGoFloat, formatGoNumber, goJsonMarshal, goJsonMarshalIndent, goQuote, goSyntax, type NumberKind } from './go-value-format.ts';
import { GoLiteral, JsonPathEvaluator, JsonPathExecutionError } from './jsonpath-evaluator.ts';
import { parseJsonPath } from './jsonpath-parser.ts';

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys (default true): a missing field yields nothing instead of an error. */
  allowMissingKeys?: boolean;
  /**
   * How integral numbers behave: 'int64' as in objects read from the server (Unstructured), 'float64'
   * as in typed objects kubectl builds itself (`create --dry-run=client`): 1e+06 vs 1000000.
   */
  numbers?: NumberKind;
  /** `-o jsonpath-as-json`: every result set printed as an indented JSON array. */
  outputJson?: boolean;
}

function printValue(value: unknown, numbers: NumberKind): string {
  if (value instanceof GoLiteral) return value.kind === 'float' ? formatGoFloat(value.value) : String(value.value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return goJsonMarshal(value, numbers);
  if (typeof value === 'number') return formatGoNumber(value, numbers);
  return String(value);
}

/**
 * `kubectl -o jsonpath=<template>`: the text kubectl writes to stdout, or the message of the error it
 * reports (without kubectl's `error: ` prefix; it already ends in newlines, as upstream's does).
 */
export function evaluateJsonPath(template: string, data: unknown, options: JsonPathOptions = {}): { ok: true; text: string } | { ok: false; message: string } {
  const numbers = options.numbers ?? 'int64';
  const parsed = parseJsonPath(template);
  if (!parsed.ok) return { ok: false, message: `error parsing jsonpath ${template}, ${parsed.message}\n` };
  try {
    const evaluator = new JsonPathEvaluator(parsed.root, { allowMissingKeys: options.allowMissingKeys ?? true, numbers });
    const results = evaluator.findResults(data);
    if (options.outputJson) {
      const unwrap = (v: unknown): unknown => (v instanceof GoLiteral ? v.value : v);
      return { ok: true, text: results.map((values) => `${goJsonMarshalIndent(values.map(unwrap))}\n`).join('') };
    }
    return { ok: true, text: results.map((values) => values.map((v) => printValue(v, numbers)).join(' ')).join('') };
  } catch (e) {
    if (!(e instanceof JsonPathExecutionError)) throw e;
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data, numbers)}\n\n`;
    return { ok: false, message: `error executing jsonpath ${goQuote(template)}: ${debug}\n` };
  }
}

/**
 * The values a JSONPath expression selects, for lab checks: `.spec.replicas` or `{.spec.replicas}`;
 * missing fields select nothing. Throws on a malformed expression (an authoring error).
 */
export function queryJsonPath(expr: string, data: unknown): unknown[] {
  const template = expr.includes('{') ? expr : `{${expr}}`;
  const parsed = parseJsonPath(template);
  if (!parsed.ok) throw new Error(`invalid jsonpath ${expr}: ${parsed.message}`);
  const evaluator = new JsonPathEvaluator(parsed.root, { allowMissingKeys: true, numbers: 'int64' });
  return evaluator
    .findResults(data)
    .flat()
    .map((v) => (v instanceof GoLiteral ? v.value : v));
}
