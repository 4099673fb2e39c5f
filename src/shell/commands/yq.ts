/**
 * yq (mikefarah v4) for the paths an exam asks: `yq [eval] EXPR [FILE...]`, `-o json|yaml`, `-i`,
 * `-n`. Each YAML document goes through the real jq engine (jq.ts), whose syntax covers v4's
 * paths, pipes, select and assignment; results print back as YAML, scalars unquoted as yq prints them.
 */
import { parseAllDocuments, stringify } from 'yaml';
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { jqOrExplain } from './jq.ts';

export const yq: Command = {
  name: 'yq',
  async run(ctx) {
    let args = ctx.argv.slice(1);
    if (args[0] === 'eval' || args[0] === 'e') args = args.slice(1);
    let format: 'yaml' | 'json' = 'yaml';
    let inPlace = false;
    let nullInput = false;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const inline = /^(?:-o|--output-format)=?(.+)$/.exec(a);
      if (a === '-o' || a === '--output-format' || inline) {
        const value = inline ? inline[1]! : args[++i];
        if (value === 'json' || value === 'j') format = 'json';
        else if (value === 'yaml' || value === 'y') format = 'yaml';
        else {
          ctx.stderr.write(`Error: unknown format '${value ?? ''}' please use [auto|a|yaml|y|json|j|props|p|csv|c|tsv|t|xml|x|base64|uri|toml|shell|s|lua|l|ini|i]\n`);
          return 1;
        }
      } else if (a === '-i' || a === '--inplace') inPlace = true;
      else if (a === '-n' || a === '--null-input') nullInput = true;
      else if (a === '-P' || a === '-C' || a === '-M' || a === '-r' || a === '-e') continue;
      else operands.push(a);
    }
    // Models yq's processArgs: a lone argument that names a file is the file, read with `.`.
    const loneFile = operands.length === 1 && !nullInput && ctx.fs.exists(resolvePath(ctx.cwd, operands[0]!));
    const expression = loneFile ? '.' : (operands.shift() ?? '.');
    const files = operands;
    const sources: { file?: string; text: string }[] = [];
    if (nullInput) sources.push({ text: 'null' });
    else if (files.length === 0) sources.push({ text: ctx.stdin });
    for (const file of files) {
      const path = resolvePath(ctx.cwd, file);
      if (!ctx.fs.exists(path)) {
        ctx.stderr.write(`Error: open ${file}: no such file or directory\n`);
        return 1;
      }
      sources.push({ file: path, text: ctx.fs.readFile(path) });
    }
    const raw = await jqOrExplain(ctx);
    if (!raw) return 126;
    for (const source of sources) {
      const documents = parseAllDocuments(source.text, { logLevel: 'error' });
      const outputs: string[] = [];
      for (const document of Array.isArray(documents) ? documents : []) {
        if (document.errors.length > 0) {
          ctx.stderr.write(`Error: bad file '${source.file ?? '-'}': yaml: ${document.errors[0]!.message.split('\n')[0]}\n`);
          return 1;
        }
        let results: string;
        try {
          results = await raw(JSON.stringify(document.toJS() ?? null), expression, ['-c']);
        } catch (error) {
          ctx.stderr.write(`Error: ${(error instanceof Error ? error.message : String(error)).replace(/^jq: (error: )?/, '').split('\n')[0]}\n`);
          return 1;
        }
        outputs.push((results ? results.split('\n') : []).map((line) => render(JSON.parse(line) as unknown, format)).join(''));
      }
      // yq prints a document separator between the results of the file's documents (YAML only).
      const text = outputs.filter(Boolean).join(format === 'yaml' ? '---\n' : '');
      if (inPlace && source.file) ctx.fs.writeFile(source.file, text);
      else ctx.stdout.write(text);
    }
    return 0;
  },
};

/** One result: JSON indented by two, or YAML with scalars bare (yq's unwrapped scalars). */
function render(value: unknown, format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  if (value === null) return 'null\n';
  if (typeof value !== 'object') return `${String(value)}\n`;
  if (Array.isArray(value) && value.length === 0) return '[]\n';
  if (!Array.isArray(value) && Object.keys(value).length === 0) return '{}\n';
  return stringify(value, { lineWidth: 0 });
}
