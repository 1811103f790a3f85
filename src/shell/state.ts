import type { FunctionDef } from './ast.js';

export interface Var {
  value: string;
  exported: boolean;
  readonly: boolean;
}

/** `set -e`, `set -u`... by their long names. */
export interface Options {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  noglob: boolean;
  noclobber: boolean;
  pipefail: boolean;
  allexport: boolean;
  verbose: boolean;
  noexec: boolean;
}

export const OPTION_LETTERS: Record<string, keyof Options> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  C: 'noclobber',
  a: 'allexport',
  v: 'verbose',
  n: 'noexec',
};

/** Everything a subshell copies: variables, functions, options, positional parameters, cwd. */
export class ShellState {
  vars = new Map<string, Var>();
  functions = new Map<string, FunctionDef>();
  aliases = new Map<string, string>();
  traps = new Map<string, string>();
  positional: string[] = [];
  options: Options = {
    errexit: false,
    nounset: false,
    xtrace: false,
    noglob: false,
    noclobber: false,
    pipefail: false,
    allexport: false,
    verbose: false,
    noexec: false,
  };
  umask = 0o022;
  lastStatus = 0;
  lastBg: number | undefined;
  /** Saved values of `local` variables, one frame per function call. */
  frames: Array<Map<string, Var | undefined>> = [];
  /** Sourced files being read (for `return`). */
  sourceDepth = 0;
  loopDepth = 0;
  /** Where `getopts` is inside a group of letters (`-abc`). */
  optPos = 1;

  constructor(public cwd: string) {}

  clone(): ShellState {
    const s = new ShellState(this.cwd);
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.functions = new Map(this.functions);
    s.aliases = new Map(this.aliases);
    s.traps = new Map(this.traps);
    s.positional = [...this.positional];
    s.options = { ...this.options };
    s.umask = this.umask;
    s.lastStatus = this.lastStatus;
    s.lastBg = this.lastBg;
    s.frames = this.frames.map((f) => new Map(f));
    s.sourceDepth = this.sourceDepth;
    s.loopDepth = this.loopDepth;
    s.optPos = this.optPos;
    return s;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Sets a variable; false when it is read-only. */
  set(name: string, value: string, exported?: boolean): boolean {
    const v = this.vars.get(name);
    if (v?.readonly) return false;
    if (v) {
      v.value = value;
      if (exported) v.exported = true;
    } else this.vars.set(name, { value, exported: exported ?? this.options.allexport, readonly: false });
    return true;
  }

  unset(name: string): boolean {
    if (this.vars.get(name)?.readonly) return false;
    this.vars.delete(name);
    return true;
  }

  /** Makes a variable local to the innermost function call (saving the caller's value). */
  declareLocal(name: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (!frame || frame.has(name)) return;
    const v = this.vars.get(name);
    frame.set(name, v ? { ...v } : undefined);
  }

  popFrame(): void {
    const frame = this.frames.pop();
    if (!frame) return;
    for (const [name, saved] of frame) {
      if (saved) this.vars.set(name, saved);
      else this.vars.delete(name);
    }
  }

  /** The environment given to commands: the exported variables. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  /** `$-`: the letters of the options that are on. */
  flags(interactive: boolean): string {
    let out = '';
    for (const [letter, name] of Object.entries(OPTION_LETTERS)) if (this.options[name]) out += letter;
    return interactive ? `${out}i` : out;
  }
}
