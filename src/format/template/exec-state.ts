/**
 * The state of one template execution: output, variables, the node being executed (Go names it in
 * every error), and the interface boxing that only error messages can see.
 */
import type { FuncEntry } from './builtins.js';
import { TemplateExecError } from './errors.js';
import { type Node, nodeString } from './nodes.js';
import type { TreeSet } from './parser.js';
import { goQuote } from './quote.js';
import { GO_MAP_TYPE } from './values.js';

/** "No value was piped in", distinct from undefined ("no value"). */
export const MISSING: unique symbol = Symbol('missing');
export type Final = unknown | typeof MISSING;
export const BREAK = Symbol('break');
export const CONTINUE = Symbol('continue');

/**
 * A value held in an `interface {}`: an element of a plain object or a mixed array. Only error
 * messages see the difference (`can't evaluate field x in type interface {}`); a pipeline unwraps it.
 */
export class Iface {
  constructor(readonly v: unknown) {}
}
export const unwrap = (v: unknown): unknown => (v instanceof Iface ? v.v : v);
/** Elements of maps without a declared type and of non-string slices are interface values. */
export const boxMapValue = (m: object, v: unknown): unknown => (GO_MAP_TYPE in m ? v : new Iface(v));
/** Boxes the elements of a slice unless it is a []string. */
export const boxSliceElems = (s: unknown[]): unknown[] =>
  s.every((e) => typeof e === 'string') ? s : s.map((v) => new Iface(v));

export interface ExecEnv {
  /** Name of the top-level template, for `template: NAME:line:col` and `executing "NAME"`. */
  name: string;
  text: string;
  trees: TreeSet;
  funcs: Map<string, FuncEntry>;
  out: { s: string };
}
export abstract class StateBase {
  protected node: Node | undefined;
  protected vars: { name: string; value: unknown }[];

  constructor(
    protected readonly env: ExecEnv,
    protected readonly tmplName: string,
    dollar: unknown,
    protected readonly depth = 0,
  ) {
    this.vars = [{ name: '$', value: dollar }];
  }

  protected at(n: Node): void {
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

  protected varIndex(name: string): number {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return i;
    return this.errorf(`undefined variable: ${name}`);
  }
  protected setVar(name: string, value: unknown): void {
    this.vars[this.varIndex(name)]!.value = value;
  }
  protected setTopVar(n: number, value: unknown): void {
    this.vars[this.vars.length - n]!.value = value;
  }
}
