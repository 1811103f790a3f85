import type { ColumnDef, Expr, OrderItem, SelectItem, Statement } from './ast.js';
import { Cursor } from './cursor.js';
import type { Dialect } from './lexer.js';
import { expr, sqlType } from './parse-expr.js';

/** Parses one statement (without the client's `;`); throws SqlSyntaxError only. */
export function parse(sql: string, dialect: Dialect): Statement {
  const c = new Cursor(sql, dialect);
  const stmt = statement(c);
  c.end();
  return stmt;
}

function statement(c: Cursor): Statement {
  const t = c.peek();
  if (t.kind !== 'word') return c.fail();
  switch (t.value) {
    case 'SELECT':
      return select(c);
    case 'INSERT':
      return insert(c);
    case 'UPDATE':
      return update(c);
    case 'DELETE':
      return del(c);
    case 'CREATE':
      return create(c);
    case 'DROP':
      return drop(c);
    case 'TRUNCATE': {
      c.next();
      c.acceptWord('TABLE');
      const pos = c.peek().pos;
      return { kind: 'truncate', table: c.tableName(), pos };
    }
    case 'BEGIN':
    case 'START':
    case 'COMMIT':
    case 'ROLLBACK':
      c.next();
      if (t.value === 'START') c.word('TRANSACTION');
      else c.acceptWord('WORK', 'TRANSACTION');
      return { kind: 'transaction', word: t.value };
  }
  if (c.dialect === 'mysql') {
    if (t.value === 'USE') {
      c.next();
      return { kind: 'use', name: c.name() };
    }
    if (t.value === 'SHOW') {
      c.next();
      if (c.acceptWord('DATABASES', 'SCHEMAS')) return { kind: 'show-databases' };
      c.acceptWord('FULL');
      c.word('TABLES');
      return { kind: 'show-tables' };
    }
    if (t.value === 'DESCRIBE' || t.value === 'DESC' || t.value === 'EXPLAIN') {
      c.next();
      const pos = c.peek().pos;
      return { kind: 'describe', table: c.tableName(), pos };
    }
  }
  return c.fail();
}

function ifExists(c: Cursor, not: boolean): boolean {
  if (!c.isWord('IF')) return false;
  c.next();
  if (not) c.word('NOT');
  c.word('EXISTS');
  return true;
}

function create(c: Cursor): Statement {
  c.word('CREATE');
  if (c.acceptWord('DATABASE') || (c.dialect === 'mysql' && c.acceptWord('SCHEMA'))) {
    const ifNotExists = ifExists(c, true);
    return { kind: 'create-database', name: c.name(), ifNotExists };
  }
  c.word('TABLE');
  const ifNotExists = ifExists(c, true);
  const name = c.tableName();
  c.op('(');
  const columns: ColumnDef[] = [];
  do {
    if (c.isWord('PRIMARY')) {
      c.next();
      c.word('KEY');
      c.op('(');
      const keys = [c.name()];
      while (c.acceptOp(',')) keys.push(c.name());
      c.op(')');
      for (const key of keys) {
        const col = columns.find((d) => d.name.toLowerCase() === key.toLowerCase());
        if (!col) return c.fail();
        col.primaryKey = true;
        col.notNull = true;
      }
    } else columns.push(column(c));
  } while (c.acceptOp(','));
  c.op(')');
  while (c.acceptWord('ENGINE', 'CHARSET', 'COLLATE') || c.acceptWord('DEFAULT')) {
    c.acceptWord('CHARSET');
    c.acceptOp('=');
    c.next();
  }
  return { kind: 'create-table', name, ifNotExists, columns };
}

function column(c: Cursor): ColumnDef {
  const name = c.name();
  const type = sqlType(c);
  const def: ColumnDef = {
    name,
    type: { base: type.base, ...(type.length !== undefined ? { length: type.length } : {}) },
    notNull: Boolean(type.serial),
    primaryKey: false,
    unique: false,
    autoIncrement: Boolean(type.serial),
  };
  if (type.scale !== undefined) def.type.scale = type.scale;
  for (;;) {
    if (c.acceptWord('PRIMARY')) {
      c.word('KEY');
      def.primaryKey = true;
      def.notNull = true;
    } else if (c.acceptWord('NOT')) {
      c.word('NULL');
      def.notNull = true;
    } else if (c.acceptWord('NULL')) def.notNull = false;
    else if (c.acceptWord('UNIQUE')) {
      c.acceptWord('KEY');
      def.unique = true;
    } else if (c.dialect === 'mysql' && c.acceptWord('AUTO_INCREMENT')) {
      def.autoIncrement = true;
      def.notNull = true;
    } else if (c.acceptWord('DEFAULT')) def.default = expr(c);
    else return def;
  }
}

function drop(c: Cursor): Statement {
  c.word('DROP');
  if (c.acceptWord('DATABASE') || (c.dialect === 'mysql' && c.acceptWord('SCHEMA'))) {
    const ifExistsFlag = ifExists(c, false);
    return { kind: 'drop-database', name: c.name(), ifExists: ifExistsFlag };
  }
  c.word('TABLE');
  const exists = ifExists(c, false);
  const names: { name: string; pos: number }[] = [];
  do {
    const pos = c.peek().pos;
    names.push({ name: c.tableName(), pos });
  } while (c.acceptOp(','));
  return { kind: 'drop-table', names, ifExists: exists };
}

function insert(c: Cursor): Statement {
  c.word('INSERT');
  c.word('INTO');
  const pos = c.peek().pos;
  const table = c.tableName();
  let columns: string[] | undefined;
  if (c.acceptOp('(')) {
    columns = [c.name()];
    while (c.acceptOp(',')) columns.push(c.name());
    c.op(')');
  }
  if (!c.acceptWord('VALUES')) c.word(c.dialect === 'mysql' ? 'VALUE' : 'VALUES');
  const rows: Expr[][] = [];
  do {
    c.op('(');
    const row: Expr[] = [];
    if (!c.isOp(')')) {
      do row.push(c.isWord('DEFAULT') ? defaultMark(c) : expr(c));
      while (c.acceptOp(','));
    }
    c.op(')');
    rows.push(row);
  } while (c.acceptOp(','));
  return { kind: 'insert', table, pos, ...(columns ? { columns } : {}), rows };
}

/** `DEFAULT` in a VALUES list: a call the executor reads as "the column's default". */
function defaultMark(c: Cursor): Expr {
  const pos = c.next().pos;
  return { kind: 'call', name: 'DEFAULT', args: [], star: false, distinct: false, pos };
}

function select(c: Cursor): Statement {
  c.word('SELECT');
  const items: SelectItem[] = [];
  do {
    const start = c.peek().pos;
    const e = expr(c);
    const text = c.sql.slice(start, c.peek().pos).trimEnd();
    let alias: string | undefined;
    if (e.kind === 'star') {
      // `*` takes no alias
    } else if (c.acceptWord('AS')) alias = c.peek().kind === 'string' ? c.next().value : c.name();
    else if (c.peek().kind === 'name' || (c.peek().kind === 'word' && !isClause(c))) alias = c.name();
    items.push({ expr: e, text, ...(alias !== undefined ? { alias } : {}) });
  } while (c.acceptOp(','));
  const out: Statement = { kind: 'select', items, groupBy: [], orderBy: [] };
  if (c.acceptWord('FROM')) {
    const pos = c.peek().pos;
    out.from = { name: c.tableName(), pos };
  }
  if (c.acceptWord('WHERE')) out.where = expr(c);
  if (c.acceptWord('GROUP')) {
    c.word('BY');
    do out.groupBy.push(expr(c));
    while (c.acceptOp(','));
  }
  if (c.acceptWord('ORDER')) {
    c.word('BY');
    const order: OrderItem[] = [];
    do {
      const e = expr(c);
      const desc = c.acceptWord('DESC');
      if (!desc) c.acceptWord('ASC');
      order.push({ expr: e, desc });
    } while (c.acceptOp(','));
    out.orderBy = order;
  }
  if (c.acceptWord('LIMIT')) {
    const first = c.integer();
    if (c.dialect === 'mysql' && c.acceptOp(',')) {
      out.offset = first;
      out.limit = c.integer();
    } else out.limit = first;
  }
  if (c.acceptWord('OFFSET')) out.offset = c.integer();
  return out;
}

function isClause(c: Cursor): boolean {
  return c.isWord('FROM', 'WHERE', 'GROUP', 'ORDER', 'LIMIT', 'OFFSET', 'HAVING', 'UNION');
}

function update(c: Cursor): Statement {
  c.word('UPDATE');
  const pos = c.peek().pos;
  const table = c.tableName();
  c.word('SET');
  const sets: { column: string; expr: Expr }[] = [];
  do {
    const column = c.name();
    c.op('=');
    sets.push({ column, expr: expr(c) });
  } while (c.acceptOp(','));
  const where = c.acceptWord('WHERE') ? expr(c) : undefined;
  return { kind: 'update', table, pos, sets, ...(where ? { where } : {}) };
}

function del(c: Cursor): Statement {
  c.word('DELETE');
  c.word('FROM');
  const pos = c.peek().pos;
  const table = c.tableName();
  const where = c.acceptWord('WHERE') ? expr(c) : undefined;
  return { kind: 'delete', table, pos, ...(where ? { where } : {}) };
}
