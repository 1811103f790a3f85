/** The awk program as the parser builds it and the interpreter walks it. */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  /** A regex literal: as a value it means `$0 ~ /re/`. */
  | { k: 'regex'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: LValue; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'or'; a: Expr; b: Expr }
  | { k: 'and'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'concat'; a: Expr; b: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'group'; e: Expr }
  | { k: 'getline'; target?: LValue; file?: Expr; cmd?: Expr };

export type LValue = Extract<Expr, { k: 'var' } | { k: 'field' } | { k: 'index' }>;

export interface Redirect {
  mode: '>' | '>>' | '|';
  e: Expr;
}

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; dest?: Redirect }
  | { k: 'printf'; args: Expr[]; dest?: Redirect }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'nextfile' }
  | { k: 'exit'; e?: Expr }
  | { k: 'return'; e?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; subs?: Expr[] };

export interface Rule {
  pattern?: Expr;
  /** `pat1, pat2` ranges. */
  range?: [Expr, Expr];
  /** Absent: `{ print }`. */
  body?: Stmt[];
}

export interface AwkFunction {
  params: string[];
  body: Stmt[];
}

export interface AwkProgram {
  begin: Stmt[][];
  end: Stmt[][];
  rules: Rule[];
  funcs: Map<string, AwkFunction>;
}
