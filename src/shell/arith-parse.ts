/** The parsing half of shell arithmetic: tokens, precedence, and the tree `arith.ts` evaluates. */
export class ArithError {
  constructor(
    readonly kind: 'div0' | 'syntax' | 'operand' | 'number',
    /** The expression text, as the messages quote it. */
    readonly expr: string,
    /** Where the trouble starts (bash's "error token"). */
    readonly token: string,
  ) {}
}

export type Node =
  | { t: 'num'; v: bigint }
  | { t: 'var'; name: string }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'assign'; op: string; name: string; b: Node }
  | { t: 'incr'; op: '++' | '--'; prefix: boolean; name: string }
  | { t: 'cond'; c: Node; a: Node; b: Node };

const OPS =
  '<<= >>= ** ++ -- << >> <= >= == != && || += -= *= /= %= &= ^= |= + - * / % < > = ! ~ & ^ | ? : ( ) ,'.split(
    ' ',
  );
/** Binary operators by precedence, loosest first. */
const BINARY = ['||', '&&', '|', '^', '&', '== !=', '< <= > >=', '<< >>', '+ -', '* / %'].map((l) =>
  l.split(' '),
);
export const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

export function parseNumber(text: string, posix = false): bigint | undefined {
  const s = text.trim();
  if (/^[0-9]+$/.test(s))
    return wrap(s.length > 1 && s[0] === '0' && /^[0-7]+$/.test(s) ? BigInt(`0o${s.slice(1)}`) : BigInt(s));
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return wrap(BigInt(s));
  const based = posix ? null : /^([0-9]+)#([0-9a-zA-Z@_]+)$/.exec(s);
  if (!based) return undefined;
  const base = Number(based[1]);
  let v = 0n;
  for (const c of based[2]!) {
    const d = Number.parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    v = v * BigInt(base) + BigInt(d);
  }
  return wrap(v);
}

export class ArithParser {
  private pos = 0;
  private readonly tokens: string[] = [];
  private readonly starts: number[] = [];

  constructor(
    private readonly src: string,
    private readonly posix: boolean,
  ) {
    const re = /\s*([0-9][0-9a-zA-Z#@_]*|[A-Za-z_][A-Za-z0-9_]*)|\s*/y;
    let i = 0;
    while (i < src.length) {
      re.lastIndex = i;
      const m = re.exec(src)!;
      i = re.lastIndex;
      if (m[1]) {
        this.tokens.push(m[1]);
        this.starts.push(i - m[1].length);
        continue;
      }
      if (i >= src.length) break;
      const op = OPS.find((o) => src.startsWith(o, i));
      const forbidden = posix && (op === '**' || op === '++' || op === '--' || op === ',');
      const tok = op && !forbidden ? op : (src[i] as string);
      this.tokens.push(tok);
      this.starts.push(i);
      i += tok.length;
    }
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  private fail(kind: ArithError['kind']): never {
    // At the end, bash names the last token as the culprit (`1+` → "+").
    const at = this.pos < this.tokens.length ? this.pos : this.tokens.length - 1;
    const start = this.starts[at] ?? this.src.length;
    throw new ArithError(kind, this.src.trim(), this.src.slice(start).trim());
  }

  parse(): Node | undefined {
    if (this.tokens.length === 0) return undefined;
    const node = this.comma();
    if (this.pos < this.tokens.length) this.fail('syntax');
    return node;
  }

  private comma(): Node {
    let node = this.assign();
    while (this.peek() === ',') {
      this.pos++;
      node = { t: 'bin', op: ',', a: node, b: this.assign() };
    }
    return node;
  }

  private assign(): Node {
    const name = this.peek();
    const op = this.tokens[this.pos + 1];
    if (name && /^[A-Za-z_]/.test(name) && op && /^(=|[-+*/%&^|]=|<<=|>>=)$/.test(op)) {
      this.pos += 2;
      return { t: 'assign', op, name, b: this.assign() };
    }
    return this.conditional();
  }

  private conditional(): Node {
    const c = this.binary(0);
    if (this.peek() !== '?') return c;
    this.pos++;
    const a = this.comma();
    if (this.peek() !== ':') this.fail('syntax');
    this.pos++;
    return { t: 'cond', c, a, b: this.conditional() };
  }

  private binary(level: number): Node {
    if (level >= BINARY.length) return this.power();
    let node = this.binary(level + 1);
    while (BINARY[level]!.includes(this.peek() ?? '')) {
      const op = this.tokens[this.pos++]!;
      node = { t: 'bin', op, a: node, b: this.binary(level + 1) };
    }
    return node;
  }

  private power(): Node {
    const base = this.unary();
    if (this.peek() !== '**') return base;
    this.pos++;
    return { t: 'bin', op: '**', a: base, b: this.power() };
  }

  private unary(): Node {
    const op = this.peek();
    if (op === '++' || op === '--') {
      this.pos++;
      const name = this.peek();
      if (name && /^[A-Za-z_]/.test(name)) {
        this.pos++;
        return { t: 'incr', op, prefix: true, name };
      }
      // `--3` is minus minus three.
      const sign = op[0]!;
      return { t: 'un', op: sign, a: { t: 'un', op: sign, a: this.unary() } };
    }
    if (op === '+' || op === '-' || op === '!' || op === '~') {
      this.pos++;
      return { t: 'un', op, a: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): Node {
    const tok = this.peek();
    if (tok === undefined) this.fail('operand');
    this.pos++;
    if (tok === '(') {
      const inner = this.comma();
      if (this.peek() !== ')') this.fail('syntax');
      this.pos++;
      return inner;
    }
    if (/^[0-9]/.test(tok)) {
      const v = parseNumber(tok, this.posix);
      if (v === undefined) {
        this.pos--;
        this.fail('number');
      }
      return { t: 'num', v };
    }
    if (!/^[A-Za-z_]/.test(tok)) {
      this.pos--;
      this.fail('operand');
    }
    const next = this.peek();
    if (next === '++' || next === '--') {
      this.pos++;
      return { t: 'incr', op: next, prefix: false, name: tok };
    }
    return { t: 'var', name: tok };
  }
}
