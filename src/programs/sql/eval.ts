import type { ColumnDef, Expr, Value } from './ast.js';
import { SqlError } from './errors.js';
import type { Dialect } from './lexer.js';
import { compare, like, truthy } from './values.js';

/** Who asks, and what the server knows, for VERSION(), NOW(), DATABASE() and USER(). */
export interface SessionFacts {
  dialect: Dialect;
  /** `8.0.38`, or PostgreSQL's full version() string. */
  version: string;
  /** Milliseconds since the epoch (the simulated clock). */
  now: number;
  db?: string;
  user: string;
  /** Where the client connects from, as MySQL names it (`localhost`, `172.18.0.3`). */
  host: string;
}

export interface Scope {
  facts: SessionFacts;
  table?: string;
  columns: ColumnDef[];
  row?: Value[];
  /** The rows of the group an aggregate reads. */
  group?: Value[][];
  /** Where a name appears (MySQL names the clause of an unknown column). */
  clause: string;
}

export const AGGREGATES = new Set(['COUNT', 'SUM', 'MIN', 'MAX', 'AVG']);

export function hasAggregate(e: Expr): boolean {
  switch (e.kind) {
    case 'call':
      return AGGREGATES.has(e.name) || e.args.some(hasAggregate);
    case 'bin':
      return hasAggregate(e.left) || hasAggregate(e.right);
    case 'not':
    case 'neg':
    case 'isnull':
    case 'cast':
      return hasAggregate(e.expr);
    case 'like':
      return hasAggregate(e.expr) || hasAggregate(e.pattern);
    case 'in':
      return hasAggregate(e.expr) || e.list.some(hasAggregate);
    case 'between':
      return [e.expr, e.low, e.high].some(hasAggregate);
    default:
      return false;
  }
}

export function columnIndex(s: Scope, e: { name: string; table?: string; pos: number }): number {
  const i = s.columns.findIndex((c) =>
    s.facts.dialect === 'mysql' ? c.name.toLowerCase() === e.name.toLowerCase() : c.name === e.name,
  );
  if (i < 0 || (e.table && e.table !== s.table)) {
    const column = e.table ? `${e.table}.${e.name}` : e.name;
    throw new SqlError('unknown-column', { column, clause: s.clause, table: s.table ?? '' }, e.pos);
  }
  return i;
}

function arith(op: string, a: Value, b: Value, d: Dialect, pos: number): Value {
  if (a === null || b === null) return null;
  const x = Number(a);
  const y = Number(b);
  if ((op === '/' || op === '%') && y === 0) {
    if (d === 'postgres') throw new SqlError('division-by-zero', {}, pos);
    return null;
  }
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  if (op === '%') return x % y;
  // PostgreSQL divides integers as integers; MySQL's `/` always gives a decimal.
  if (d === 'postgres' && Number.isInteger(x) && Number.isInteger(y)) return Math.trunc(x / y);
  return d === 'mysql' ? Number((x / y).toFixed(4)) : x / y;
}

export function evaluate(e: Expr, s: Scope): Value {
  const d = s.facts.dialect;
  switch (e.kind) {
    case 'lit':
      return e.value;
    case 'col':
      if (!s.row) throw new SqlError('unknown-column', { column: e.name, clause: s.clause }, e.pos);
      return s.row[columnIndex(s, e)] ?? null;
    case 'star':
      throw new SqlError('unknown-column', { column: '*', clause: s.clause }, e.pos);
    case 'neg': {
      const v = evaluate(e.expr, s);
      return v === null ? null : -Number(v);
    }
    case 'not': {
      const v = truthy(evaluate(e.expr, s));
      return v === null ? null : bool(!v, d);
    }
    case 'isnull':
      return bool((evaluate(e.expr, s) === null) !== e.not, d);
    case 'like': {
      const v = evaluate(e.expr, s);
      const p = evaluate(e.pattern, s);
      if (v === null || p === null) return null;
      return bool(like(String(v), String(p), d) !== e.not, d);
    }
    case 'in': {
      const v = evaluate(e.expr, s);
      const found = e.list.some((x) => compare(v, evaluate(x, s), d) === 0);
      return v === null ? null : bool(found !== e.not, d);
    }
    case 'between': {
      const v = evaluate(e.expr, s);
      const lo = compare(v, evaluate(e.low, s), d);
      const hi = compare(v, evaluate(e.high, s), d);
      if (lo === null || hi === null) return null;
      return bool(lo >= 0 && hi <= 0 ? !e.not : e.not, d);
    }
    case 'bin':
      return binary(e.op, e.left, e.right, s, e.pos);
    case 'cast':
      return evaluate(e.expr, s);
    case 'call':
      return call(e, s);
  }
}

const bool = (v: boolean, d: Dialect): Value => (d === 'mysql' ? Number(v) : v);

function binary(op: string, l: Expr, r: Expr, s: Scope, pos: number): Value {
  const d = s.facts.dialect;
  if (op === 'AND' || op === 'OR') {
    const a = truthy(evaluate(l, s));
    const b = truthy(evaluate(r, s));
    if (op === 'AND')
      return a === false || b === false ? bool(false, d) : a === null || b === null ? null : bool(true, d);
    return a === true || b === true ? bool(true, d) : a === null || b === null ? null : bool(false, d);
  }
  const a = evaluate(l, s);
  const b = evaluate(r, s);
  if (['+', '-', '*', '/', '%'].includes(op)) return arith(op, a, b, d, pos);
  const c = compare(a, b, d);
  if (c === null) return null;
  const ok = { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op];
  return bool(Boolean(ok), d);
}

function aggregate(e: Expr & { kind: 'call' }, s: Scope): Value {
  const rows = s.group ?? (s.row ? [s.row] : []);
  if (e.star) return rows.length;
  let values = rows
    .map((row) => evaluate(e.args[0]!, { ...s, row, group: undefined }))
    .filter((v) => v !== null);
  if (e.distinct)
    values = values.filter((v, i) => values.findIndex((w) => compare(v, w, s.facts.dialect) === 0) === i);
  if (e.name === 'COUNT') return values.length;
  if (values.length === 0) return null;
  if (e.name === 'MIN' || e.name === 'MAX') {
    const sign = e.name === 'MIN' ? 1 : -1;
    return values.reduce((m, v) => ((compare(v, m, s.facts.dialect) ?? 0) * sign < 0 ? v : m));
  }
  const total = values.reduce<number>((t, v) => t + Number(v), 0);
  if (e.name === 'SUM') return total;
  const avg = total / values.length;
  // MySQL gives an average 4 more decimals; PostgreSQL's numeric division gives 16 or more.
  return s.facts.dialect === 'mysql' ? avg.toFixed(4) : avg.toFixed(16);
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function timestamp(ms: number): string {
  const t = new Date(ms);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

function call(e: Expr & { kind: 'call' }, s: Scope): Value {
  const f = s.facts;
  if (AGGREGATES.has(e.name)) return aggregate(e, s);
  const args = e.args.map((a) => evaluate(a, s));
  const str = (i: number) => (args[i] === null || args[i] === undefined ? null : String(args[i]));
  switch (e.name) {
    case 'VERSION':
      return f.version;
    case 'NOW':
    case 'CURRENT_TIMESTAMP':
      return f.dialect === 'mysql'
        ? timestamp(f.now)
        : `${timestamp(f.now)}.${pad((f.now % 1000) * 1000, 6)}+00`;
    case 'CURRENT_DATE':
    case 'CURDATE':
      return timestamp(f.now).slice(0, 10);
    case 'DATABASE':
    case 'SCHEMA':
    case 'CURRENT_DATABASE':
      return f.db ?? null;
    case 'USER':
    case 'CURRENT_USER':
    case 'SESSION_USER':
    case 'SYSTEM_USER':
      return f.dialect === 'mysql' ? `${f.user}@${f.host}` : f.user;
    case 'UPPER':
    case 'UCASE':
      return str(0)?.toUpperCase() ?? null;
    case 'LOWER':
    case 'LCASE':
      return str(0)?.toLowerCase() ?? null;
    case 'LENGTH':
    case 'CHAR_LENGTH':
      return str(0) === null ? null : str(0)!.length;
    case 'CONCAT':
      return args.some((a) => a === null) ? null : args.map((a) => String(a)).join('');
    case 'COALESCE':
    case 'IFNULL':
      return args.find((a) => a !== null) ?? null;
    case 'ABS':
      return args[0] === null ? null : Math.abs(Number(args[0]));
    case 'ROUND':
      return args[0] === null ? null : Number(Number(args[0]).toFixed(Number(args[1] ?? 0)));
  }
  throw new SqlError('unknown-function', { value: e.name.toLowerCase(), db: f.db ?? '' }, e.pos);
}
