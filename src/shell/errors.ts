import type { Dialect } from './types.js';

/** How a token is named in a syntax error: ash and dash say `word`, bash quotes the text itself. */
export type TokenKind = 'eof' | 'newline' | 'op' | 'keyword' | 'word' | 'redirection';

export interface SyntaxProblem {
  kind: 'unexpected' | 'unterminated' | 'backquote' | 'missing' | 'text';
  /** For `text`: the words after `syntax error: ` (ash) or `Syntax error: ` (dash). */
  text?: string;
  token?: { kind: TokenKind; text: string };
  /** What the parser wanted instead (`then`, `)`...), as ash and dash mention it. */
  expecting?: string;
  /** For `missing`: the closing text (`}` or `))`). */
  closing?: string;
  /** For `unterminated`: the quote (`"` or `'`). */
  quote?: string;
  line: number;
  /** The source line, which non-interactive bash repeats. */
  lineText: string;
}

export interface MessageStyle {
  dialect: Dialect;
  argv0: string;
  interactive: boolean;
}

/** A script that does not parse. The message is the dialect's own text (without a newline). */
export class ShellSyntaxError extends Error {
  override name = 'ShellSyntaxError';
  constructor(
    readonly problem: SyntaxProblem,
    style: MessageStyle,
  ) {
    super(syntaxMessage(style, problem));
  }
}

function named(token: { kind: TokenKind; text: string }): string {
  switch (token.kind) {
    case 'eof':
      return 'end of file';
    case 'newline':
      return 'newline';
    case 'word':
      return 'word';
    case 'redirection':
      return 'redirection';
    default:
      return `"${token.text}"`;
  }
}

export function syntaxMessage(style: MessageStyle, p: SyntaxProblem): string {
  const a = style.argv0;
  const expecting = p.expecting ? ` (expecting "${p.expecting}")` : '';
  if (style.dialect === 'ash') {
    if (p.kind === 'unterminated') return `${a}: syntax error: unterminated quoted string`;
    if (p.kind === 'backquote') return `${a}: syntax error: EOF in backquote substitution`;
    if (p.kind === 'missing') return `${a}: syntax error: missing '${p.closing}'`;
    if (p.kind === 'text') return `${a}: syntax error: ${p.text}`;
    return `${a}: syntax error: unexpected ${named(p.token!)}${expecting}`;
  }
  if (style.dialect === 'dash') {
    const pre = `${a}: ${p.line}: Syntax error:`;
    if (p.kind === 'unterminated') return `${pre} Unterminated quoted string`;
    if (p.kind === 'backquote') return `${pre} EOF in backquote substitution`;
    if (p.kind === 'missing') return `${pre} Missing '${p.closing}'`;
    if (p.kind === 'text') return `${pre} ${p.text}`;
    return `${pre} ${named(p.token!)} unexpected${expecting}`;
  }
  // bash names the source only when it is not reading from a terminal.
  const pre = style.interactive ? `${a}: ` : `${a}: -c: line ${p.line}: `;
  if (p.kind === 'unterminated') return `${pre}unexpected EOF while looking for matching \`${p.quote}'`;
  if (p.kind === 'backquote') return `${pre}unexpected EOF while looking for matching \`\`'`;
  if (p.kind === 'missing')
    return `${pre}unexpected EOF while looking for matching \`${p.closing!.slice(0, 1)}'`;
  if (p.kind === 'text') return `${pre}syntax error: ${p.text}`;
  if (p.token!.kind === 'eof') return `${pre}syntax error: unexpected end of file`;
  const first = `${pre}syntax error near unexpected token \`${p.token!.text}'`;
  return style.interactive ? first : `${first}\n${pre}\`${p.lineText}'`;
}

/** `exit` (or the end forced by `set -e`, `exec`, a fatal error): unwinds to the shell or subshell. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** `return` from a function or a sourced file. */
export class ReturnSignal {
  constructor(readonly code: number) {}
}

/** `break n` / `continue n`. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/**
 * An error that ends a non-interactive shell (`${x?}`, `set -u`, bad substitution, arithmetic):
 * the message is printed, then the shell exits with `code` (an interactive one carries on).
 */
export class FatalError {
  constructor(
    readonly message: string,
    readonly code: number,
  ) {}
}

/** A script that would run on forever (a busy loop, `while :; do sleep 1; done`, `sleep infinity`). */
export class EndlessSignal {}
