import type { ColumnDef, SqlType, Value } from './ast.js';
import { SqlError } from './errors.js';
import type { Dialect } from './lexer.js';

const INTEGERS = new Set(['int', 'bigint', 'smallint', 'tinyint']);
const NUMERIC = new Set([...INTEGERS, 'decimal', 'float', 'double']);

export const isNumericType = (t: SqlType) => NUMERIC.has(t.base);

/** MySQL's and PostgreSQL's name of a column type (`int` and `integer`, `varchar(20)`...). */
export function typeName(t: SqlType, dialect: Dialect): string {
  const len = t.length !== undefined ? `(${t.length}${t.scale !== undefined ? `,${t.scale}` : ''})` : '';
  if (dialect === 'mysql') {
    if (t.base === 'boolean') return 'tinyint(1)';
    if (t.base === 'timestamptz') return 'timestamp';
    if (INTEGERS.has(t.base)) return t.base === 'tinyint' && t.length === 1 ? 'tinyint(1)' : t.base;
    if (t.base === 'decimal') return `decimal${len || '(10,0)'}`;
    return `${t.base}${len}`;
  }
  const pg: Record<string, string> = {
    int: 'integer',
    tinyint: 'smallint',
    float: 'real',
    double: 'double precision',
    decimal: 'numeric',
    varchar: 'character varying',
    char: 'character',
    datetime: 'timestamp without time zone',
    timestamp: 'timestamp without time zone',
    timestamptz: 'timestamp with time zone',
  };
  return `${pg[t.base] ?? t.base}${t.base === 'char' && !len ? '(1)' : len}`;
}

const PG_INPUT: Record<string, string> = {
  int: 'integer',
  bigint: 'bigint',
  smallint: 'smallint',
  tinyint: 'smallint',
  decimal: 'numeric',
  float: 'real',
  double: 'double precision',
  boolean: 'boolean',
};

/**
 * A value stored into a column: numbers from numeric strings, lengths checked. `row` is the
 * 1-based row of the statement (MySQL names it in its errors).
 */
export function coerce(v: Value, col: ColumnDef, dialect: Dialect, row: number): Value {
  if (v === null) return null;
  const t = col.type;
  const bad = () =>
    new SqlError('bad-value', {
      value: String(v),
      column: col.name,
      row,
      type: dialect === 'mysql' ? (INTEGERS.has(t.base) ? 'integer' : t.base) : (PG_INPUT[t.base] ?? t.base),
    });
  if (t.base === 'boolean') {
    if (dialect === 'mysql')
      return typeof v === 'boolean'
        ? Number(v)
        : coerce(v, { ...col, type: { base: 'tinyint' } }, dialect, row);
    if (typeof v === 'boolean') return v;
    const s = String(v).trim().toLowerCase();
    if (['t', 'true', 'yes', 'on', '1', 'y'].includes(s)) return true;
    if (['f', 'false', 'no', 'off', '0', 'n'].includes(s)) return false;
    throw bad();
  }
  if (NUMERIC.has(t.base)) {
    const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number(String(v).trim());
    if (typeof v === 'string' && (String(v).trim() === '' || Number.isNaN(n))) throw bad();
    if (INTEGERS.has(t.base)) return Math.round(n);
    if (t.base === 'decimal') return Number(n.toFixed(t.scale ?? 0));
    return n;
  }
  const s =
    typeof v === 'boolean'
      ? dialect === 'postgres'
        ? v
          ? 'true'
          : 'false'
        : String(Number(v))
      : String(v);
  if ((t.base === 'varchar' || t.base === 'char') && t.length !== undefined && s.length > t.length)
    throw new SqlError('too-long', { column: col.name, row, type: typeName(t, dialect) });
  return s;
}

/** A value as the client prints it (null stays null: each client has its own word for it). */
export function show(v: Value, t: SqlType | undefined, dialect: Dialect): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return dialect === 'postgres' ? (v ? 't' : 'f') : String(Number(v));
  if (typeof v === 'number') {
    if (t?.base === 'decimal' && t.scale !== undefined) return v.toFixed(t.scale);
    if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
    return String(Number(v.toPrecision(15)));
  }
  return v;
}

/** MySQL compares strings without regard to case (its default collation); PostgreSQL does not. */
export function compare(a: Value, b: Value, dialect: Dialect): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    const nx = Number.isNaN(x) ? 0 : x;
    const ny = Number.isNaN(y) ? 0 : y;
    return nx < ny ? -1 : nx > ny ? 1 : 0;
  }
  const x = dialect === 'mysql' ? a.toLowerCase() : a;
  const y = dialect === 'mysql' ? b.toLowerCase() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** SQL LIKE: `%` any run, `_` one character, backslash escapes. */
export function like(value: string, pattern: string, dialect: Dialect): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, dialect === 'mysql' ? 'i' : '').test(value);
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Truth of a condition: NULL and false both leave a row out. */
export function truthy(v: Value): boolean | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const n = Number(v);
  return Number.isNaN(n) ? false : n !== 0;
}
