/**
 * kubectl's go-template printer (cli-runtime printers/template.go and template_flags.go): the
 * template comes from `-o go-template=…`, `--template` or a file, runs over the object's content,
 * and on failure prints the debugging block to stdout before the error.
 */
import { goJsonMarshal } from '../../lib/jsonpath/go-value-format.ts';
import { formatValue } from '../../lib/go-template/go-fmt.ts';
import { parseGoTemplate, runGoTemplate } from '../../lib/go-template/go-template.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import type { CommandContext } from '../../shell/command.ts';
import { KubectlError } from '../errors.ts';
import type { ParsedFlags } from '../flags.ts';

const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml';

/**
 * Folds --template and the file formats into `-o go-template=TEXT`, failing as
 * GoTemplatePrintFlags.ToPrinter does: no template, an unreadable file.
 */
export function resolveTemplateOutput(flags: ParsedFlags, ctx: CommandContext): void {
  const output = flags.values.get('output');
  const template = flags.values.get('template');
  const templateText = typeof template === 'string' ? template : '';
  if (typeof output !== 'string' && templateText === '') return;
  const format = typeof output === 'string' ? output : 'go-template';
  const [name = '', ...rest] = format.split('=');
  if (!['go-template', 'template', 'go-template-file', 'templatefile'].includes(name)) return;
  if (templateText !== '' && rest.length) throw new KubectlError(`error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED}`);
  const argument = rest.length ? rest.join('=') : templateText;
  if (argument === '') throw new KubectlError('error: template format specified but no template given');
  if (name === 'go-template-file' || name === 'templatefile') {
    const path = resolvePath(ctx.cwd, argument);
    if (!ctx.fs.exists(path)) throw new KubectlError(`error: error reading --template ${argument}, open ${argument}: no such file or directory`);
    if (ctx.fs.stat(path).kind === 'directory') throw new KubectlError(`error: error reading --template ${argument}, read ${argument}: is a directory`);
    flags.values.set('output', `go-template=${ctx.fs.readFile(path)}`);
  } else flags.values.set('output', `go-template=${argument}`);
}

/** Fails on a template that does not parse, before anything is requested. */
export function checkGoTemplate(output: string): void {
  const text = goTemplateText(output);
  if (text === undefined) return;
  const parsed = parseGoTemplate('output', text);
  if (!parsed.ok) throw new KubectlError(`error: error parsing template ${text}, ${parsed.message}`);
}

export function goTemplateText(output: string): string | undefined {
  const match = /^(?:go-template|template)=([\s\S]*)$/.exec(output);
  return match?.[1];
}

export function printGoTemplate(text: string, document: unknown, options: { allowMissingKeys?: boolean } = {}): string {
  const parsed = parseGoTemplate('output', text);
  if (!parsed.ok) throw new KubectlError(`error: error parsing template ${text}, ${parsed.message}`);
  const result = runGoTemplate('output', text, parsed.tree, document, { missingKeyError: options.allowMissingKeys === false });
  if (result.error === undefined) return result.output;
  const debug =
    `Error executing template: ${result.error}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${text}\n` +
    `\traw data was:\n\t\t${goJsonMarshal(document, 'int64')}\n` +
    `\tobject given to template engine was:\n\t\t${formatValue(document)}\n\n`;
  throw new KubectlError(`error: error executing template ${goQuoteText(text)}: ${result.error}`, result.output + debug);
}

const goQuoteText = (text: string) => JSON.stringify(text);
