import type { ColumnDef, Expr, Statement, Value } from './ast.js';
import type { Catalog, TableData } from './catalog.js';
import { SqlError } from './errors.js';
import { columnIndex, evaluate, type Scope, type SessionFacts } from './eval.js';
import { parse } from './parser.js';
import { type Rows, runSelect } from './select.js';
import { coerce, compare, show, truthy, typeName } from './values.js';

export type { ResultColumn, Rows } from './select.js';

/** A statement that changed something: MySQL's `Query OK` facts and PostgreSQL's command tag. */
export interface Done {
  kind: 'ok';
  affected: number;
  tag: string;
  /** `Records: 2  Duplicates: 0  Warnings: 0` (MySQL, after a multi-row INSERT or an UPDATE). */
  info?: string;
  warnings?: number;
  /** PostgreSQL's NOTICE (`relation "t" already exists, skipping`). */
  notice?: string;
}

export type Result = Rows | Done | { kind: 'use'; db: string };

const done = (tag: string, affected = 0, extra: Partial<Done> = {}): Done => ({
  kind: 'ok',
  affected,
  tag,
  ...extra,
});

/** One client connection: its current database, and the server's catalog behind it. */
export class SqlSession {
  constructor(
    readonly catalog: Catalog,
    readonly facts: SessionFacts,
  ) {}

  /** Parses and runs one statement; throws SqlSyntaxError or SqlError. */
  run(sql: string): Result {
    return this.execute(parse(sql, this.facts.dialect));
  }

  private get mysql(): boolean {
    return this.facts.dialect === 'mysql';
  }

  private db(): string {
    if (!this.facts.db) throw new SqlError('no-database');
    return this.facts.db;
  }

  /** Where a table named in a statement lives: `shop.items` names its database (MySQL) or schema. */
  private locate(name: string): { db: string; name: string } {
    const dot = name.indexOf('.');
    if (dot < 0) return { db: this.db(), name };
    const [space, table] = [name.slice(0, dot), name.slice(dot + 1)];
    return this.mysql ? { db: space, name: table } : { db: this.db(), name: table };
  }

  /** The database each table read by this statement came from (where it is saved back). */
  private readonly homes = new WeakMap<TableData, string>();

  private table(qualified: string, pos: number): TableData {
    const { db, name } = this.locate(qualified);
    if (this.mysql && !this.catalog.hasDatabase(db))
      throw new SqlError('unknown-table', { db, table: name }, pos);
    const t = this.catalog.table(db, name);
    if (!t) throw new SqlError('unknown-table', { db, table: name }, pos);
    this.homes.set(t, db);
    return t;
  }

  private home(t: TableData): string {
    return this.homes.get(t) ?? this.db();
  }

  execute(s: Statement): Result {
    switch (s.kind) {
      case 'create-database':
        if (this.catalog.hasDatabase(s.name)) {
          if (s.ifNotExists) return done('CREATE DATABASE', 1, { warnings: 1 });
          throw new SqlError('database-exists', { db: s.name });
        }
        this.catalog.createDatabase(s.name);
        return done('CREATE DATABASE', 1);
      case 'drop-database': {
        if (!this.catalog.hasDatabase(s.name)) {
          if (s.ifExists)
            return done('DROP DATABASE', 0, {
              warnings: 1,
              notice: `database "${s.name}" does not exist, skipping`,
            });
          throw new SqlError('drop-missing-database', { db: s.name });
        }
        if (!this.mysql && s.name === this.facts.db) throw new SqlError('database-in-use', { db: s.name });
        const n = this.catalog.dropDatabase(s.name);
        if (s.name === this.facts.db) delete this.facts.db;
        return done('DROP DATABASE', n);
      }
      case 'use':
        if (!this.catalog.hasDatabase(s.name)) throw new SqlError('unknown-database', { db: s.name });
        this.facts.db = s.name;
        return { kind: 'use', db: s.name };
      case 'show-databases':
        return rows(
          ['Database'],
          this.catalog.databases().map((d) => [d]),
        );
      case 'show-tables': {
        const db = this.db();
        return rows(
          [`Tables_in_${db}`],
          this.catalog.tables(db).map((t) => [t]),
        );
      }
      case 'describe':
        return this.describe(this.table(s.table, s.pos));
      case 'create-table':
        return this.createTable(s);
      case 'drop-table':
        return this.dropTable(s);
      case 'truncate': {
        const t = this.table(s.table, s.pos);
        this.catalog.saveTable(this.home(t), { ...t, rows: [] });
        return done('TRUNCATE TABLE');
      }
      case 'insert':
        return this.insert(s);
      case 'update':
        return this.update(s);
      case 'delete': {
        const t = this.table(s.table, s.pos);
        const where = s.where;
        const keep = t.rows.filter((row) => !(where ? this.matches(t, row, where) : true));
        this.catalog.saveTable(this.home(t), { ...t, rows: keep });
        const n = t.rows.length - keep.length;
        return done(`DELETE ${n}`, n);
      }
      case 'select': {
        const from = s.from;
        const table = from ? this.table(from.name, from.pos) : undefined;
        return runSelect(s, table, this.facts);
      }
      case 'transaction':
        return done(s.word === 'START' ? 'START TRANSACTION' : s.word);
    }
  }

  private scope(t: TableData, row?: Value[], clause = 'where clause'): Scope {
    return { facts: this.facts, table: t.name, columns: t.columns, clause, ...(row ? { row } : {}) };
  }

  private matches(t: TableData, row: Value[], where: Expr): boolean {
    return truthy(evaluate(where, this.scope(t, row))) === true;
  }

  private createTable(s: Statement & { kind: 'create-table' }): Result {
    const { db, name } = this.locate(s.name);
    if (this.catalog.table(db, name)) {
      if (s.ifNotExists)
        return done('CREATE TABLE', 0, {
          warnings: 1,
          notice: `relation "${name}" already exists, skipping`,
        });
      throw new SqlError('table-exists', { table: name });
    }
    this.catalog.saveTable(db, { name, columns: s.columns, rows: [], nextId: 1 });
    return done('CREATE TABLE');
  }

  private dropTable(s: Statement & { kind: 'drop-table' }): Result {
    const db = this.db();
    const missing = s.names.filter((n) => !this.catalog.table(db, n.name));
    if (missing.length && !s.ifExists) {
      const first = missing[0]!;
      const value = missing.map((m) => `${db}.${m.name}`).join(',');
      throw new SqlError('drop-missing-table', { db, table: first.name, value }, first.pos);
    }
    for (const n of s.names) if (!missing.includes(n)) this.catalog.dropTable(db, n.name);
    const notice = missing.length ? `table "${missing[0]!.name}" does not exist, skipping` : undefined;
    return done('DROP TABLE', 0, { warnings: missing.length, ...(notice ? { notice } : {}) });
  }

  private describe(t: TableData): Rows {
    const data = t.columns.map((c) => [
      c.name,
      typeName(c.type, 'mysql'),
      c.notNull ? 'NO' : 'YES',
      c.primaryKey ? 'PRI' : c.unique ? 'UNI' : '',
      c.default ? show(evaluate(c.default, this.scope(t)), c.type, 'mysql') : null,
      c.autoIncrement ? 'auto_increment' : '',
    ]);
    return rows(['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'], data);
  }

  /** A full row from the values given for some columns: defaults, serial numbers, checks. */
  private complete(t: TableData, given: Map<number, Value>, n: number): Value[] {
    return t.columns.map((col, i) => {
      let v = given.has(i) ? given.get(i)! : col.default ? evaluate(col.default, this.scope(t, [])) : null;
      if (col.autoIncrement && (v === null || (this.mysql && v === 0)) && !(given.has(i) && !this.mysql)) {
        v = t.nextId++;
      } else if (col.autoIncrement && this.mysql && typeof v === 'number' && v >= t.nextId) t.nextId = v + 1;
      if (v === null && col.notNull && !given.has(i) && !col.default && this.mysql)
        throw new SqlError('no-default', { column: col.name, row: n });
      return coerce(v, col, this.facts.dialect, n);
    });
  }

  /** NOT NULL and key constraints of `row` against the other rows of the table. */
  private check(t: TableData, row: Value[], others: Value[][]): void {
    t.columns.forEach((col, i) => {
      if (row[i] === null && col.notNull) {
        const tuple = `(${row.map((v) => show(v, undefined, 'postgres') ?? 'null').join(', ')})`;
        throw new SqlError('not-null', { column: col.name, table: t.name, tuple });
      }
      if (
        (col.primaryKey || col.unique) &&
        others.some((o) => compare(o[i]!, row[i]!, this.facts.dialect) === 0)
      )
        throw new SqlError('duplicate-key', {
          table: t.name,
          column: col.name,
          value: show(row[i]!, col.type, this.facts.dialect) ?? '',
          type: col.primaryKey ? 'PRIMARY' : col.name,
        });
    });
  }

  private insert(s: Statement & { kind: 'insert' }): Result {
    const t = this.table(s.table, s.pos);
    const targets = (s.columns ?? t.columns.map((c) => c.name)).map((name) =>
      columnIndex(this.scope(t, undefined, 'target list'), { name, pos: s.pos }),
    );
    const added: Value[][] = [];
    s.rows.forEach((exprs, r) => {
      if (exprs.length !== targets.length)
        throw new SqlError('column-count', { row: r + 1, fewer: exprs.length < targets.length });
      const given = new Map<number, Value>();
      exprs.forEach((e, j) => {
        if (!(e.kind === 'call' && e.name === 'DEFAULT' && e.args.length === 0))
          given.set(targets[j]!, evaluate(e, this.scope(t, [], 'field list')));
      });
      const row = this.complete(t, given, r + 1);
      this.check(t, row, [...t.rows, ...added]);
      added.push(row);
    });
    this.catalog.saveTable(this.home(t), { ...t, rows: [...t.rows, ...added] });
    const n = added.length;
    const info = n > 1 ? `Records: ${n}  Duplicates: 0  Warnings: 0` : undefined;
    return done(`INSERT 0 ${n}`, n, info ? { info } : {});
  }

  private update(s: Statement & { kind: 'update' }): Result {
    const t = this.table(s.table, s.pos);
    const targets = s.sets.map((set) =>
      columnIndex(this.scope(t, undefined, 'target list'), { name: set.column, pos: s.pos }),
    );
    let matched = 0;
    let changed = 0;
    const next = t.rows.map((row, r) => {
      if (s.where && !this.matches(t, row, s.where)) return row;
      matched++;
      const updated = [...row];
      s.sets.forEach((set, j) => {
        const col: ColumnDef = t.columns[targets[j]!]!;
        updated[targets[j]!] = coerce(
          evaluate(set.expr, this.scope(t, row, 'field list')),
          col,
          this.facts.dialect,
          r + 1,
        );
      });
      if (JSON.stringify(updated) !== JSON.stringify(row)) changed++;
      return updated;
    });
    next.forEach((row, i) => {
      this.check(
        t,
        row,
        next.filter((_, j) => j !== i),
      );
    });
    this.catalog.saveTable(this.home(t), { ...t, rows: next });
    const n = this.mysql ? changed : matched;
    return done(`UPDATE ${matched}`, n, {
      info: `Rows matched: ${matched}  Changed: ${changed}  Warnings: 0`,
    });
  }
}

function rows(names: string[], data: (string | null)[][]): Rows {
  return { kind: 'rows', columns: names.map((name) => ({ name, numeric: false })), rows: data };
}
