/**
 * The parser of text/template (text/template/parse/parse.go): a tree of actions and control
 * structures, named templates from define/block, and parse.go's error wording.
 */
import { lex, type Item } from './lexer.ts';
import type { ArgNode, CommandNode, Node, PipeNode } from './nodes.ts';
import { parseNumber, unquoteChar, unquoteString } from './literals.ts';

export class TemplateParseError extends Error {}

export interface ParsedTemplate {
  root: Node[];
  defined: Map<string, Node[]>;
}

export function parseTemplate(name: string, text: string, functions: ReadonlySet<string>): ParsedTemplate {
  return new Parser(name, lex(text), functions).parse();
}

class Parser {
  private index = 0;
  private vars: string[] = ['$'];
  private readonly defined = new Map<string, Node[]>();
  private last: Item;

  constructor(
    private readonly name: string,
    private readonly items: Item[],
    private readonly functions: ReadonlySet<string>,
  ) {
    this.last = items[0]!;
  }

  parse(): ParsedTemplate {
    const root: Node[] = [];
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        const word = this.nextNonSpace();
        if (word.type === 'keyword' && word.value === 'define') {
          this.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const node = this.textOrAction();
      if (node.type !== 'node') this.errorf(`unexpected {{${node.type}}}`);
      root.push(node.node);
    }
    return { root, defined: this.defined };
  }

  private parseDefinition() {
    const nameItem = this.nextNonSpace();
    if (nameItem.type !== 'string' && nameItem.type !== 'rawString') this.unexpected(nameItem, 'define clause');
    const name = unquoteString(nameItem.value);
    this.expect('rightDelim', 'define clause');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList('define');
    if (end !== 'end') this.errorf('unexpected {{else}} in define clause');
    this.vars = saved;
    this.defined.set(name, list);
  }

  private itemList(context: string): [Node[], 'end' | 'else'] {
    const list: Node[] = [];
    while (this.peekNonSpace().type !== 'eof') {
      const node = this.textOrAction();
      if (node.type !== 'node') return [list, node.type];
      list.push(node.node);
    }
    this.errorf('unexpected EOF');
    void context;
    throw new Error('unreachable');
  }

  private textOrAction(): { type: 'node'; node: Node } | { type: 'end' | 'else'; item: Item } {
    const token = this.nextNonSpace();
    if (token.type === 'text') return { type: 'node', node: { type: 'text', pos: token.pos, text: token.value } };
    if (token.type === 'leftDelim') return this.action();
    if (token.type === 'error') this.errorf(token.value);
    return this.unexpected(token, 'input');
  }

  private action(): { type: 'node'; node: Node } | { type: 'end' | 'else'; item: Item } {
    const token = this.nextNonSpace();
    if (token.type === 'keyword') {
      switch (token.value) {
        case 'block':
          return { type: 'node', node: this.blockControl(token) };
        case 'break':
        case 'continue':
          this.expect('rightDelim', token.value);
          return { type: 'node', node: { type: token.value, pos: token.pos } };
        case 'else':
          return { type: 'else', item: token };
        case 'end':
          this.expect('rightDelim', 'end');
          return { type: 'end', item: token };
        case 'if':
        case 'range':
        case 'with':
          return { type: 'node', node: this.control(token.value, token.pos) };
        case 'template':
          return { type: 'node', node: this.templateControl(token) };
        case 'define':
          this.errorf('unexpected <define> in command');
      }
    }
    this.backup();
    const pipe = this.pipeline('command', 'rightDelim');
    return { type: 'node', node: { type: 'action', pos: token.pos, pipe } };
  }

  private control(kind: 'if' | 'range' | 'with', pos: number): Node {
    const savedVars = this.vars.length;
    const pipe = this.pipeline(kind, 'rightDelim');
    const [list, next] = this.itemList(kind);
    let elseList: Node[] | undefined;
    if (next === 'else') {
      // `{{else if …}}` and `{{else with …}}` nest a control in the else branch, ended by one {{end}}.
      if ((kind === 'if' && this.peekNonSpace().value === 'if') || (kind === 'with' && this.peekNonSpace().value === 'with')) {
        const word = this.nextNonSpace();
        elseList = [this.control(kind, word.pos)];
      } else {
        this.expect('rightDelim', 'else');
        const [rest, end] = this.itemList(kind);
        if (end !== 'end') this.errorf(`expected end; found {{else}}`);
        elseList = rest;
      }
    }
    this.vars.length = savedVars;
    return { type: kind, pos, pipe, list, ...(elseList ? { elseList } : {}) };
  }

  private templateControl(token: Item): Node {
    const nameItem = this.nextNonSpace();
    if (nameItem.type !== 'string' && nameItem.type !== 'rawString') this.unexpected(nameItem, 'template clause');
    const name = unquoteString(nameItem.value);
    void token;
    if (this.nextNonSpace().type === 'rightDelim') return { type: 'template', pos: nameItem.pos, name };
    this.backup();
    return { type: 'template', pos: nameItem.pos, name, pipe: this.pipeline('template clause', 'rightDelim') };
  }

  private blockControl(token: Item): Node {
    const nameItem = this.nextNonSpace();
    if (nameItem.type !== 'string' && nameItem.type !== 'rawString') this.unexpected(nameItem, 'block clause');
    const name = unquoteString(nameItem.value);
    const pipe = this.pipeline('block clause', 'rightDelim');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList('block');
    if (end !== 'end') this.errorf('unexpected {{else}} in block clause');
    this.vars = saved;
    this.defined.set(name, list);
    return { type: 'template', pos: token.pos, name, pipe };
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: start.pos, isAssign: false, decl: [], cmds: [] };
    // Declarations: `$x :=`, `$x =`, and in range `$i, $e :=`.
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      const at = this.items.indexOf(v);
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.type === 'declare' || next.type === 'assign') {
        this.nextNonSpace();
        pipe.isAssign = next.type === 'assign';
        pipe.decl.push(v.value);
        this.vars.push(v.value);
        break;
      }
      if (next.type === 'punct' && next.value === ',') {
        this.nextNonSpace();
        pipe.decl.push(v.value);
        this.vars.push(v.value);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      this.index = at;
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
        pipe.cmds.forEach((cmd, i) => {
          if (i === 0) return;
          const first = cmd.args[0]!;
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(first.type)) this.errorf(`non executable command in pipeline stage ${i + 1}`);
        });
        return pipe;
      }
      if (['bool', 'charConstant', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(token.type)) {
        this.backup();
        pipe.cmds.push(this.command());
      } else if (token.type === 'error') this.errorf(token.value);
      else this.unexpected(token, context);
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') {
        if (token.type === 'error') this.errorf(token.value);
        this.unexpected(token, 'operand');
      }
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().type !== 'field') return node;
    // parse.go operand: the chain, and the field or variable it folds into, sit at the first added field.
    const chainPos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().value.slice(1));
    if (node.type === 'field') return { type: 'field', pos: chainPos, idents: [...node.idents, ...fields] };
    if (node.type === 'variable') return { type: 'variable', pos: chainPos, idents: [...node.idents, ...fields] };
    if (['bool', 'string', 'number', 'nil', 'dot'].includes(node.type))
      this.errorf(
        `unexpected . after term "${node.type === 'string' ? node.quoted : node.type === 'number' ? node.text : node.type === 'bool' ? String(node.value) : node.type === 'nil' ? 'nil' : '.'}"`,
      );
    return { type: 'chain', pos: chainPos, node, fields };
  }

  private term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!this.functions.has(token.value)) this.errorf(`function "${token.value}" not defined`);
        return { type: 'identifier', pos: token.pos, name: token.value };
      case 'dot':
        return { type: 'dot', pos: token.pos };
      case 'nil':
        return { type: 'nil', pos: token.pos };
      case 'variable': {
        const [name] = token.value.split('.');
        if (!this.vars.includes(name!)) this.errorf(`undefined variable "${name}"`);
        return { type: 'variable', pos: token.pos, idents: [token.value] };
      }
      case 'field':
        return { type: 'field', pos: token.pos, idents: [token.value.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: token.pos, value: token.value === 'true' };
      case 'charConstant': {
        const rune = unquoteChar(token.value);
        if (rune === undefined) this.errorf(`malformed character constant: ${token.value}`);
        return { type: 'number', pos: token.pos, text: token.value, value: rune! };
      }
      case 'number': {
        const value = parseNumber(token.value);
        if (!value) this.errorf(`illegal number syntax: "${token.value}"`);
        return { type: 'number', pos: token.pos, text: token.value, value: value! };
      }
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const value = token.type === 'rawString' ? token.value.slice(1, -1) : unquoteString(token.value);
        return { type: 'string', pos: token.pos, quoted: token.value, value };
      }
    }
    this.backup();
    return undefined;
  }

  private next(): Item {
    this.last = this.items[this.index] ?? this.items[this.items.length - 1]!;
    if (this.index < this.items.length - 1) this.index++;
    else this.index = this.items.length;
    return this.last;
  }

  private peek(): Item {
    return this.items[Math.min(this.index, this.items.length - 1)]!;
  }

  private nextNonSpace(): Item {
    let token = this.next();
    while (token.type === 'space') token = this.next();
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  private backup(): void {
    this.index--;
  }

  private backup2(first: Item): void {
    this.index = this.items.indexOf(first);
  }

  private expect(type: Item['type'], context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== type) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.type === 'error') this.errorf(token.value);
    const text = token.type === 'eof' ? 'EOF' : token.type === 'leftDelim' || token.type === 'rightDelim' ? `"${token.value.trim()}"` : goQuoted(token.value);
    this.errorf(`unexpected ${token.type === 'rightDelim' ? `"${token.value.replace(/^[ \t\r\n]-/, '')}"` : text} in ${context}`);
  }

  private errorf(message: string): never {
    const line = this.last.line;
    throw new TemplateParseError(`template: ${this.name}:${line}: ${message}`);
  }
}

/** item.String(): %q, shortened to `"0123456789"...` past ten characters. */
function goQuoted(value: string): string {
  return value.length > 10 ? `${JSON.stringify(value.slice(0, 10))}...` : JSON.stringify(value);
}
