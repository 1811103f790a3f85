import type { AwkProgram, Expr, Redirect, Stmt } from './ast.js';
import { tokenize } from './lexer.js';
import { Cursor, ExprParser } from './parse-expr.js';

/** Statement terminators: `;`, newlines, or a `}` that closes the block. */
function endSimple(c: Cursor): void {
  if (c.eat(';') || c.tok.kind === 'newline') {
    c.skipNewlines();
    return;
  }
  if (c.is('}') || c.tok.kind === 'eof') return;
  c.fail();
}

function optSemis(c: Cursor): void {
  while (c.eat(';') || c.tok.kind === 'newline') c.i++;
  c.skipNewlines();
}

function printStmt(c: Cursor, kind: 'print' | 'printf'): Stmt {
  let args: Expr[] = [];
  const p = new ExprParser(c, true);
  if (c.is('(')) {
    const save = c.i;
    c.i++;
    const inner = p.list(')');
    const ends =
      c.is(';') ||
      c.is('}') ||
      c.is('>') ||
      c.is('>>') ||
      c.is('|') ||
      c.tok.kind === 'newline' ||
      c.tok.kind === 'eof';
    if (ends) args = inner;
    else {
      c.i = save;
      args = exprList(c);
    }
  } else if (!(c.is(';') || c.is('}') || c.tok.kind === 'newline' || c.tok.kind === 'eof'))
    args = exprList(c);
  let dest: Redirect | undefined;
  if (c.is('>') || c.is('>>') || c.is('|')) {
    const mode = c.tok.text as Redirect['mode'];
    c.i++;
    dest = { mode, e: new ExprParser(c, true).expr() };
  }
  return dest ? { k: kind, args, dest } : { k: kind, args };
}

function exprList(c: Cursor): Expr[] {
  const out = [new ExprParser(c, true).expr()];
  while (c.eat(',')) {
    c.skipNewlines();
    out.push(new ExprParser(c, true).expr());
  }
  return out;
}

function simple(c: Cursor): Stmt {
  if (c.eat('print')) return printStmt(c, 'print');
  if (c.eat('printf')) return printStmt(c, 'printf');
  if (c.eat('delete')) {
    const name = c.tok.text;
    c.i++;
    if (!c.eat('[')) return { k: 'delete', name };
    return { k: 'delete', name, subs: new ExprParser(c).list(']') };
  }
  return { k: 'expr', e: new ExprParser(c).expr() };
}

function statement(c: Cursor): Stmt {
  c.skipNewlines();
  if (c.eat('{')) {
    const body = statements(c);
    c.expect('}');
    return { k: 'block', body };
  }
  if (c.eat(';')) return { k: 'block', body: [] };
  if (c.eat('if')) {
    c.expect('(');
    const cond = new ExprParser(c).expr();
    c.expect(')');
    const then = statement(c);
    const save = c.i;
    optSemis(c);
    if (c.eat('else')) return { k: 'if', c: cond, then, else: statement(c) };
    c.i = save;
    return { k: 'if', c: cond, then };
  }
  if (c.eat('while')) {
    c.expect('(');
    const cond = new ExprParser(c).expr();
    c.expect(')');
    if (c.eat(';')) return { k: 'while', c: cond, body: { k: 'block', body: [] } };
    return { k: 'while', c: cond, body: statement(c) };
  }
  if (c.eat('do')) {
    const body = statement(c);
    optSemis(c);
    c.expect('while');
    c.expect('(');
    const cond = new ExprParser(c).expr();
    c.expect(')');
    endSimple(c);
    return { k: 'do', body, c: cond };
  }
  if (c.eat('for')) return forStmt(c);
  const keyword = c.tok.kind === 'keyword' ? c.tok.text : '';
  if (['next', 'nextfile', 'break', 'continue'].includes(keyword)) {
    c.i++;
    endSimple(c);
    return { k: keyword } as Stmt;
  }
  if (keyword === 'exit' || keyword === 'return') {
    c.i++;
    const ends = c.is(';') || c.is('}') || c.tok.kind === 'newline' || c.tok.kind === 'eof';
    const e = ends ? undefined : new ExprParser(c).expr();
    endSimple(c);
    return e ? { k: keyword, e } : { k: keyword };
  }
  const s = simple(c);
  endSimple(c);
  return s;
}

function forStmt(c: Cursor): Stmt {
  c.expect('(');
  const save = c.i;
  if (c.tok.kind === 'name' && c.tokens[c.i + 1]?.text === 'in') {
    const v = c.tok.text;
    c.i += 2;
    const arr = c.tok.text;
    c.i++;
    if (c.eat(')')) return { k: 'forin', v, arr, body: statement(c) };
    c.i = save;
  }
  const init = c.is(';') ? undefined : simple(c);
  c.expect(';');
  c.skipNewlines();
  const cond = c.is(';') ? undefined : new ExprParser(c).expr();
  c.expect(';');
  c.skipNewlines();
  const step = c.is(')') ? undefined : simple(c);
  c.expect(')');
  if (c.eat(';')) return { k: 'for', init, c: cond, step, body: { k: 'block', body: [] } };
  return { k: 'for', init, c: cond, step, body: statement(c) };
}

function statements(c: Cursor): Stmt[] {
  const out: Stmt[] = [];
  optSemis(c);
  while (!c.is('}') && c.tok.kind !== 'eof') {
    out.push(statement(c));
    optSemis(c);
  }
  return out;
}

function block(c: Cursor): Stmt[] {
  c.expect('{');
  const body = statements(c);
  c.expect('}');
  return body;
}

/** Parses a whole program: BEGIN/END blocks, pattern-action rules and functions. */
export function parseAwk(src: string): AwkProgram {
  const c = new Cursor(tokenize(src));
  const prog: AwkProgram = { begin: [], end: [], rules: [], funcs: new Map() };
  optSemis(c);
  while (c.tok.kind !== 'eof') {
    if (c.eat('BEGIN')) {
      c.skipNewlines();
      prog.begin.push(block(c));
    } else if (c.eat('END')) {
      c.skipNewlines();
      prog.end.push(block(c));
    } else if (c.eat('function')) {
      const name = c.tok.text;
      c.i++;
      c.expect('(');
      const params: string[] = [];
      while (!c.eat(')')) {
        params.push(c.tok.text);
        c.i++;
        c.eat(',');
        c.skipNewlines();
      }
      c.skipNewlines();
      prog.funcs.set(name, { params, body: block(c) });
    } else if (c.is('{')) prog.rules.push({ body: block(c) });
    else {
      const pattern = new ExprParser(c).expr();
      let range: [Expr, Expr] | undefined;
      if (c.eat(',')) {
        c.skipNewlines();
        range = [pattern, new ExprParser(c).expr()];
      }
      const body = c.is('{') ? block(c) : undefined;
      prog.rules.push(range ? { range, body } : { pattern, body });
    }
    optSemis(c);
  }
  return prog;
}
