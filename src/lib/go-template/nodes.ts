/** The parse tree of text/template (text/template/parse/node.go) and how each node prints itself in errors. */
import { type GoNumber } from './values.ts';

export type ArgNode =
  | { type: 'field'; pos: number; idents: string[] }
  | { type: 'variable'; pos: number; idents: string[] }
  | { type: 'chain'; pos: number; node: ArgNode; fields: string[] }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; value: GoNumber }
  | { type: 'string'; pos: number; quoted: string; value: string }
  | PipeNode;

export interface CommandNode {
  pos: number;
  args: ArgNode[];
}

export interface PipeNode {
  type: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: string[];
  cmds: CommandNode[];
}

export type Node =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: PipeNode }
  | { type: 'if' | 'range' | 'with'; pos: number; pipe: PipeNode; list: Node[]; elseList?: Node[] }
  | { type: 'template'; pos: number; name: string; pipe?: PipeNode }
  | { type: 'break' | 'continue'; pos: number };

export function argString(node: ArgNode): string {
  switch (node.type) {
    case 'field':
      return node.idents.map((i) => `.${i}`).join('');
    case 'variable':
      return node.idents.join('.');
    case 'chain': {
      const inner = node.node.type === 'pipe' ? `(${pipeString(node.node)})` : argString(node.node);
      return inner + node.fields.map((f) => `.${f}`).join('');
    }
    case 'identifier':
      return node.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(node.value);
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'pipe':
      return pipeString(node);
  }
}

export function commandString(cmd: CommandNode): string {
  return cmd.args.map((a) => (a.type === 'pipe' ? `(${pipeString(a)})` : argString(a))).join(' ');
}

export function pipeString(pipe: PipeNode): string {
  const decl = pipe.decl.length ? `${pipe.decl.join(', ')} ${pipe.isAssign ? '=' : ':='} ` : '';
  return decl + pipe.cmds.map(commandString).join(' | ');
}

export function nodeString(node: Node): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'action':
      return `{{${pipeString(node.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with': {
      const elsePart = node.elseList ? `{{else}}${node.elseList.map(nodeString).join('')}` : '';
      return `{{${node.type} ${pipeString(node.pipe)}}}${node.list.map(nodeString).join('')}${elsePart}{{end}}`;
    }
    case 'template':
      return node.pipe ? `{{template ${JSON.stringify(node.name)} ${pipeString(node.pipe)}}}` : `{{template ${JSON.stringify(node.name)}}}`;
    case 'break':
    case 'continue':
      return `{{${node.type}}}`;
  }
}
