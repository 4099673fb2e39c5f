/**
 * A background job's command as `jobs` shows it: bash prints the parsed command back
 * (print_cmd.c make_command_string), not the typed text, so `(exit 3)` shows as `( exit 3 )`.
 */
import type { AndOr, Command, List, Pipeline, Redirect, Word, WordPart } from '../ast.ts';

export function jobCommandText(item: AndOr): string {
  return andOrText(item, 0);
}

/** Each level of a compound command's body is indented this much more (print_cmd.c's indentation_amount). */
const INDENT = 4;

function andOrText(item: AndOr, indent: number): string {
  return [pipelineText(item.first, indent), ...item.rest.map(({ op, pipeline }) => `${op} ${pipelineText(pipeline, indent)}`)].join(' ');
}

function pipelineText(pipeline: Pipeline, indent: number): string {
  return `${pipeline.negated ? '! ' : ''}${pipeline.commands.map((command) => commandText(command, indent)).join(' | ')}`;
}

/** A list on one line, each item ended by `;` or `&`; compound items start there and go on at `indent`. */
function listText(list: List, indent: number): string {
  return list.items.map((item) => `${andOrText(item, indent)}${item.background ? ' &' : ';'}`).join(' ');
}

/** A compound command's body: on lines of its own, one level deeper. */
function bodyText(list: List, indent: number): string {
  return `\n${pad(indent + INDENT)}${listText(list, indent + INDENT)}\n${pad(indent)}`;
}

function pad(indent: number): string {
  return ' '.repeat(indent);
}

function commandText(command: Command, indent: number): string {
  if (command.type === 'simple') {
    const words = [...command.assignments.map((a) => `${a.name}=${wordText(a.value)}`), ...command.words.map(wordText)];
    return [...words, ...redirectTexts(command.redirects)].join(' ');
  }
  if (command.type === 'function') return `${command.name} () ${commandText(command.body, indent)}`;
  return [compoundText(command, indent), ...redirectTexts(command.redirects)].join(' ');
}

function compoundText(command: Exclude<Command, { type: 'simple' | 'function' }>, indent: number): string {
  switch (command.type) {
    case 'group':
      return command.subshell ? `( ${listText(command.body, indent).replace(/;$/, '')} )` : `{ ${listText(command.body, indent)} }`;
    case 'if':
      return ifText(command.clauses, command.elseBody, indent);
    case 'for': {
      const items = command.items ? command.items.map(wordText).join(' ') : '"$@"';
      return `for ${command.variable} in ${items};\n${pad(indent)}do${bodyText(command.body, indent)}done`;
    }
    case 'arithmetic':
      return `(( ${command.source.trim()} ))`;
    case 'arithmetic-for':
      return `for ((${command.init.trim()}; ${command.test.trim()}; ${command.step.trim()}))\n${pad(indent)}do${bodyText(command.body, indent)}done`;
    case 'while':
      return `${command.until ? 'until' : 'while'} ${listText(command.condition, indent)} do${bodyText(command.body, indent)}done`;
    case 'case': {
      const items = command.items.map(
        (item) =>
          `${pad(indent + INDENT)}${item.patterns.map(wordText).join(' | ')})\n${pad(indent + 2 * INDENT)}${listText(item.body, indent + 2 * INDENT).replace(/;$/, '')}\n${pad(indent + INDENT)};;\n`,
      );
      return `case ${wordText(command.subject)} in \n${items.join('')}${pad(indent)}esac`;
    }
  }
}

/** bash keeps no `elif`: it parses one as an `if` in the `else` branch, and prints it so. */
function ifText(clauses: Extract<Command, { type: 'if' }>['clauses'], elseBody: List | undefined, indent: number): string {
  const [first, ...rest] = clauses;
  const head = `if ${listText(first!.condition, indent)} then${bodyText(first!.body, indent)}`;
  if (rest.length > 0) return `${head}else\n${pad(indent + INDENT)}${ifText(rest, elseBody, indent + INDENT)};\n${pad(indent)}fi`;
  return `${head}${elseBody ? `else${bodyText(elseBody, indent)}` : ''}fi`;
}

function redirectTexts(redirects: Redirect[]): string[] {
  return redirects.map((r) => `${r.fd === (r.op.startsWith('<') ? 0 : 1) ? '' : r.fd}${r.op} ${wordText(r.target)}`);
}

function wordText(word: Word): string {
  let text = '';
  let inQuotes = false;
  for (const part of word.parts) {
    if (part.quoted !== inQuotes) {
      text += '"';
      inQuotes = part.quoted;
    }
    if (part.type === 'literal') text += part.text;
    else if (part.type === 'parameter') text += parameterText(part);
    else if (part.type === 'command') text += `$(${part.source})`;
    else if (part.type === 'process') text += `${part.direction}(${part.source})`;
    else text += `$((${part.source}))`;
  }
  return inQuotes ? `${text}"` : text;
}

/** `${…}` as typed, for the jobs table. */
function parameterText(part: Extract<WordPart, { type: 'parameter' }>): string {
  if (part.prefixed) return `\${!${part.name}${part.index}}`;
  if (part.indirect) return `\${!${part.name}}`;
  if (!part.modifier && !part.length) return `$${part.name}`;
  const modifier = part.modifier ? `${part.modifier.op}${wordText(part.modifier.word)}${part.modifier.replacement ? `/${wordText(part.modifier.replacement)}` : ''}` : '';
  return `\${${part.length ? '#' : ''}${part.name}${modifier}}`;
}
