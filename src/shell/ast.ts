/**
 * The parsed form of a script. Words keep their quoting, because what happens to a `$x` (field
 * splitting, globbing) depends on whether it was quoted.
 */
export interface Word {
  parts: WordPart[];
}

export type WordPart =
  /** Literal text; `quoted` text (in quotes, after a backslash, in a here-document) is not split or globbed. */
  | { type: 'lit'; value: string; quoted: boolean }
  /** "…": its expansions are not split; an empty "" still makes a field. */
  | { type: 'dq'; parts: WordPart[] }
  | ParamPart
  | { type: 'cmdsub'; body: List; backquote: boolean }
  /** $((…)): the text is expanded first, then evaluated. */
  | { type: 'arith'; expr: Word };

export type ParamOp =
  | '-'
  | ':-'
  | '='
  | ':='
  | '+'
  | ':+'
  | '?'
  | ':?'
  | '#'
  | '##'
  | '%'
  | '%%'
  | '/'
  | '//'
  | '/#'
  | '/%'
  | ':'
  | '^'
  | '^^'
  | ','
  | ',,'
  /** An operator this dialect does not know: "Bad substitution" when expanded. */
  | 'bad';

export interface ParamPart {
  type: 'param';
  name: string;
  /** ${#name} */
  length?: boolean;
  op?: ParamOp;
  /** The word after the operator (default value, pattern, offset). */
  arg?: Word;
  /** The replacement of ${x/pat/rep} or the length of ${x:off:len}. */
  arg2?: Word;
}

export type RedirOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redir {
  /** The descriptor written as a prefix (`2>`); the operator's default when absent. */
  fd?: number;
  op: RedirOp;
  target: Word;
  /** Filled when the lines after the command are read. */
  heredoc?: { body: Word; quoted: boolean; delimiter: string };
}

export interface Assign {
  name: string;
  value: Word;
  append: boolean;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
  line: number;
}

export interface CaseItem {
  patterns: Word[];
  body: List;
  /** `;&` (bash): run the next item's body too. */
  fallthrough: boolean;
}

export type CondExpr =
  | { type: 'unary'; op: string; arg: Word }
  | { type: 'binary'; op: string; left: Word; right: Word }
  | { type: 'word'; arg: Word }
  | { type: 'not'; expr: CondExpr }
  | { type: 'and' | 'or'; left: CondExpr; right: CondExpr };

export type CompoundBody =
  | { type: 'subshell'; body: List }
  | { type: 'group'; body: List }
  | { type: 'if'; clauses: Array<{ cond: List; body: List }>; otherwise?: List }
  | { type: 'for'; name: string; items?: Word[]; body: List }
  | { type: 'cfor'; init?: Word; cond?: Word; step?: Word; body: List }
  | { type: 'while'; until: boolean; cond: List; body: List }
  | { type: 'case'; word: Word; items: CaseItem[] }
  | { type: 'cond'; expr: CondExpr }
  | { type: 'arithcmd'; expr: Word };

export type Compound = CompoundBody & { redirs: Redir[]; line: number };

export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
  line: number;
}

export type Command = SimpleCommand | Compound | FunctionDef;

export interface Pipeline {
  negate: boolean;
  cmds: Command[];
  line: number;
}

export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

export interface ListItem {
  andor: AndOr;
  background: boolean;
}

export interface List {
  items: ListItem[];
}
