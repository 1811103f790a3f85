import { dollar, EOF, ExpansionError } from './lex-dollar.js';

export { EOF, ExpansionError };

/**
 * Variable expansion in Dockerfile instructions, with BuildKit's rules (its `shell.Lex`): quotes
 * are removed, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`, `${VAR?err}`, `${VAR#pat}`,
 * `${VAR%pat}` and `${VAR/pat/repl}` are replaced, and the escape character (`\`, or the one a
 * `# escape=` directive chose) protects the next character. It is not a shell: no command
 * substitution, no globbing; that happens later, in the RUN step's own shell.
 */

export interface EnvLookup {
  get(name: string): string | undefined;
}

export interface LexOptions {
  escape?: string;
  /** Keep quote characters in the result (used to tell quoted heredoc words). */
  rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  rawEscapes?: boolean;
  /** Treat quotes as ordinary characters (heredoc bodies). */
  skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written. */
  skipUnsetEnv?: boolean;
}

export interface WordResult {
  result: string;
  /** The result split into words (quotes keep spaces inside a word). */
  words: string[];
  /** Variables that were referenced and set / referenced and unset. */
  matched: Set<string>;
  unmatched: Set<string>;
}

const isSpace = (ch: string) => /\s/u.test(ch);

class Words {
  private buf = '';
  private inWord = false;
  private readonly words: string[] = [];
  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.buf.length > 0) {
        this.words.push(this.buf);
        this.buf = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) this.addRaw(ch);
  }
  addRaw(s: string): void {
    this.buf += s;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  get(): string[] {
    if (this.buf.length > 0) {
      this.words.push(this.buf);
      this.buf = '';
      this.inWord = false;
    }
    return this.words;
  }
}

/** The state of one expansion: a cursor over the word's characters and what was looked up. */
export class Lexer {
  private pos = 0;
  private readonly chars: string[];
  readonly escape: string;
  rawEscapes: boolean;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();

  constructor(
    word: string,
    private readonly env: EnvLookup,
    readonly opts: LexOptions,
  ) {
    this.chars = Array.from(word);
    this.escape = opts.escape ?? '\\';
    this.rawEscapes = opts.rawEscapes ?? false;
  }

  peek(): string {
    return this.chars[this.pos] ?? EOF;
  }

  next(): string {
    const ch = this.chars[this.pos] ?? EOF;
    if (this.pos < this.chars.length) this.pos++;
    return ch;
  }

  lookup(name: string): string | undefined {
    const value = this.env.get(name);
    (value === undefined ? this.unmatched : this.matched).add(name);
    return value;
  }

  /** Reads up to `stop` (or the end, when `stop` is EOF), expanding as it goes. */
  until(stop: string, rawEscapes: boolean): { result: string; words: string[] } {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.scan(stop);
    } finally {
      this.rawEscapes = saved;
    }
  }

  private scan(stop: string): { result: string; words: string[] } {
    let result = '';
    const words = new Words();
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (stop !== EOF && ch === stop) {
        this.next();
        return { result, words: words.get() };
      }
      const special = this.special(ch);
      if (special) {
        const tmp = special();
        result += tmp;
        if (ch === '$') words.addString(tmp);
        else words.addRaw(tmp);
        continue;
      }
      let c = this.next();
      if (c === this.escape) {
        if (this.rawEscapes) {
          words.addRaw(c);
          result += c;
        }
        c = this.next();
        if (c === EOF) break;
        words.addRaw(c);
      } else words.addChar(c);
      result += c;
    }
    if (stop !== EOF)
      throw new ExpansionError(`unexpected end of statement while looking for matching ${stop}`);
    return { result, words: words.get() };
  }

  private special(ch: string): (() => string) | undefined {
    if (ch === '$') return () => dollar(this);
    if (ch === '<') return () => this.heredocMarker();
    if (this.opts.skipProcessQuotes) return undefined;
    if (ch === "'") return () => this.singleQuoted();
    if (ch === '"') return () => this.doubleQuoted();
    return undefined;
  }

  private singleQuoted(): string {
    const raw = this.opts.rawQuotes ?? false;
    const open = this.next();
    let result = raw ? open : '';
    for (;;) {
      const ch = this.next();
      if (ch === EOF)
        throw new ExpansionError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return raw ? result + ch : result;
      result += ch;
    }
  }

  private doubleQuoted(): string {
    const raw = this.opts.rawQuotes ?? false;
    const open = this.next();
    let result = raw ? open : '';
    for (;;) {
      const peek = this.peek();
      if (peek === EOF)
        throw new ExpansionError('unexpected end of statement while looking for matching double-quote');
      if (peek === '"') {
        const ch = this.next();
        return raw ? result + ch : result;
      }
      if (peek === '$') {
        result += dollar(this);
        continue;
      }
      let ch = this.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === EOF) continue;
        if (after === '"' || after === '$' || after === this.escape) ch = this.next();
      }
      result += ch;
    }
  }

  /** `<<` stays glued to the whitespace after it, so `<< EOF` reads as one heredoc word. */
  private heredocMarker(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.peek() === ' ' || this.peek() === '\t') space += this.next();
    return `<<${space}`;
  }
}

function run(word: string, env: EnvLookup, opts: LexOptions): WordResult {
  const lexer = new Lexer(word, env, opts);
  try {
    const { result, words } = lexer.until(EOF, lexer.rawEscapes);
    return { result, words, matched: lexer.matched, unmatched: lexer.unmatched };
  } catch (e) {
    if (e instanceof ExpansionError)
      throw new ExpansionError(`failed to process ${JSON.stringify(word)}: ${e.message}`);
    throw e;
  }
}

/** Expands one word (ENV values, COPY paths, WORKDIR...). Throws ExpansionError with docker's text. */
export function processWord(word: string, env: EnvLookup, opts: LexOptions = {}): string {
  return run(word, env, opts).result;
}

/** Expands and splits into words (EXPOSE `$PORTS`, heredoc markers). */
export function processWords(word: string, env: EnvLookup, opts: LexOptions = {}): string[] {
  return run(word, env, opts).words;
}

export function processWordDetailed(word: string, env: EnvLookup, opts: LexOptions = {}): WordResult {
  return run(word, env, opts);
}

/** An environment as a lookup: `["A=1", "B=2"]` (last one wins, as in a process environment). */
export function envLookup(...lists: (readonly string[] | Record<string, string>)[]): EnvLookup {
  const map = new Map<string, string>();
  for (const list of lists) {
    if (Array.isArray(list)) {
      for (const kv of list as readonly string[]) {
        const eq = kv.indexOf('=');
        if (eq < 0) map.set(kv, '');
        else map.set(kv.slice(0, eq), kv.slice(eq + 1));
      }
    } else for (const [k, v] of Object.entries(list)) map.set(k, v);
  }
  return { get: (name) => map.get(name) };
}

export const NO_ENV: EnvLookup = { get: () => undefined };
