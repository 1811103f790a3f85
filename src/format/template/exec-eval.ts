/**
 * Evaluation of pipelines, commands, fields, chains and variables, as Go's text/template does it,
 * recording the node in hand at each step for error messages.
 */
import type { FuncEntry } from './builtins.js';
import { boxMapValue, type Final, Iface, MISSING, StateBase, unwrap } from './exec-state.js';
import type {
  ArgNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  VariableNode,
} from './nodes.js';
import { nodeString } from './nodes.js';
import { goQuote } from './quote.js';
import { GoFloat, type GoParam, kindOf, lookupMember, typeName } from './values.js';

export abstract class Evaluator extends StateBase {
  protected abstract evalCall(
    dot: unknown,
    fun: FuncEntry,
    builtin: boolean,
    node: Node,
    name: string,
    args: ArgNode[] | undefined,
    final: Final,
  ): unknown;
  protected abstract evalArg(dot: unknown, t: GoParam | undefined, n: ArgNode): unknown;

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

  protected notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING)
      this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  protected evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
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

  protected idealConstant(c: NumberNode): unknown {
    this.at(c);
    if (c.isComplex) return this.errorf(`complex constant ${c.text} is not supported`);
    const hexInt = /^[+-]?0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && !c.text.startsWith("'") && /[.eEpP]/.test(c.text))
      return new GoFloat(c.float);
    if (c.isInt) return c.int;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  protected evalFieldNode(
    dot: unknown,
    field: FieldNode,
    args: ArgNode[] | undefined,
    final: Final,
  ): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  protected evalChainNode(
    dot: unknown,
    chain: ChainNode,
    args: ArgNode[] | undefined,
    final: Final,
  ): unknown {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  protected evalVariableNode(
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

  protected evalFieldChain(
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

  protected evalField(
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

  protected evalFunction(
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
}
