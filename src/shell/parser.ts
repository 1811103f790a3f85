import type { AndOr, Command, List, ListItem, Pipeline, Word } from './ast.js';
import type { MessageStyle } from './errors.js';
import { isRedirOp, Lexer, type LexerHost, type Token } from './lexer.js';
import { parseCompound } from './parse-compound.js';
import { parseSimple } from './parse-simple.js';
import type { Dialect } from './types.js';
import { readHeredocBody } from './words.js';

export interface ParseOptions {
  dialect: Dialect;
  /** Names the shell in syntax errors (`sh`, `/bin/sh`, `bash`); `bash` or `sh` when absent. */
  argv0?: string;
  /** Interactive bash words its syntax errors without `-c: line N` (and without repeating the line). */
  interactive?: boolean;
  /** Line number of the first line (an interactive dash counts lines over a session). */
  firstLine?: number;
  /** Alias lookup for command words. */
  alias?: (name: string) => string | undefined;
}

/** Words that end a compound list when they stand where a command would. */
const LIST_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const COMPOUND_START = new Set(['if', 'while', 'until', 'for', 'case', '{']);
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

export const plain = (t: Token): string | undefined => {
  if (t.type !== 'word') return undefined;
  const [p, ...rest] = t.word.parts;
  return p?.type === 'lit' && !p.quoted && rest.length === 0 ? p.value : undefined;
};

/** Parses a whole script (throws ShellSyntaxError). */
export function parse(src: string, opts: ParseOptions): List {
  const parser = new Parser(src, opts);
  const items: ListItem[] = [];
  for (let list = parser.nextCommand(); list; list = parser.nextCommand()) items.push(...list.items);
  return { items };
}

/** Recursive descent over the lexer's tokens; `nextCommand` reads one line at a time, as shells do. */
export class Parser implements LexerHost {
  readonly lx: Lexer;
  private aliasing: Array<{ name: string; end: number }> = [];

  constructor(
    src: string,
    readonly opts: ParseOptions,
  ) {
    const style: MessageStyle = {
      dialect: opts.dialect,
      argv0: opts.argv0 ?? (opts.dialect === 'bash' ? 'bash' : 'sh'),
      interactive: opts.interactive ?? false,
    };
    this.lx = new Lexer(src, opts.dialect, style, opts.firstLine ?? 1);
    this.lx.host = this;
  }

  get dialect(): Dialect {
    return this.opts.dialect;
  }

  /** The next complete command (the rest of its line), or null at the end of the script. */
  nextCommand(): List | null {
    this.skipNewlines();
    if (this.lx.peek().type === 'eof') return null;
    const items: ListItem[] = [];
    for (;;) {
      const andor = this.parseAndOr();
      const t = this.lx.peek();
      const background = t.type === 'op' && t.value === '&';
      items.push({ andor, background });
      if (t.type === 'op' && (t.value === ';' || t.value === '&')) {
        this.lx.next();
        const after = this.lx.peek();
        if (after.type === 'eof') break;
        if (after.type === 'newline') {
          this.lx.next();
          break;
        }
      } else if (t.type === 'newline') {
        this.lx.next();
        break;
      } else if (t.type === 'eof') break;
      else this.lx.unexpected(t);
    }
    return { items };
  }

  skipNewlines(): void {
    while (this.lx.peek().type === 'newline') this.lx.next();
  }

  isListEnd(t: Token): boolean {
    if (t.type === 'eof') return true;
    if (t.type === 'op') return t.value === ')' || t.value === ';;' || t.value === ';&';
    const word = plain(t);
    return word !== undefined && LIST_END.has(word);
  }

  /** A list inside a compound command, ended by a keyword, `)`, `;;` or the end. */
  parseList(allowEmpty = false): List {
    const items: ListItem[] = [];
    this.skipNewlines();
    while (!this.isListEnd(this.lx.peek())) {
      const andor = this.parseAndOr();
      const t = this.lx.peek();
      if (t.type === 'op' && (t.value === ';' || t.value === '&')) {
        this.lx.next();
        items.push({ andor, background: t.value === '&' });
      } else if (t.type === 'newline') {
        this.lx.next();
        items.push({ andor, background: false });
      } else {
        items.push({ andor, background: false });
        if (!this.isListEnd(t)) this.lx.unexpected(t);
        break;
      }
      this.skipNewlines();
    }
    // At the end of the input the caller names what it expected (`fi`, `done`...).
    const end = this.lx.peek();
    if (items.length === 0 && !allowEmpty && end.type !== 'eof') this.lx.unexpected(end);
    return { items };
  }

  parseAndOr(): AndOr {
    const andor: AndOr = { first: this.parsePipeline(), rest: [] };
    for (
      let t = this.lx.peek();
      t.type === 'op' && (t.value === '&&' || t.value === '||');
      t = this.lx.peek()
    ) {
      this.lx.next();
      this.skipNewlines();
      andor.rest.push({ op: t.value as '&&' | '||', pipeline: this.parsePipeline() });
    }
    return andor;
  }

  parsePipeline(): Pipeline {
    const first = this.lx.peek();
    const negate = plain(first) === '!';
    if (negate) this.lx.next();
    const pipeline: Pipeline = { negate, cmds: [this.parseCommand()], line: first.line };
    for (
      let t = this.lx.peek();
      t.type === 'op' && (t.value === '|' || t.value === '|&');
      t = this.lx.peek()
    ) {
      this.lx.next();
      // bash's `a |& b` is `a 2>&1 | b`.
      const prev = pipeline.cmds[pipeline.cmds.length - 1]!;
      if (t.value === '|&' && prev.type !== 'function') {
        prev.redirs.push({
          fd: 2,
          op: '>&',
          target: { parts: [{ type: 'lit', value: '1', quoted: false }] },
        });
      }
      this.skipNewlines();
      pipeline.cmds.push(this.parseCommand());
    }
    return pipeline;
  }

  parseCommand(): Command {
    let t = this.lx.peek();
    let word = plain(t);
    if (word !== undefined && this.expandAlias(t, word)) {
      t = this.lx.peek();
      word = plain(t);
    }
    if (t.type === 'op' && (t.value === '(' || t.value === '((')) return parseCompound(this, t.value);
    if (word !== undefined) {
      if (COMPOUND_START.has(word)) return parseCompound(this, word);
      // busybox ash knows `[[ ]]` and `function` too (its bash compatibility).
      if (this.dialect !== 'dash' && (word === '[[' || word === 'function')) return parseCompound(this, word);
      if (LIST_END.has(word) || word === '!') this.lx.unexpected(t);
    }
    if (t.type === 'word') {
      this.lx.next();
      const after = this.lx.peek();
      if (after.type === 'op' && after.value === '(' && !ASSIGN.test(t.raw)) return this.parseFunction(t);
      return parseSimple(this, t);
    }
    if (t.type === 'op' && isRedirOp(t.value)) return parseSimple(this);
    return this.lx.unexpected(t);
  }

  /** `name() body`: the name was read; the `(` is next. */
  parseFunction(nameTok: Token): Command {
    this.lx.next();
    const close = this.lx.next();
    if (close.type !== 'op' || close.value !== ')') this.lx.unexpected(close, ')');
    return this.functionBody(nameTok.type === 'word' ? nameTok.raw : '', nameTok.line);
  }

  functionBody(name: string, line: number): Command {
    this.skipNewlines();
    const t = this.lx.peek();
    const word = plain(t);
    const compound = (t.type === 'op' && t.value === '(') || (word !== undefined && COMPOUND_START.has(word));
    if (this.dialect === 'bash' && !compound) this.lx.unexpected(t);
    return { type: 'function', name, body: this.parseCommand(), line };
  }

  /** Replaces an alias by its text in the source and reads again (`alias ll='ls -l'`). */
  private expandAlias(t: Token, word: string): boolean {
    const value = this.opts.alias?.(word);
    if (value === undefined || t.type !== 'word') return false;
    this.aliasing = this.aliasing.filter((a) => a.end > t.start);
    if (this.aliasing.some((a) => a.name === word)) return false;
    const lx = this.lx;
    lx.src = lx.src.slice(0, t.start) + value + lx.src.slice(t.end);
    const delta = value.length - (t.end - t.start);
    this.aliasing = this.aliasing.map((a) => ({ ...a, end: a.end + delta }));
    this.aliasing.push({ name: word, end: t.start + value.length });
    lx.rewind(t);
    return true;
  }

  cmdSub(): List {
    const list = this.parseList(true);
    const t = this.lx.next();
    if (t.type === 'eof' && this.dialect === 'bash') this.lx.fail({ kind: 'missing', closing: ')' });
    if (t.type !== 'op' || t.value !== ')') this.lx.unexpected(t, ')');
    return list;
  }

  subProgram(text: string, line: number): List {
    return parse(text, { ...this.opts, firstLine: line });
  }

  heredocWord(text: string, line: number): Word {
    const sub = new Parser(text, { ...this.opts, firstLine: line });
    return readHeredocBody(sub.lx);
  }
}
