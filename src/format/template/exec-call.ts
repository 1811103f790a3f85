/** Calls of functions and methods: Go's argument counting, typing and error texts. */
import type { FuncEntry } from './builtins.js';
import { TemplateExecError } from './errors.js';
import { Evaluator } from './exec-eval.js';
import { BREAK, CONTINUE, type Final, MISSING, unwrap } from './exec-state.js';
import { formatValue } from './fmt.js';
import { type ArgNode, type Node, nodeString } from './nodes.js';
import { GoFloat, type GoParam, isTrue, kindOf, typeName } from './values.js';

export abstract class Caller extends Evaluator {
  protected evalCall(
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

  protected validateType(value: unknown, t: GoParam | undefined): unknown {
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

  protected evalArg(dot: unknown, t: GoParam | undefined, n: ArgNode): unknown {
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

  protected evalEmptyInterface(n: ArgNode): unknown {
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
