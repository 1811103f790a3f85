/**
 * Executes a parsed template the way Go's text/template does, down to which node an error names:
 * every step records the node it is on (`at`), and errors quote that node and its position.
 */
import type { FuncEntry } from './builtins.js';
import { TemplateExecError } from './errors.js';
import { formatValue } from './fmt.js';
import { Printer } from './fmt-printer.js';
import type {
  ArgNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes.js';
import { nodeString } from './nodes.js';
import type { TreeSet } from './parser.js';
import { goQuote } from './quote.js';
import {
  GO_MAP_TYPE,
  GoFloat,
  type GoParam,
  isTrue,
  kindOf,
  lookupMember,
  mapKeys,
  num,
  typeName,
} from './values.js';

/** Go limits template recursion to 100000; JavaScript's stack is smaller. */
export const MAX_EXEC_DEPTH = 1000;

const MISSING: unique symbol = Symbol('missing');
type Final = unknown | typeof MISSING;
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

/**
 * A value held in an `interface {}`: an element of a plain object or a mixed array. Only error
 * messages see the difference (`can't evaluate field x in type interface {}`); a pipeline unwraps it.
 */
class Iface {
  constructor(readonly v: unknown) {}
}
const unwrap = (v: unknown): unknown => (v instanceof Iface ? v.v : v);
/** Elements of maps without a declared type and of non-string slices are interface values. */
const boxMapValue = (m: object, v: unknown): unknown => (GO_MAP_TYPE in m ? v : new Iface(v));
const boxSliceElem = (s: unknown[], v: unknown): unknown =>
  s.every((e) => typeof e === 'string') ? v : new Iface(v);

export interface ExecEnv {
  /** Name of the top-level template, for `template: NAME:line:col` and `executing "NAME"`. */
  name: string;
  text: string;
  trees: TreeSet;
  funcs: Map<string, FuncEntry>;
  out: { s: string };
}

export class State {
  private node: Node | undefined;
  private vars: { name: string; value: unknown }[];

  constructor(
    private readonly env: ExecEnv,
    private readonly tmplName: string,
    dollar: unknown,
    private readonly depth = 0,
  ) {
    this.vars = [{ name: '$', value: dollar }];
  }

  private at(n: Node): void {
    this.node = n;
  }

  errorf(msg: string): never {
    const out = this.env.out.s;
    if (!this.node) throw new TemplateExecError(`template: ${this.tmplName}: ${msg}`, out);
    const text = this.env.text.slice(0, this.node.pos);
    const nl = text.lastIndexOf('\n');
    const col = Buffer.byteLength(nl < 0 ? text : text.slice(nl + 1), 'utf8');
    const line = 1 + (text.match(/\n/g)?.length ?? 0);
    const where = `${this.env.name}:${line}:${col}`;
    throw new TemplateExecError(
      `template: ${where}: executing ${goQuote(this.tmplName)} at <${nodeString(this.node)}>: ${msg}`,
      out,
    );
  }

  // --- variables ------------------------------------------------------------

  private varIndex(name: string): number {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return i;
    return this.errorf(`undefined variable: ${name}`);
  }
  private setVar(name: string, value: unknown): void {
    this.vars[this.varIndex(name)]!.value = value;
  }
  private setTopVar(n: number, value: unknown): void {
    this.vars[this.vars.length - n]!.value = value;
  }

  // --- walking ------------------------------------------------------------------

  walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'if':
      case 'with':
        this.walkIfOrWith(node, dot);
        return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.env.out.s += node.text;
        return;
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: unknown): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const one = (index: unknown, elem: unknown): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      try {
        if (this.rangeOver(val, decl.length, one)) return;
      } catch (e) {
        if (e === BREAK) return;
        throw e;
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  /** Runs one() per element; false when there was nothing to iterate (the else branch runs). */
  private rangeOver(val: unknown, nDecl: number, one: (i: unknown, e: unknown) => void): boolean {
    switch (kindOf(val)) {
      case 'slice': {
        const s = val as unknown[];
        for (let i = 0; i < s.length; i++) one(i, boxSliceElem(s, s[i]));
        return s.length > 0;
      }
      case 'map': {
        const m = val as Record<string, unknown>;
        const keys = mapKeys(m);
        for (const k of keys) one(k, boxMapValue(m, m[k]));
        return keys.length > 0;
      }
      case 'int': {
        if (nDecl > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
        const n = num(val);
        for (let i = 0; i < n; i++) one(undefined, i);
        return n > 0;
      }
      case 'invalid':
      case 'nil':
        return false;
      default:
        return this.errorf(`range can't iterate over ${formatValue(val)}`);
    }
  }

  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    const tree = this.env.trees.get(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    new State(this.env, t.name, newDot, this.depth + 1).walk(newDot, tree);
  }

  private printValue(n: Node, v: unknown): void {
    this.at(n);
    v = unwrap(v);
    if (v === undefined) {
      this.env.out.s += '<no value>';
      return;
    }
    if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    // Like Go, a pointer to a struct is dereferenced before printing (no leading &).
    const p = new Printer();
    p.printValue(v, 'v', kindOf(v) === 'struct' ? 1 : 0);
    this.env.out.s += p.buf;
  }

  // --- evaluation -----------------------------------------------------------------

  evalPipeline(dot: unknown, pipe: PipeNode | undefined): unknown {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = unwrap(this.evalCommand(dot, cmd, value));
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.vars.push({ name: v.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING)
      this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      default:
        return first.text;
    }
  }

  private idealConstant(c: NumberNode): unknown {
    this.at(c);
    if (c.isComplex) return this.errorf(`complex constant ${c.text} is not supported`);
    const hexInt = /^[+-]?0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && !c.text.startsWith("'") && /[.eEpP]/.test(c.text))
      return new GoFloat(c.float);
    if (c.isInt) return c.int;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: ArgNode[] | undefined, final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: ArgNode[] | undefined, final: Final): unknown {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(
    dot: unknown,
    v: VariableNode,
    args: ArgNode[] | undefined,
    final: Final,
  ): unknown {
    this.at(v);
    const value = this.vars[this.varIndex(v.ident[0]!)]!.value;
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: Node,
    ident: string[],
    args: ArgNode[] | undefined,
    final: Final,
  ): unknown {
    for (let i = 0; i < ident.length - 1; i++)
      receiver = this.evalField(dot, ident[i]!, node, undefined, MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1]!, node, args, final, receiver);
  }

  private evalField(
    dot: unknown,
    name: string,
    node: Node,
    args: ArgNode[] | undefined,
    final: Final,
    boxed: unknown,
  ): unknown {
    const receiver = unwrap(boxed);
    if (receiver === undefined) return undefined;
    const typ = boxed instanceof Iface ? 'interface {}' : typeName(receiver);
    if (receiver === null)
      this.errorf(`nil pointer evaluating ${typ === '<nil>' ? 'interface {}' : typ}.${name}`);
    const kind = kindOf(receiver);
    if (kind === 'struct' || kind === 'map') {
      const obj = receiver as Record<string, unknown>;
      const exported = /^\p{Lu}/u.test(name);
      const m = lookupMember(obj, name);
      if (m.kind === 'method' && (exported || kind === 'map')) {
        return this.evalCall(dot, { sig: m.sig, fn: m.fn }, false, node, name, args, final);
      }
      const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
      if (kind === 'struct' && exported && m.kind === 'getter') {
        // docker's placeholders are methods: a getter is a method without arguments.
        return this.evalCall(
          dot,
          { sig: { params: [] }, fn: () => obj[name] },
          false,
          node,
          name,
          args,
          final,
        );
      }
      if (kind === 'struct' && m.kind === 'field') {
        if (!exported) this.errorf(`${name} is an unexported field of struct type ${typ}`);
        if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
        return obj[name];
      }
      if (kind === 'map') {
        if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
        return Object.hasOwn(obj, name) && obj[name] !== undefined ? boxMapValue(obj, obj[name]) : undefined;
      }
    }
    return this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  private evalFunction(
    dot: unknown,
    node: IdentifierNode,
    cmd: Node,
    args: ArgNode[] | undefined,
    final: Final,
  ): unknown {
    this.at(node);
    const fn = this.env.funcs.get(node.ident);
    if (!fn) return this.errorf(`${goQuote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, fn.builtin === true, cmd, node.ident, args, final);
  }

  private evalCall(
    dot: unknown,
    fun: FuncEntry,
    builtin: boolean,
    node: Node,
    name: string,
    args: ArgNode[] | undefined,
    final: Final,
  ): unknown {
    const argNodes = args ? args.slice(1) : [];
    const { params, variadic } = fun.sig;
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    let numFixed = argNodes.length;
    if (variadic !== undefined) {
      numFixed = params.length;
      if (numIn < numFixed) {
        this.errorf(
          `wrong number of args for ${name}: want at least ${params.length} got ${argNodes.length}`,
        );
      }
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    if (builtin && (name === 'and' || name === 'or')) {
      let v: unknown;
      for (const a of argNodes) {
        v = this.evalArg(dot, 'value', a);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }
    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < argNodes.length; i++) argv.push(this.evalArg(dot, params[i], argNodes[i]!));
    if (variadic !== undefined)
      for (; i < argNodes.length; i++) argv.push(this.evalArg(dot, variadic, argNodes[i]!));
    if (final !== MISSING) {
      const t =
        variadic === undefined
          ? params[params.length - 1]
          : numIn - 1 < numFixed
            ? params[numIn - 1]
            : variadic;
      argv.push(this.validateType(final, t));
    }
    if (builtin && name === 'call') {
      argv.unshift(argNodes.length > 0 ? nodeString(argNodes[0]!) : formatValue(unwrap(final)));
    }
    try {
      return (fun.fn as (...a: unknown[]) => unknown)(...argv);
    } catch (e) {
      if (e instanceof TemplateExecError || e === BREAK || e === CONTINUE) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private validateType(value: unknown, t: GoParam | undefined): unknown {
    if (t === undefined) return value;
    value = unwrap(value);
    if (value === undefined) {
      if (t === 'any') return null;
      if (t === 'value') return undefined;
      if (t === '[]string') return [];
      return this.errorf(`invalid value; expected ${t}`);
    }
    const k = kindOf(value);
    const ok =
      t === 'any' ||
      t === 'value' ||
      (t === 'string' && k === 'string') ||
      (t === 'int' && k === 'int') ||
      (t === 'float64' && k === 'float') ||
      (t === 'bool' && k === 'bool') ||
      (t === '[]string' && k === 'slice' && (value as unknown[]).every((e) => typeof e === 'string'));
    if (!ok) {
      const got = value === null ? 'interface {}' : typeName(value);
      this.errorf(`wrong type for value; expected ${t}; got ${got}`);
    }
    return value;
  }

  private evalArg(dot: unknown, t: GoParam | undefined, n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, t);
      case 'nil':
        if (t === undefined || t === 'any') return null;
        if (t === 'value') return undefined;
        if (t === '[]string') return [];
        return this.errorf(`cannot assign nil to ${t}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), t);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), t);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), t);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), t);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), t);
    }
    switch (t) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'float64':
        if (n.type === 'number' && n.isFloat) return new GoFloat(n.float);
        return this.errorf(`expected float; found ${nodeString(n)}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case '[]string':
        return this.errorf(`can't handle ${nodeString(n)} for arg of type []string`);
      default:
        return unwrap(this.evalEmptyInterface(n));
    }
  }

  private evalEmptyInterface(n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
      default:
        return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
    }
  }
}
