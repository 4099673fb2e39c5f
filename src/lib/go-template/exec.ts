/**
 * Executes a parsed template over data (text/template/exec.go): fields of maps, variables,
 * pipelines, if/range/with, named templates, and exec.go's error wording with its position.
 */
import { formatValue } from './go-fmt.ts';
import { BUILTINS, FunctionError } from './functions.ts';
import { argString, commandString, nodeString, type ArgNode, type CommandNode, type Node, type PipeNode } from './nodes.ts';
import type { ParsedTemplate } from './parser.ts';
import { GoNumber, goTypeOf, isMap, isTrue, NO_VALUE, sortedKeys, type Value } from './values.ts';

export class TemplateExecError extends Error {}

const MISSING: unique symbol = Symbol('missing final');
type Final = Value | typeof MISSING;

type RangeNode = { type: 'range'; pos: number; pipe: PipeNode; list: Node[]; elseList?: Node[] };

class Break {}
class Continue {}

const MAX_DEPTH = 100000;

export interface ExecOptions {
  /** missingkey=error, kubectl's --allow-missing-template-keys=false. */
  missingKeyError?: boolean;
}

export function executeTemplate(name: string, text: string, tree: ParsedTemplate, data: Value, options: ExecOptions = {}): { output: string; error?: string } {
  const state = new State(name, text, tree, options);
  try {
    state.walkList(data, tree.root);
    return { output: state.output };
  } catch (error) {
    if (error instanceof TemplateExecError) return { output: state.output, error: error.message };
    throw error;
  }
}

/** A value tagged with its static Go type when it came out of a map or slice (interface {}). */
interface Typed {
  value: Value;
  iface: boolean;
}

class State {
  output = '';
  private vars: { name: string; value: Value }[] = [];
  private at: { pos: number; text: string } | undefined;
  private depth = 0;

  constructor(
    private readonly name: string,
    private readonly text: string,
    private readonly tree: ParsedTemplate,
    private readonly options: ExecOptions,
  ) {}

  walkList(dot: Value, list: Node[]): void {
    if (this.vars.length === 0) this.vars.push({ name: '$', value: dot });
    for (const node of list) this.walk(dot, node);
  }

  private walk(dot: Value, node: Node): void {
    this.at = { pos: node.pos, text: nodeString(node) };
    switch (node.type) {
      case 'text':
        this.output += node.text;
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.output += formatValue(value);
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const value = this.evalPipeline(dot, node.pipe);
        if (isTrue(value)) this.walkBlock(node.type === 'with' ? value : dot, node.list);
        else if (node.elseList) this.walkBlock(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        return this.walkRange(dot, node as RangeNode);
      case 'template': {
        const body = this.tree.defined.get(node.name);
        if (!body) this.errorf(`template ${JSON.stringify(node.name)} not defined`);
        const value = node.pipe ? this.evalPipeline(dot, node.pipe) : null;
        if (++this.depth > MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
        const saved = this.vars;
        this.vars = [{ name: '$', value }];
        for (const child of body!) this.walk(value, child);
        this.vars = saved;
        this.depth--;
        return;
      }
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
    }
  }

  private walkBlock(dot: Value, list: Node[]) {
    const mark = this.vars.length;
    for (const node of list) this.walk(dot, node);
    this.vars.length = mark;
  }

  private walkRange(dot: Value, node: RangeNode): void {
    const mark = this.vars.length;
    const value = this.evalPipeline(dot, node.pipe);
    // The pipeline's own variables are replaced per element (exec.go walkRange).
    this.vars.length = mark;
    const entries: [Value, Value][] = [];
    if (Array.isArray(value)) value.forEach((v, i) => entries.push([new GoNumber(i, 'int'), v]));
    else if (isMap(value)) for (const k of sortedKeys(value)) entries.push([k, value[k]]);
    else if (value instanceof GoNumber || (typeof value === 'number' && Number.isInteger(value))) {
      const n = value instanceof GoNumber ? value.value : value;
      if (node.pipe.decl.length > 1) this.errorf(`can't use ${formatValue(value)} to iterate over more than one variable`);
      for (let i = 0; i < n; i++) entries.push([new GoNumber(i, value instanceof GoNumber ? value.goType : 'int'), new GoNumber(i, 'int')]);
    } else if (value !== NO_VALUE && value !== null) this.errorf(`range can't iterate over ${formatValue(value)}`);
    for (const [key, element] of entries) {
      const [first, second] = node.pipe.decl;
      if (first) this.vars.push({ name: first, value: second ? key : element });
      if (second) this.vars.push({ name: second, value: element });
      try {
        this.walkBlock(element, node.list);
      } catch (signal) {
        if (signal instanceof Break) {
          this.vars.length = mark;
          return;
        }
        if (!(signal instanceof Continue)) throw signal;
      }
      this.vars.length = mark;
    }
    if (entries.length === 0 && node.elseList) this.walkBlock(dot, node.elseList);
    this.vars.length = mark;
  }

  private evalPipeline(dot: Value, pipe: PipeNode): Value {
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    // exec.go evalPipeline unwraps a nil interface{} into the invalid value: it prints `<no value>`.
    const result = value === MISSING || value === null ? NO_VALUE : value;
    for (const name of pipe.decl) {
      if (pipe.isAssign) {
        const slot = [...this.vars].reverse().find((v) => v.name === name);
        if (!slot) this.errorf(`undefined variable: ${name}`);
        slot!.value = result;
      } else this.vars.push({ name, value: result });
    }
    return result;
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Final): Value {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldChain(dot, { value: dot, iface: false }, first, first.idents, cmd.args, final);
      case 'chain': {
        const receiver = first.node.type === 'pipe' ? this.evalPipeline(dot, first.node) : this.evalArg(dot, first.node);
        return this.evalFieldChain(dot, { value: receiver, iface: false }, first, first.fields, cmd.args, final);
      }
      case 'identifier':
        return this.evalFunction(dot, first.name, cmd, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': {
        const value = this.variable(first.idents[0]!.split('.')[0]!);
        const fields = first.idents[0]!.split('.').slice(1).concat(first.idents.slice(1));
        if (fields.length === 0) {
          this.notAFunction(cmd.args, final);
          return value;
        }
        return this.evalFieldChain(dot, { value, iface: false }, first, fields, cmd.args, final);
      }
    }
    this.setAt(first);
    this.notAFunction(cmd.args, final);
    return this.evalArg(dot, first);
  }

  private notAFunction(args: ArgNode[], final: Final) {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${argString(args[0]!)}`);
  }

  private evalFieldChain(dot: Value, receiver: Typed, node: ArgNode, idents: string[], args: ArgNode[], final: Final): Value {
    this.setAt(node);
    let current = receiver;
    for (let i = 0; i < idents.length; i++) {
      const last = i === idents.length - 1;
      current = this.evalField(idents[i]!, current, last && (args.length > 1 || final !== MISSING));
    }
    void dot;
    return current.value;
  }

  private evalField(name: string, receiver: Typed, hasArgs: boolean): Typed {
    const { value } = receiver;
    if (value === NO_VALUE) {
      if (this.options.missingKeyError) this.errorf(`nil data; no entry for key ${JSON.stringify(name)}`);
      return { value: NO_VALUE, iface: true };
    }
    const typeName = receiver.iface ? 'interface {}' : goTypeOf(value);
    if (value === null) this.errorf(`nil pointer evaluating ${typeName}.${name}`);
    if (isMap(value)) {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      if (Object.hasOwn(value, name)) return { value: value[name], iface: true };
      if (this.options.missingKeyError) this.errorf(`map has no entry for key ${JSON.stringify(name)}`);
      return { value: NO_VALUE, iface: true };
    }
    return this.errorf(`can't evaluate field ${name} in type ${typeName}`);
  }

  private variable(name: string): Value {
    const slot = [...this.vars].reverse().find((v) => v.name === name);
    if (!slot) this.errorf(`undefined variable: ${name}`);
    return slot!.value;
  }

  private evalFunction(dot: Value, name: string, cmd: CommandNode, final: Final): Value {
    this.setAt(cmd.args[0]!);
    const spec = BUILTINS[name]!;
    const argNodes = cmd.args.slice(1);
    const count = argNodes.length + (final !== MISSING ? 1 : 0);
    if (spec.variadic ? count < spec.arity : count !== spec.arity) {
      this.errorf(`wrong number of args for ${name}: want ${spec.variadic ? 'at least ' : ''}${spec.arity} got ${count}`);
    }
    const evalAt = (i: number): Value => {
      const value = i < argNodes.length ? this.evalArg(dot, argNodes[i]!) : final;
      if (spec.stringParams?.includes(i)) {
        if (value === NO_VALUE) this.errorf('invalid value; expected string');
        if (typeof value !== 'string') {
          const node = argNodes[i];
          if (node && node.type !== 'field' && node.type !== 'variable' && node.type !== 'chain' && node.type !== 'pipe' && node.type !== 'dot' && node.type !== 'identifier') {
            this.errorf(`expected string; found ${argString(node)}`);
          }
          this.errorf(`wrong type for value; expected string; got ${goTypeOf(value)}`);
        }
      }
      return value;
    };
    let result: Value;
    try {
      if (name === 'and' || name === 'or') {
        // Go 1.18: and/or stop evaluating at the first argument that decides.
        result = NO_VALUE;
        for (let i = 0; i < count; i++) {
          result = evalAt(i);
          if (isTrue(result) === (name === 'or')) break;
        }
      } else {
        const values = Array.from({ length: count }, (_, i) => evalAt(i));
        result = spec.call(values);
      }
    } catch (error) {
      if (!(error instanceof FunctionError)) throw error;
      this.at = { pos: cmd.pos, text: commandString(cmd) };
      this.errorf(`error calling ${name}: ${error.message}`);
    }
    return result!;
  }

  private evalArg(dot: Value, node: ArgNode): Value {
    this.setAt(node);
    switch (node.type) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'bool':
        return node.value;
      case 'number':
        return node.value;
      case 'string':
        return node.value;
      case 'field':
        return this.evalFieldChain(dot, { value: dot, iface: false }, node, node.idents, [node], MISSING);
      case 'variable':
        return this.evalCommand(dot, { pos: node.pos, args: [node] }, MISSING);
      case 'pipe':
        return this.evalPipeline(dot, node);
      case 'chain':
        return this.evalCommand(dot, { pos: node.pos, args: [node] }, MISSING);
      case 'identifier':
        return this.evalFunction(dot, node.name, { pos: node.pos, args: [node] }, MISSING);
    }
  }

  private setAt(node: ArgNode) {
    this.at = { pos: node.pos, text: argString(node) };
  }

  private errorf(message: string): never {
    if (!this.at) throw new TemplateExecError(`template: ${this.name}: ${message}`);
    const before = this.text.slice(0, this.at.pos);
    const newline = before.lastIndexOf('\n');
    const line = before.split('\n').length;
    const column = newline < 0 ? this.at.pos : this.at.pos - newline - 1;
    throw new TemplateExecError(`template: ${this.name}:${line}:${column}: executing ${JSON.stringify(this.name)} at <${this.at.text}>: ${message}`);
  }
}
