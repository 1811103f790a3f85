import type { Expr, LValue } from './ast.js';
import { Cursor } from './cursor.js';

export { Cursor };

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const RELATIONAL = new Set(['<', '<=', '!=', '==', '>', '>=']);

function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'field' || e.k === 'index';
}

/** Whether the current token can begin an operand of a concatenation. */
function startsOperand(c: Cursor): boolean {
  const t = c.tok;
  if (t.kind === 'number' || t.kind === 'string' || t.kind === 'regex' || t.kind === 'name') return true;
  if (t.kind === 'funcname' || t.kind === 'builtin') return true;
  return t.kind === 'punct' && ['$', '(', '++', '--'].includes(t.text);
}

/**
 * Expressions by precedence, lowest first. `noGt` stops at `>` (print redirection) and
 * `noIn` at `in` (the `for (x in a)` header), as the awk grammar's unparenthesized forms do.
 */
export class ExprParser {
  constructor(
    readonly c: Cursor,
    readonly noGt = false,
    readonly noIn = false,
  ) {}

  expr(): Expr {
    const left = this.ternary();
    if (this.c.tok.kind === 'punct' && ASSIGN.has(this.c.tok.text) && isLValue(left)) {
      const op = this.c.tok.text;
      this.c.i++;
      this.c.skipNewlines();
      return { k: 'assign', op, target: left, e: this.expr() };
    }
    return left;
  }

  private ternary(): Expr {
    const cond = this.or();
    if (!this.c.eat('?')) return cond;
    this.c.skipNewlines();
    const a = this.expr();
    this.c.skipNewlines();
    this.c.expect(':');
    this.c.skipNewlines();
    return { k: 'cond', c: cond, a, b: this.expr() };
  }

  private or(): Expr {
    let e = this.and();
    while (this.c.eat('||')) {
      this.c.skipNewlines();
      e = { k: 'or', a: e, b: this.and() };
    }
    return e;
  }

  private and(): Expr {
    let e = this.inExpr();
    while (this.c.eat('&&')) {
      this.c.skipNewlines();
      e = { k: 'and', a: e, b: this.inExpr() };
    }
    return e;
  }

  private inExpr(): Expr {
    let e = this.match();
    while (!this.noIn && this.c.is('in', 'keyword')) {
      this.c.i++;
      const name = this.c.tok;
      if (name.kind !== 'name') this.c.fail();
      this.c.i++;
      e = { k: 'in', subs: [e], name: name.text };
    }
    return e;
  }

  private match(): Expr {
    let e = this.relational();
    while (this.c.is('~') || this.c.is('!~')) {
      const neg = this.c.tok.text === '!~';
      this.c.i++;
      e = { k: 'match', neg, a: e, re: this.relational() };
    }
    return e;
  }

  private relational(): Expr {
    const e = this.concat();
    const t = this.c.tok;
    if (t.kind === 'punct' && RELATIONAL.has(t.text) && !(this.noGt && t.text === '>')) {
      this.c.i++;
      return { k: 'bin', op: t.text, a: e, b: this.concat() };
    }
    return e;
  }

  private concat(): Expr {
    let e = this.additive();
    while (startsOperand(this.c) && !(this.noIn && this.c.is('in', 'keyword'))) {
      e = { k: 'concat', a: e, b: this.additive() };
    }
    while (this.c.is('|') && this.c.tokens[this.c.i + 1]?.text === 'getline') {
      this.c.i += 2;
      const g: Expr = { k: 'getline', cmd: e };
      if (this.c.tok.kind === 'name' || this.c.is('$')) g.target = this.primary() as LValue;
      e = g;
    }
    return e;
  }

  private additive(): Expr {
    let e = this.multiplicative();
    while (this.c.is('+') || this.c.is('-')) {
      const op = this.c.tok.text;
      this.c.i++;
      e = { k: 'bin', op, a: e, b: this.multiplicative() };
    }
    return e;
  }

  private multiplicative(): Expr {
    let e = this.unary();
    while (this.c.is('*') || this.c.is('/') || this.c.is('%')) {
      const op = this.c.tok.text;
      this.c.i++;
      e = { k: 'bin', op, a: e, b: this.unary() };
    }
    return e;
  }

  private unary(): Expr {
    if (this.c.is('!') || this.c.is('-') || this.c.is('+')) {
      const op = this.c.tok.text;
      this.c.i++;
      return { k: 'unary', op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (!this.c.eat('^')) return base;
    const exponent = this.c.is('-') || this.c.is('+') || this.c.is('!') ? this.unary() : this.power();
    return { k: 'bin', op: '^', a: base, b: exponent };
  }

  private postfix(): Expr {
    const e = this.primary();
    if ((this.c.is('++') || this.c.is('--')) && isLValue(e)) {
      const op = this.c.tok.text as '++' | '--';
      this.c.i++;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  /** `$` binds tighter than everything but grouping: `$NF-1` is `($NF)-1`, `$i++` is `($i)++`. */
  private fieldOperand(): Expr {
    if (this.c.is('++') || this.c.is('--')) return this.primary();
    if (this.c.is('-') || this.c.is('!')) {
      const op = this.c.tok.text;
      this.c.i++;
      return { k: 'unary', op, e: this.fieldOperand() };
    }
    return this.primary();
  }

  primary(): Expr {
    const t = this.c.tok;
    this.c.i++;
    switch (t.kind) {
      case 'number':
        return { k: 'num', v: t.value! };
      case 'string':
        return { k: 'str', v: t.text };
      case 'regex':
        return { k: 'regex', src: t.text };
      case 'funcname': {
        this.c.expect('(');
        return { k: 'call', name: t.text, args: this.args() };
      }
      case 'builtin': {
        if (!this.c.eat('(')) return { k: 'builtin', name: t.text, args: [] };
        return { k: 'builtin', name: t.text, args: this.args() };
      }
      case 'name': {
        if (!this.c.eat('[')) return { k: 'var', name: t.text };
        const subs = this.list(']');
        return { k: 'index', name: t.text, subs };
      }
      default:
        break;
    }
    if (t.text === '$') return { k: 'field', e: this.fieldOperand() };
    if (t.text === '++' || t.text === '--') {
      const target = this.primary();
      if (!isLValue(target)) this.c.fail();
      return { k: 'incdec', op: t.text, prefix: true, target };
    }
    if (t.text === '(') {
      const first = new ExprParser(this.c).expr();
      if (this.c.eat(',')) {
        const subs = [first, ...this.list(')')];
        if (!this.c.is('in', 'keyword')) this.c.fail();
        this.c.i++;
        const name = this.c.tok;
        this.c.i++;
        return { k: 'in', subs, name: name.text };
      }
      this.c.expect(')');
      return { k: 'group', e: first };
    }
    if (t.text === 'getline' && t.kind === 'keyword') {
      const g: Expr = { k: 'getline' };
      if (this.c.tok.kind === 'name' || this.c.is('$')) g.target = this.primary() as LValue;
      if (this.c.eat('<')) g.file = this.primary();
      return g;
    }
    this.c.i--;
    return this.c.fail();
  }

  private args(): Expr[] {
    this.c.skipNewlines();
    if (this.c.eat(')')) return [];
    return this.list(')');
  }

  /** Comma-separated expressions up to `close`. */
  list(close: string): Expr[] {
    const out: Expr[] = [];
    for (;;) {
      this.c.skipNewlines();
      out.push(new ExprParser(this.c).expr());
      this.c.skipNewlines();
      if (this.c.eat(close)) return out;
      this.c.expect(',');
    }
  }
}
