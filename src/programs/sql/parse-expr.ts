import type { BaseType, Expr, SqlType } from './ast.js';
import type { Cursor } from './cursor.js';

/** Expressions by precedence: OR, AND, NOT, comparison, + -, * / %, unary, primary. */
export function expr(c: Cursor): Expr {
  let left = and(c);
  while (c.isWord('OR') || c.isOp('||')) {
    if (c.isOp('||') && c.dialect === 'postgres') {
      const pos = c.next().pos;
      left = { kind: 'call', name: 'CONCAT', args: [left, and(c)], star: false, distinct: false, pos };
      continue;
    }
    const pos = c.next().pos;
    left = { kind: 'bin', op: 'OR', left, right: and(c), pos };
  }
  return left;
}

function and(c: Cursor): Expr {
  let left = not(c);
  while (c.isWord('AND')) {
    const pos = c.next().pos;
    left = { kind: 'bin', op: 'AND', left, right: not(c), pos };
  }
  return left;
}

function not(c: Cursor): Expr {
  if (c.isWord('NOT')) {
    const pos = c.next().pos;
    return { kind: 'not', expr: not(c), pos };
  }
  return comparison(c);
}

const COMPARE = ['=', '<>', '!=', '<', '>', '<=', '>='];

function comparison(c: Cursor): Expr {
  const left = sum(c);
  const t = c.peek();
  if (t.kind === 'op' && COMPARE.includes(t.value)) {
    c.next();
    const op = t.value === '!=' ? '<>' : t.value;
    return { kind: 'bin', op, left, right: sum(c), pos: t.pos };
  }
  if (c.acceptWord('IS')) {
    const negated = c.acceptWord('NOT');
    c.word('NULL');
    return { kind: 'isnull', expr: left, not: negated, pos: t.pos };
  }
  const negated =
    c.isWord('NOT') && c.peek(1).kind === 'word' && ['LIKE', 'IN', 'BETWEEN'].includes(c.peek(1).value);
  if (negated) c.next();
  if (c.acceptWord('LIKE')) return { kind: 'like', expr: left, pattern: sum(c), not: negated, pos: t.pos };
  if (c.acceptWord('IN')) {
    c.op('(');
    const list = [expr(c)];
    while (c.acceptOp(',')) list.push(expr(c));
    c.op(')');
    return { kind: 'in', expr: left, list, not: negated, pos: t.pos };
  }
  if (c.acceptWord('BETWEEN')) {
    const low = sum(c);
    c.word('AND');
    return { kind: 'between', expr: left, low, high: sum(c), not: negated, pos: t.pos };
  }
  return left;
}

function sum(c: Cursor): Expr {
  let left = product(c);
  while (c.isOp('+') || c.isOp('-')) {
    const t = c.next();
    left = { kind: 'bin', op: t.value, left, right: product(c), pos: t.pos };
  }
  return left;
}

function product(c: Cursor): Expr {
  let left = unary(c);
  while (c.isOp('*') || c.isOp('/') || c.isOp('%')) {
    const t = c.next();
    left = { kind: 'bin', op: t.value, left, right: unary(c), pos: t.pos };
  }
  return left;
}

function unary(c: Cursor): Expr {
  if (c.isOp('-')) {
    const pos = c.next().pos;
    const inner = unary(c);
    if (inner.kind === 'lit' && typeof inner.value === 'number')
      return { ...inner, value: -inner.value, pos };
    return { kind: 'neg', expr: inner, pos };
  }
  if (c.acceptOp('+')) return unary(c);
  let e = primary(c);
  while (c.dialect === 'postgres' && c.isOp('::')) {
    const pos = c.next().pos;
    e = { kind: 'cast', expr: e, type: sqlType(c), pos };
  }
  return e;
}

function primary(c: Cursor): Expr {
  const t = c.peek();
  if (t.kind === 'number') {
    c.next();
    return { kind: 'lit', value: Number(t.text), pos: t.pos };
  }
  if (t.kind === 'string') {
    c.next();
    return { kind: 'lit', value: t.value, pos: t.pos };
  }
  if (c.acceptOp('(')) {
    const inner = expr(c);
    c.op(')');
    return inner;
  }
  if (c.isOp('*')) {
    c.next();
    return { kind: 'star', pos: t.pos };
  }
  if (t.kind === 'word') {
    if (t.value === 'NULL' || t.value === 'TRUE' || t.value === 'FALSE') {
      c.next();
      const value =
        t.value === 'NULL' ? null : c.dialect === 'mysql' ? Number(t.value === 'TRUE') : t.value === 'TRUE';
      return { kind: 'lit', value, pos: t.pos };
    }
    if (c.peek(1).kind === 'op' && c.peek(1).value === '(') return call(c);
    if (['CURRENT_USER', 'CURRENT_DATE', 'CURRENT_TIMESTAMP', 'USER', 'SESSION_USER'].includes(t.value)) {
      c.next();
      return { kind: 'call', name: t.value, args: [], star: false, distinct: false, pos: t.pos };
    }
  }
  if (t.kind === 'word' || t.kind === 'name') {
    const first = c.name();
    if (c.acceptOp('.')) {
      if (c.isOp('*')) return { kind: 'star', pos: c.next().pos };
      return { kind: 'col', table: first, name: c.name(), pos: t.pos };
    }
    return { kind: 'col', name: first, pos: t.pos };
  }
  return c.fail();
}

function call(c: Cursor): Expr {
  const t = c.next();
  c.op('(');
  if (c.acceptOp(')'))
    return { kind: 'call', name: t.value, args: [], star: false, distinct: false, pos: t.pos };
  if (c.isOp('*') && c.peek(1).value === ')') {
    c.next();
    c.next();
    return { kind: 'call', name: t.value, args: [], star: true, distinct: false, pos: t.pos };
  }
  const distinct = c.acceptWord('DISTINCT');
  const args = [expr(c)];
  while (c.acceptOp(',')) args.push(expr(c));
  c.op(')');
  return { kind: 'call', name: t.value, args, star: false, distinct, pos: t.pos };
}

const TYPES: Record<string, BaseType> = {
  INT: 'int',
  INTEGER: 'int',
  INT4: 'int',
  MEDIUMINT: 'int',
  BIGINT: 'bigint',
  INT8: 'bigint',
  SMALLINT: 'smallint',
  INT2: 'smallint',
  TINYINT: 'tinyint',
  DECIMAL: 'decimal',
  NUMERIC: 'decimal',
  FLOAT: 'float',
  REAL: 'float',
  DOUBLE: 'double',
  VARCHAR: 'varchar',
  CHAR: 'char',
  CHARACTER: 'char',
  TEXT: 'text',
  BOOLEAN: 'boolean',
  BOOL: 'boolean',
  DATE: 'date',
  DATETIME: 'datetime',
  TIMESTAMP: 'timestamp',
  TIMESTAMPTZ: 'timestamptz',
  SERIAL: 'int',
  BIGSERIAL: 'bigint',
};

/** A column type; SERIAL types come back with `serial` set. */
export function sqlType(c: Cursor): SqlType & { serial?: boolean } {
  const t = c.peek();
  const base = t.kind === 'word' ? TYPES[t.value] : undefined;
  if (!base) c.fail();
  c.next();
  const type: SqlType & { serial?: boolean } = { base };
  if (t.value === 'SERIAL' || t.value === 'BIGSERIAL') type.serial = true;
  if (t.value === 'DOUBLE') c.acceptWord('PRECISION');
  if ((t.value === 'CHARACTER' || t.value === 'CHAR') && c.acceptWord('VARYING')) type.base = 'varchar';
  if (c.acceptOp('(')) {
    type.length = c.integer();
    if (c.acceptOp(',')) type.scale = c.integer();
    c.op(')');
  }
  if (c.acceptWord('UNSIGNED')) {
    // accepted and kept as the signed type: no value here tells them apart
  }
  if (base === 'timestamp' && c.acceptWord('WITH')) {
    c.word('TIME');
    c.word('ZONE');
    type.base = 'timestamptz';
  }
  return type;
}
