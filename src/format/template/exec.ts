/**
 * Executes a parsed template the way Go's text/template does, down to which node an error names:
 * every step records the node it is on, and errors quote that node and its position.
 */
import { Caller } from './exec-call.js';
import { BREAK, boxMapValue, boxSliceElems, CONTINUE, unwrap } from './exec-state.js';
import { formatValue } from './fmt.js';
import { Printer } from './fmt-printer.js';
import { type BranchNode, type Node, nodeString, type TemplateNode } from './nodes.js';
import { goQuote } from './quote.js';
import { isTrue, kindOf, mapKeys, num, typeName } from './values.js';

export type { ExecEnv } from './exec-state.js';

/** Go limits template recursion to 100000; JavaScript's stack is smaller. */
export const MAX_EXEC_DEPTH = 1000;

export class State extends Caller {
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
        const elems = boxSliceElems(s);
        for (let i = 0; i < elems.length; i++) one(i, elems[i]);
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
}
