/** Parsing and executing a template: the public face of the Go text/template subset. */
import { BUILTINS, type FuncEntry } from './builtins.js';
import { DOCKER_FUNCS } from './docker-funcs.js';
import { TemplateExecError, TemplateParseError } from './errors.js';
import { type ExecEnv, MAX_EXEC_DEPTH, State } from './exec.js';
import { Parser, type TreeSet } from './parser.js';
import { type GoSignature, signatureOf } from './values.js';

/** A template function: a Go-typed entry, or a plain function (any-typed params; none declared = variadic). */
// biome-ignore lint/suspicious/noExplicitAny: template functions take whatever the template passes.
export type TemplateFunc = FuncEntry | ((...args: any[]) => unknown);
export type FuncMap = Record<string, TemplateFunc>;

function toEntry(f: TemplateFunc): FuncEntry {
  if (typeof f !== 'function') return f;
  const fn = f as (...a: unknown[]) => unknown;
  const sig: GoSignature = fn.length === 0 ? { params: [], variadic: 'any' } : signatureOf(fn);
  return { sig, fn };
}

function buildFuncs(...maps: (FuncMap | undefined)[]): Map<string, FuncEntry> {
  const out = new Map<string, FuncEntry>();
  for (const m of maps) for (const [k, f] of Object.entries(m ?? {})) out.set(k, toEntry(f));
  return out;
}

const isStackOverflow = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message);

export interface ParseOptions {
  /** The template's name, printed in errors (`template: version:1: …`); docker's lists use "". */
  name?: string;
}

export class Template {
  constructor(
    readonly name: string,
    readonly source: string,
    private readonly trees: TreeSet,
    private readonly funcs: Map<string, FuncEntry>,
  ) {}

  /**
   * Runs the template against data and returns its output. `overrides` replaces functions by name
   * for this run (docker swaps in its header functions for a table's header row).
   * Throws TemplateExecError, whose `partial` holds the output written before the failure.
   */
  execute(data: unknown, overrides?: FuncMap): string {
    const funcs = overrides ? new Map([...this.funcs, ...buildFuncs(overrides)]) : this.funcs;
    const env: ExecEnv = { name: this.name, text: this.source, trees: this.trees, funcs, out: { s: '' } };
    const root = this.trees.get(this.name);
    const state = new State(env, this.name, data);
    if (!root) return state.errorf(`${JSON.stringify(this.name)} is an incomplete or empty template`);
    try {
      state.walk(data, root);
    } catch (e) {
      if (isStackOverflow(e)) {
        throw new TemplateExecError(
          `template: ${this.name}: exceeded maximum template depth (${MAX_EXEC_DEPTH})`,
          env.out.s,
        );
      }
      throw e;
    }
    return env.out.s;
  }
}

/**
 * Parses a template with Go's builtins, docker's functions (json, join, …) and any extra `funcs`.
 * Throws TemplateParseError with Go's message (`template: :1: unclosed action`).
 */
export function parseTemplate(src: string, funcs?: FuncMap, opts: ParseOptions = {}): Template {
  const name = opts.name ?? '';
  const all = buildFuncs(BUILTINS, DOCKER_FUNCS, funcs);
  const trees: TreeSet = new Map();
  const ctx = { name, hasFunction: (f: string) => all.has(f), trees };
  try {
    new Parser(ctx, Parser.lexerFor(src, ctx), name).parseTop();
  } catch (e) {
    if (isStackOverflow(e))
      throw new TemplateParseError(`template: ${name}:1: max expression depth exceeded`);
    throw e;
  }
  return new Template(name, src, trees, all);
}
