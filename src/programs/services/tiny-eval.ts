/**
 * Just enough of JavaScript and Python to run the one-liners learners try first
 * (`node -e 'console.log(1+1)'`, `python3 -c 'print("hi")'`): literals, arithmetic, string
 * concatenation and the print call of each language. Anything else is reported as unsupported
 * (undefined), and the caller says so rather than pretending.
 */
import { binary, type Lang, PyError, show, Unsupported, type Value } from './tiny-ops.js';

export { type Lang, PyError };

const TOKEN =
  /[ \t\r]*(?:((?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`$\\]*`)|(\*\*|\/\/|[-+*/%(),;\n.])|([A-Za-z_][A-Za-z0-9_]*))/y;

function tokenize(src: string): string[] {
  const text = src.replace(/\s+$/, '');
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) throw new Unsupported();
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  }
  return out;
}

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(n|t|\\|'|")/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: string[],
    private readonly lang: Lang,
  ) {}

  done(): boolean {
    return this.i >= this.toks.length;
  }
  peek(): string | undefined {
    return this.toks[this.i];
  }
  next(): string {
    const t = this.toks[this.i++];
    if (t === undefined) throw new Unsupported();
    return t;
  }

  /** One statement: a print call (returns its output line) or a bare expression (no output). */
  statement(): { printed?: string; value?: Value } {
    const call = this.lang === 'js' ? ['console', '.', 'log', '('] : ['print', '('];
    if (call.every((c, k) => this.toks[this.i + k] === c)) {
      this.i += call.length;
      const args: Value[] = [];
      while (this.peek() !== ')') {
        args.push(this.expr(0));
        if (this.peek() === ',') this.next();
        else if (this.peek() !== ')') throw new Unsupported();
      }
      this.next();
      return { printed: args.map((a) => show(a, this.lang)).join(' ') };
    }
    return { value: this.expr(0) };
  }

  private expr(minPrec: number): Value {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      const prec =
        op === undefined
          ? -1
          : ({ '+': 1, '-': 1, '*': 2, '/': 2, '//': 2, '%': 2, '**': 3 } as Record<string, number>)[op];
      if (prec === undefined || prec < minPrec) return left;
      this.next();
      const right = this.expr(op === '**' ? prec : prec + 1);
      left = binary(op!, left, right, this.lang);
    }
  }

  private unary(): Value {
    const t = this.next();
    if (t === '-' || t === '+') {
      const v = this.unary();
      if (typeof v === 'bigint') return t === '-' ? -v : v;
      if (typeof v !== 'number') throw new Unsupported();
      return t === '-' ? -v : v;
    }
    if (t === '(') {
      const v = this.expr(0);
      if (this.next() !== ')') throw new Unsupported();
      return v;
    }
    if (/^\d/.test(t) || t.startsWith('.'))
      return this.lang === 'py' && /^\d+$/.test(t) ? BigInt(t) : Number(t);
    if (/^["'`]/.test(t)) return unquote(t);
    const words: Record<string, Value> =
      this.lang === 'js'
        ? { true: true, false: false, null: null, undefined }
        : { True: true, False: false, None: null };
    if (t in words) return words[t];
    throw new Unsupported();
  }
}

/** How the interactive prompts echo a value (`'text'` for strings; Python shows nothing for None). */
export function repr(v: Value, lang: Lang): string | undefined {
  if (typeof v === 'string') return `'${v.replace(/'/g, "\\'")}'`;
  if (lang === 'py' && (v === null || v === undefined)) return undefined;
  return show(v, lang);
}

export interface Evaluation {
  /** Lines written by print() / console.log. */
  printed: string[];
  /** The value of the last statement (undefined after a print call in JS, None in Python). */
  last: Value;
}

/**
 * Runs a script with the subset above: undefined when it is beyond it. Throws PyError for
 * Python's runtime errors.
 */
export function evaluate(src: string, lang: Lang): Evaluation | undefined {
  try {
    const p = new Parser(tokenize(src), lang);
    const printed: string[] = [];
    let last: Value;
    while (!p.done()) {
      if (p.peek() === '\n' || p.peek() === ';') {
        p.next();
        continue;
      }
      const st = p.statement();
      if (st.printed !== undefined) printed.push(st.printed);
      last = st.printed !== undefined ? (lang === 'py' ? null : undefined) : st.value;
      const sep = p.peek();
      if (sep !== undefined && sep !== '\n' && sep !== ';') return undefined;
    }
    return { printed, last };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** The printed lines of a script (`echo`: then the last value too, as `node -p` shows it). */
export function runTiny(src: string, lang: Lang, echo = false): string[] | undefined {
  const r = evaluate(src, lang);
  if (!r) return undefined;
  return echo ? [...r.printed, show(r.last, lang)] : r.printed;
}
