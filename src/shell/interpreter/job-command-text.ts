/**
 * A background job's command as `jobs` shows it: bash prints the parsed command back
 * (print_cmd.c make_command_string), not the typed text, so `(exit 3)` shows as `( exit 3 )`.
 */
import type { AndOr, Command, List, Pipeline, Word } from '../ast.ts';

export function jobCommandText(item: AndOr): string {
  return [pipelineText(item.first), ...item.rest.map(({ op, pipeline }) => `${op} ${pipelineText(pipeline)}`)].join(' ');
}

function pipelineText(pipeline: Pipeline): string {
  return `${pipeline.negated ? '! ' : ''}${pipeline.commands.map(commandText).join(' | ')}`;
}

function listText(list: List): string {
  return list.items.map((item) => `${jobCommandText(item)}${item.background ? ' &' : ';'}`).join(' ');
}

function commandText(command: Command): string {
  switch (command.type) {
    case 'simple': {
      const words = [...command.assignments.map((a) => `${a.name}=${wordText(a.value)}`), ...command.words.map(wordText)];
      const redirects = command.redirects.map((r) => `${r.fd === (r.op.startsWith('<') ? 0 : 1) ? '' : r.fd}${r.op} ${wordText(r.target)}`);
      return [...words, ...redirects].join(' ');
    }
    case 'group':
      return command.subshell ? `( ${listText(command.body).replace(/;$/, '')} )` : `{ ${listText(command.body)} }`;
    case 'if':
      return `if ${command.clauses.map((c, i) => `${i > 0 ? 'elif ' : ''}${listText(c.condition)} then ${listText(c.body)}`).join(' ')}${command.elseBody ? ` else ${listText(command.elseBody)}` : ''} fi`;
    case 'for':
      return `for ${command.variable}${command.items ? ` in ${command.items.map(wordText).join(' ')}` : ''}; do ${listText(command.body)} done`;
    case 'while':
      return `${command.until ? 'until' : 'while'} ${listText(command.condition)} do ${listText(command.body)} done`;
    case 'case':
      return `case ${wordText(command.subject)} in ${command.items.map((i) => `${i.patterns.map(wordText).join(' | ')}) ${listText(i.body)};;`).join(' ')} esac`;
    case 'function':
      return `${command.name} () ${commandText(command.body)}`;
  }
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
    else if (part.type === 'parameter')
      text +=
        part.modifier || part.length ? `\${${part.length ? '#' : ''}${part.name}${part.modifier ? `${part.modifier.op}${wordText(part.modifier.word)}` : ''}}` : `$${part.name}`;
    else if (part.type === 'command') text += `$(${part.source})`;
    else if (part.type === 'process') text += `${part.direction}(${part.source})`;
    else text += `$((${part.source}))`;
  }
  return inQuotes ? `${text}"` : text;
}
