import { compile, RegexSyntaxError } from './regex.js';
import { type Address, type SedDialect, SedParseError } from './sed-parse.js';

/** The script as a stream of characters, with sed's escaping rules for delimited text. */
export class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek(): string | undefined {
    return this.s[this.i];
  }
  next(): string | undefined {
    return this.s[this.i++];
  }
  skipSpace(newlines = false): void {
    while (
      this.i < this.s.length &&
      (this.s[this.i] === ' ' || this.s[this.i] === '\t' || (newlines && this.s[this.i] === '\n'))
    )
      this.i++;
  }
  fail(message: string): never {
    throw new SedParseError(message, this.i);
  }
  /** Text up to an unescaped `delim`; `\delim` becomes the delimiter itself, `\n` a newline. */
  delimited(delim: string, what: string, regex: boolean): string {
    let out = '';
    for (;;) {
      const ch = this.next();
      if (ch === undefined || (ch === '\n' && regex)) this.fail(what);
      if (ch === delim) return out;
      if (ch === '\\') {
        const n = this.next();
        if (n === undefined) this.fail(what);
        if (n === delim) out += delim;
        else if (n === 'n' && regex) out += '\\n';
        else if (n === '\n') out += regex ? '\\n' : '\n';
        else out += `\\${n}`;
      } else out += ch;
    }
  }
}

export function regex(text: string, flags: string, d: SedDialect, r: Reader): RegExp | null {
  if (text === '') return null;
  try {
    return compile(text, {
      extended: d.extended,
      ignoreCase: /[iI]/.test(flags),
      dotAll: true,
      global: true,
    });
  } catch (e) {
    if (e instanceof RegexSyntaxError) r.fail(e.message);
    throw e;
  }
}

export function address(r: Reader, d: SedDialect): Address | undefined {
  const ch = r.peek();
  if (ch === undefined) return undefined;
  if (/\d/.test(ch)) {
    const n = Number(/^\d+/.exec(r.s.slice(r.i))![0]);
    r.i += String(/^\d+/.exec(r.s.slice(r.i))![0]).length;
    if (r.peek() === '~') {
      r.i++;
      const step = /^\d+/.exec(r.s.slice(r.i))?.[0] ?? '0';
      r.i += step.length;
      return { kind: 'step', first: n, step: Number(step) };
    }
    return { kind: 'line', n };
  }
  if (ch === '$') {
    r.i++;
    return { kind: 'last' };
  }
  if (ch === '/' || ch === '\\') {
    r.i++;
    const delim = ch === '\\' ? r.next()! : '/';
    const text = r.delimited(delim, 'unterminated address regex', true);
    let flags = '';
    while (r.peek() === 'I' || r.peek() === 'M') flags += r.next();
    return { kind: 're', re: regex(text, flags, d, r) };
  }
  return undefined;
}

export function secondAddress(r: Reader, d: SedDialect): Address {
  r.skipSpace();
  const ch = r.peek();
  if (ch === '+' || ch === '~') {
    r.i++;
    const n = /^\d+/.exec(r.s.slice(r.i))?.[0];
    if (!n) r.fail('expected newer version of sed');
    r.i += n.length;
    return ch === '+' ? { kind: 'plus', n: Number(n) } : { kind: 'multiple', n: Number(n) };
  }
  return address(r, d) ?? r.fail("unexpected `,'");
}
