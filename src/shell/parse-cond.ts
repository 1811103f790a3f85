import type { CondExpr, Word } from './ast.js';
import type { Token } from './lexer.js';
import { type Parser, plain } from './parser.js';
import { readRegex } from './words.js';

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-z',
  '-n',
  '-x',
  '-r',
  '-w',
  '-s',
  '-L',
  '-h',
  '-a',
  '-b',
  '-c',
  '-p',
  '-S',
]);
const BINARY = new Set([
  '=',
  '==',
  '!=',
  '=~',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

/** bash's `[[ … ]]` (the `[[` is consumed): `&&`, `||`, `!`, `( )`, unary and binary tests. */
export function parseCond(p: Parser): CondExpr {
  const expr = orExpr(p);
  const end = p.lx.next();
  if (plain(end) !== ']]') p.lx.unexpected(end);
  return expr;
}

function isOp(t: Token, value: string): boolean {
  return t.type === 'op' && t.value === value;
}

function orExpr(p: Parser): CondExpr {
  let left = andExpr(p);
  while (isOp(p.lx.peek(), '||')) {
    p.lx.next();
    p.skipNewlines();
    left = { type: 'or', left, right: andExpr(p) };
  }
  return left;
}

function andExpr(p: Parser): CondExpr {
  let left = notExpr(p);
  while (isOp(p.lx.peek(), '&&')) {
    p.lx.next();
    p.skipNewlines();
    left = { type: 'and', left, right: notExpr(p) };
  }
  return left;
}

function notExpr(p: Parser): CondExpr {
  p.skipNewlines();
  if (plain(p.lx.peek()) === '!') {
    p.lx.next();
    return { type: 'not', expr: notExpr(p) };
  }
  return primary(p);
}

function word(p: Parser): Word {
  const t = p.lx.next();
  if (t.type !== 'word' || plain(t) === ']]') return p.lx.unexpected(t);
  return t.word;
}

function primary(p: Parser): CondExpr {
  const lx = p.lx;
  const t = lx.peek();
  if (isOp(t, '(')) {
    lx.next();
    const inner = orExpr(p);
    const close = lx.next();
    if (!isOp(close, ')')) lx.unexpected(close);
    return inner;
  }
  const first = word(p);
  const name = plain(t);
  const after = lx.peek();
  if (name !== undefined && UNARY.has(name) && after.type === 'word' && plain(after) !== ']]') {
    return { type: 'unary', op: name, arg: word(p) };
  }
  const op = after.type === 'op' && (after.value === '<' || after.value === '>') ? after.value : plain(after);
  if (op === undefined || !(BINARY.has(op) || op === '<' || op === '>')) return { type: 'word', arg: first };
  lx.next();
  const right = op === '=~' ? readRegex(lx) : word(p);
  return { type: 'binary', op, left: first, right };
}
