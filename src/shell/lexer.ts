import type { List, Redir, Word } from './ast.js';
import { type MessageStyle, ShellSyntaxError, type SyntaxProblem, type TokenKind } from './errors.js';
import type { Dialect } from './types.js';
import { readWord } from './words.js';

export type Token =
  | { type: 'word'; word: Word; raw: string; line: number; start: number; end: number }
  | { type: 'op'; value: string; fd?: number; line: number; start: number; end: number }
  | { type: 'newline'; line: number; start: number; end: number }
  | { type: 'eof'; line: number; start: number; end: number };

/** What the lexer asks of its parser: the nested scripts of `$(…)`, backquotes and here-documents. */
export interface LexerHost {
  /** Parses a list up to `)` on this lexer and consumes the `)`. */
  cmdSub(): List;
  /** Parses a separate script (a backquote's text). */
  subProgram(text: string, line: number): List;
  /** Parses a here-document body (only `$`, backquotes and `\` are special). */
  heredocWord(text: string, line: number): Word;
}

const OPS_ALL = [
  ';;',
  ';',
  '&&',
  '&',
  '||',
  '|',
  '<<-',
  '<<',
  '<>',
  '<&',
  '<',
  '>>',
  '>&',
  '>|',
  '>',
  '(',
  ')',
];
const OPS_EXTRA: Record<Dialect, string[]> = {
  bash: ['&>>', '&>', '<<<', ';&', '((', '|&'],
  ash: ['&>>', '&>', '<<<'],
  dash: [],
};

export const isRedirOp = (op: string): boolean => op[0] === '<' || op[0] === '>' || op.startsWith('&>');

/** Reads tokens from shell source on demand; the parser decides what a word means where it stands. */
export class Lexer {
  pos = 0;
  line: number;
  pending: Redir[] = [];
  host!: LexerHost;
  private peeked: Token | undefined;
  private readonly ops: string[];

  constructor(
    public src: string,
    readonly dialect: Dialect,
    readonly style: MessageStyle,
    readonly firstLine = 1,
  ) {
    this.line = firstLine;
    this.ops = [...OPS_EXTRA[dialect], ...OPS_ALL].sort((a, b) => b.length - a.length);
  }

  ch(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  get eof(): boolean {
    return this.pos >= this.src.length;
  }

  advance(n = 1): void {
    for (let i = 0; i < n && this.pos < this.src.length; i++) {
      if (this.src[this.pos] === '\n') this.line++;
      this.pos++;
    }
  }

  peek(): Token {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  /** Forgets a peeked token so the source can be read again from its start (aliases, `[[ =~`). */
  rewind(to: Token): void {
    this.peeked = undefined;
    this.pos = to.start;
    this.line = to.line;
  }

  lineText(line: number): string {
    return this.src.split('\n')[line - this.firstLine] ?? '';
  }

  fail(problem: Omit<SyntaxProblem, 'lineText' | 'line'> & { line?: number }): never {
    const line = problem.line ?? this.line;
    throw new ShellSyntaxError({ ...problem, line, lineText: this.lineText(line) }, this.style);
  }

  unexpected(tok: Token, expecting?: string): never {
    const base = { line: tok.line, expecting };
    if (tok.type === 'eof') {
      // bash counts the end of a -c string as one line past the last.
      const line = this.style.dialect === 'bash' ? this.line + (this.src.endsWith('\n') ? 0 : 1) : tok.line;
      return this.fail({ kind: 'unexpected', token: { kind: 'eof', text: '' }, expecting, line });
    }
    if (tok.type === 'newline')
      return this.fail({ ...base, kind: 'unexpected', token: { kind: 'newline', text: 'newline' } });
    if (tok.type === 'op') {
      const kind: TokenKind = isRedirOp(tok.value) ? 'redirection' : 'op';
      return this.fail({ ...base, kind: 'unexpected', token: { kind, text: tok.value } });
    }
    const kind: TokenKind = KEYWORDS.has(tok.raw) ? 'keyword' : 'word';
    return this.fail({ ...base, kind: 'unexpected', token: { kind, text: tok.raw } });
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.ch();
      if (c === ' ' || c === '\t' || c === '\r') this.advance();
      else if (c === '\\' && this.ch(1) === '\n') this.advance(2);
      else if (c === '#') {
        while (!this.eof && this.ch() !== '\n') this.advance();
      } else return;
    }
  }

  private lex(): Token {
    this.skipBlanks();
    const start = this.pos;
    const line = this.line;
    if (this.eof) {
      this.readHeredocs();
      return { type: 'eof', line, start, end: start };
    }
    if (this.ch() === '\n') {
      this.advance();
      this.readHeredocs();
      return { type: 'newline', line, start, end: this.pos };
    }
    const io = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    const at = io ? this.pos + io[0].length : this.pos;
    const op = this.ops.find((o) => this.src.startsWith(o, at));
    if (op && (!io || isRedirOp(op))) {
      this.advance(at - this.pos + op.length);
      const tok: Token = { type: 'op', value: op, line, start, end: this.pos };
      if (io) tok.fd = Number(io[0]);
      return tok;
    }
    const word = readWord(this);
    return { type: 'word', word, raw: this.src.slice(start, this.pos), line, start, end: this.pos };
  }

  /** Reads the bodies of the here-documents whose operators were on the line just ended. */
  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const r of pending) {
      const doc = r.heredoc!;
      const strip = r.op === '<<-';
      const startLine = this.line;
      let body = '';
      while (!this.eof) {
        const eol = this.src.indexOf('\n', this.pos);
        const end = eol < 0 ? this.src.length : eol;
        let text = this.src.slice(this.pos, end);
        this.advance(end - this.pos + 1);
        if (strip) text = text.replace(/^\t+/, '');
        if (text === doc.delimiter) break;
        body += `${text}\n`;
      }
      doc.body = doc.quoted
        ? { parts: [{ type: 'lit', value: body, quoted: true }] }
        : this.host.heredocWord(body, startLine);
    }
  }
}

export const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'in',
  '{',
  '}',
  '!',
]);
