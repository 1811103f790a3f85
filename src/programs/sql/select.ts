import type { ColumnDef, Expr, SelectItem, Statement, Value } from './ast.js';
import type { TableData } from './catalog.js';
import { SqlError } from './errors.js';
import { AGGREGATES, columnIndex, evaluate, hasAggregate, type Scope, type SessionFacts } from './eval.js';
import { compare, isNumericType, show, truthy } from './values.js';

export interface ResultColumn {
  name: string;
  /** Numbers are right-aligned in both clients' tables. */
  numeric: boolean;
}

export interface Rows {
  kind: 'rows';
  columns: ResultColumn[];
  rows: (string | null)[][];
}

type Select = Statement & { kind: 'select' };

/** Items with `*` spelled out as the table's columns. */
function expand(items: SelectItem[], table: TableData | undefined): SelectItem[] {
  return items.flatMap((it) => {
    if (it.expr.kind !== 'star') return [it];
    if (!table) throw new SqlError('no-tables-used', {}, it.expr.pos);
    return table.columns.map((c) => ({
      expr: { kind: 'col' as const, name: c.name, pos: it.expr.pos },
      text: c.name,
    }));
  });
}

/** PostgreSQL's name for an unaliased column: the column, the function, or `?column?`. */
function pgName(e: Expr): string {
  if (e.kind === 'col') return e.name;
  if (e.kind === 'call') return e.name.toLowerCase();
  if (e.kind === 'cast') return e.expr.kind === 'lit' ? pgTypeWord(e) : pgName(e.expr);
  return '?column?';
}

const pgTypeWord = (e: Expr & { kind: 'cast' }) =>
  ({ int: 'int4', bigint: 'int8', varchar: 'varchar', text: 'text', decimal: 'numeric' })[
    e.type.base as string
  ] ?? e.type.base;

function numeric(e: Expr, s: Scope): boolean {
  switch (e.kind) {
    case 'lit':
      return typeof e.value === 'number';
    case 'col': {
      const c = s.columns[columnIndex(s, e)];
      return c ? isNumericType(c.type) : false;
    }
    case 'bin':
      return ['+', '-', '*', '/', '%'].includes(e.op) || s.facts.dialect === 'mysql';
    case 'neg':
      return true;
    case 'call':
      if (['MIN', 'MAX'].includes(e.name)) return !e.star && numeric(e.args[0]!, s);
      return [...AGGREGATES, 'LENGTH', 'CHAR_LENGTH', 'ABS', 'ROUND'].includes(e.name);
    case 'cast':
      return isNumericType(e.type);
    default:
      return s.facts.dialect === 'mysql' && e.kind !== 'star';
  }
}

function typeOf(e: Expr, s: Scope): ColumnDef['type'] | undefined {
  return e.kind === 'col' ? s.columns[columnIndex(s, e)]?.type : undefined;
}

/** Column names of `e` outside aggregates (what GROUP BY must cover). */
function bareColumns(e: Expr, out: (Expr & { kind: 'col' })[] = []): (Expr & { kind: 'col' })[] {
  if (e.kind === 'col') out.push(e);
  else if (e.kind === 'call' && !AGGREGATES.has(e.name)) for (const a of e.args) bareColumns(a, out);
  else if (e.kind === 'bin') bareColumns(e.right, bareColumns(e.left, out));
  else if ('expr' in e) bareColumns(e.expr, out);
  return out;
}

export function runSelect(q: Select, table: TableData | undefined, facts: SessionFacts): Rows {
  const items = expand(q.items, table);
  const base: Scope = { facts, table: table?.name, columns: table?.columns ?? [], clause: 'field list' };
  // Without FROM there is one row to compute the items on.
  const rows = table ? table.rows : [[]];
  const where = q.where;
  const matching = where
    ? rows.filter((row) => truthy(evaluate(where, { ...base, row, clause: 'where clause' })) === true)
    : rows;
  const grouped = q.groupBy.length > 0 || items.some((it) => hasAggregate(it.expr));
  const columns = items.map((it) => ({
    name: it.alias ?? (facts.dialect === 'mysql' ? it.text : pgName(it.expr)),
    numeric: numeric(it.expr, { ...base, row: [] }),
  }));
  let contexts: Scope[];
  if (grouped) {
    const keyCols = new Set(q.groupBy.flatMap((g) => bareColumns(g).map((c) => c.name.toLowerCase())));
    items.forEach((it, i) => {
      for (const c of bareColumns(it.expr))
        if (!keyCols.has(c.name.toLowerCase())) {
          const args = { column: c.name, table: table?.name ?? '', db: facts.db ?? '' };
          throw new SqlError('grouping', { ...args, index: i + 1, grouped: q.groupBy.length > 0 }, c.pos);
        }
    });
    const groups = new Map<string, Value[][]>();
    for (const row of matching) {
      const key = JSON.stringify(q.groupBy.map((g) => evaluate(g, { ...base, row })));
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    if (q.groupBy.length === 0 && groups.size === 0) groups.set('', []);
    contexts = [...groups.values()].map((group) => ({ ...base, row: group[0], group }));
  } else contexts = matching.map((row) => ({ ...base, row }));
  const out = contexts.map((s) => ({
    values: items.map((it) => evaluate(it.expr, s)),
    keys: q.orderBy.map((o) => orderKey(o.expr, q.items, items, s)),
  }));
  if (q.orderBy.length)
    out.sort((a, b) => {
      for (let i = 0; i < q.orderBy.length; i++) {
        const c = compareForSort(a.keys[i]!, b.keys[i]!, facts);
        if (c !== 0) return q.orderBy[i]!.desc ? -c : c;
      }
      return 0;
    });
  const start = q.offset ?? 0;
  const picked = out.slice(start, q.limit !== undefined ? start + q.limit : undefined);
  return {
    kind: 'rows',
    columns,
    rows: picked.map((r) => r.values.map((v, i) => show(v, typeOf(items[i]!.expr, base), facts.dialect))),
  };
}

/** NULLs sort first in MySQL and last in PostgreSQL (ascending). */
function compareForSort(a: Value, b: Value, facts: SessionFacts): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    const nullFirst = facts.dialect === 'mysql' ? -1 : 1;
    return a === null ? nullFirst : -nullFirst;
  }
  return compare(a, b, facts.dialect) ?? 0;
}

/** ORDER BY takes an output column's alias or position, or any expression over the row. */
function orderKey(e: Expr, typed: SelectItem[], items: SelectItem[], s: Scope): Value {
  if (e.kind === 'lit' && typeof e.value === 'number') {
    const it = items[e.value - 1];
    if (!it) throw new SqlError('unknown-column', { column: String(e.value), clause: 'order clause' }, e.pos);
    return evaluate(it.expr, s);
  }
  if (e.kind === 'col' && !e.table) {
    const aliased = typed.find(
      (it) => it.alias !== undefined && it.alias.toLowerCase() === e.name.toLowerCase(),
    );
    if (aliased) return evaluate(aliased.expr, s);
  }
  return evaluate(e, { ...s, clause: 'order clause' });
}
