import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../../../src/programs/sql/catalog.js';
import { type Result, SqlSession } from '../../../src/programs/sql/exec.js';
import type { Dialect } from '../../../src/programs/sql/lexer.js';
import { mysqlError, pgError, pgReport } from '../../../src/programs/sql/messages.js';

function session(dialect: Dialect, db = 'shop'): SqlSession {
  return new SqlSession(new MemoryCatalog([db]), {
    dialect,
    version: dialect === 'mysql' ? '8.0.38' : 'PostgreSQL 16.3',
    now: Date.UTC(2026, 0, 1, 12, 30, 5),
    db,
    user: dialect === 'mysql' ? 'root' : 'postgres',
    host: 'localhost',
  });
}

const rows = (r: Result) => (r.kind === 'rows' ? r.rows : r);
const names = (r: Result) => (r.kind === 'rows' ? r.columns.map((c) => c.name) : r);

function mysqlFails(s: SqlSession, sql: string): string {
  try {
    s.run(sql);
  } catch (e) {
    const m = mysqlError(e, sql);
    return `ERROR ${m.code} (${m.state}): ${m.message}`;
  }
  throw new Error(`no error from ${sql}`);
}

function pgFails(s: SqlSession, sql: string): string {
  try {
    s.run(sql);
  } catch (e) {
    return pgReport(pgError(e), sql);
  }
  throw new Error(`no error from ${sql}`);
}

function shop(dialect: Dialect): SqlSession {
  const s = session(dialect);
  const serial = dialect === 'mysql' ? 'INT PRIMARY KEY AUTO_INCREMENT' : 'SERIAL PRIMARY KEY';
  s.run(`CREATE TABLE items (id ${serial}, name VARCHAR(20) NOT NULL, price DECIMAL(6,2))`);
  s.run("INSERT INTO items (name, price) VALUES ('apple', 1.5), ('pear', 2), ('Kiwi', NULL)");
  return s;
}

describe('the SQL engine (MySQL)', () => {
  it('numbers rows, filters, sorts, limits and aggregates', () => {
    const s = shop('mysql');
    expect(rows(s.run('SELECT * FROM items WHERE id > 1'))).toEqual([
      ['2', 'pear', '2.00'],
      ['3', 'Kiwi', null],
    ]);
    expect(
      rows(s.run("SELECT name FROM items WHERE name LIKE 'K%' OR name = 'APPLE' ORDER BY name")),
    ).toEqual([['apple'], ['Kiwi']]);
    expect(rows(s.run('SELECT name FROM items ORDER BY price DESC LIMIT 1, 1'))).toEqual([['apple']]);
    const agg = s.run('SELECT COUNT(*), SUM(price), MIN(name), MAX(id), AVG(id) FROM items');
    expect(names(agg)).toEqual(['COUNT(*)', 'SUM(price)', 'MIN(name)', 'MAX(id)', 'AVG(id)']);
    expect(rows(agg)).toEqual([['3', '3.5', 'apple', '3', '2.0000']]);
  });

  it('updates and deletes, counting rows matched and changed', () => {
    const s = shop('mysql');
    expect(s.run("UPDATE items SET price = 2 WHERE name <> 'Kiwi'")).toMatchObject({
      affected: 1,
      info: 'Rows matched: 2  Changed: 1  Warnings: 0',
    });
    expect(s.run('DELETE FROM items WHERE price IS NULL')).toMatchObject({ affected: 1 });
    expect(rows(s.run('SELECT COUNT(*) FROM items'))).toEqual([['2']]);
  });

  it('describes a table and lists databases and tables', () => {
    const s = shop('mysql');
    expect(rows(s.run('DESCRIBE items'))).toEqual([
      ['id', 'int', 'NO', 'PRI', null, 'auto_increment'],
      ['name', 'varchar(20)', 'NO', '', null, ''],
      ['price', 'decimal(6,2)', 'YES', '', null, ''],
    ]);
    expect(rows(s.run('SHOW TABLES'))).toEqual([['items']]);
    expect(names(s.run('SHOW TABLES'))).toEqual(['Tables_in_shop']);
  });

  it('answers VERSION(), NOW(), DATABASE() and USER()', () => {
    expect(rows(session('mysql').run('SELECT VERSION(), NOW(), DATABASE(), USER()'))).toEqual([
      ['8.0.38', '2026-01-01 12:30:05', 'shop', 'root@localhost'],
    ]);
  });

  it('words its errors as the server does', () => {
    const s = shop('mysql');
    expect(mysqlFails(s, 'SELECT * FROM nope')).toBe("ERROR 1146 (42S02): Table 'shop.nope' doesn't exist");
    expect(mysqlFails(s, 'USE nope')).toBe("ERROR 1049 (42000): Unknown database 'nope'");
    expect(mysqlFails(s, 'CREATE DATABASE shop')).toBe(
      "ERROR 1007 (HY000): Can't create database 'shop'; database exists",
    );
    expect(mysqlFails(s, 'SELEC 1')).toBe(
      "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC 1' at line 1",
    );
    expect(mysqlFails(s, "INSERT INTO items VALUES (1, 'x', 1)")).toBe(
      "ERROR 1062 (23000): Duplicate entry '1' for key 'items.PRIMARY'",
    );
    expect(mysqlFails(s, 'INSERT INTO items (price) VALUES (1)')).toBe(
      "ERROR 1364 (HY000): Field 'name' doesn't have a default value",
    );
    expect(mysqlFails(s, "INSERT INTO items VALUES (9, 'x')")).toBe(
      "ERROR 1136 (21S01): Column count doesn't match value count at row 1",
    );
    expect(mysqlFails(s, 'SELECT nope FROM items')).toBe(
      "ERROR 1054 (42S22): Unknown column 'nope' in 'field list'",
    );
    expect(mysqlFails(s, "INSERT INTO items (name) VALUES ('aaaaaaaaaaaaaaaaaaaaa')")).toBe(
      "ERROR 1406 (22001): Data too long for column 'name' at row 1",
    );
    expect(mysqlFails(s, "INSERT INTO items (id, name) VALUES ('abc', 'x')")).toBe(
      "ERROR 1366 (HY000): Incorrect integer value: 'abc' for column 'id' at row 1",
    );
    expect(mysqlFails(s, 'SELECT name, COUNT(*) FROM items')).toContain(
      'ERROR 1140 (42000): In aggregated query',
    );
  });

  it('leaves a table as it was when a statement fails half-way', () => {
    const s = shop('mysql');
    mysqlFails(s, "INSERT INTO items (name) VALUES ('a'), (NULL)");
    expect(rows(s.run('SELECT COUNT(*) FROM items'))).toEqual([['3']]);
  });
});

describe('the SQL engine (PostgreSQL)', () => {
  it('reports a missing relation with its line and a caret', () => {
    expect(pgFails(session('postgres'), 'SELECT * FROM nope')).toBe(
      'ERROR:  relation "nope" does not exist\nLINE 1: SELECT * FROM nope\n                      ^\n',
    );
  });

  it('names columns its way and compares strings with case', () => {
    const s = shop('postgres');
    const r = s.run(
      "SELECT count(*), name, 1 + 1, version() AS v FROM items WHERE name = 'kiwi' GROUP BY name",
    );
    expect(names(r)).toEqual(['count', 'name', '?column?', 'v']);
    expect(rows(r)).toEqual([]);
    expect(rows(s.run('SELECT avg(id) FROM items'))).toEqual([['2.0000000000000000']]);
  });

  it('tags the commands and explains constraint violations', () => {
    const s = shop('postgres');
    expect(s.run("INSERT INTO items (name) VALUES ('fig')")).toMatchObject({ tag: 'INSERT 0 1' });
    expect(s.run('UPDATE items SET price = 1')).toMatchObject({ tag: 'UPDATE 4' });
    expect(pgFails(s, "INSERT INTO items (id, name) VALUES (1, 'x')")).toBe(
      'ERROR:  duplicate key value violates unique constraint "items_pkey"\nDETAIL:  Key (id)=(1) already exists.\n',
    );
    expect(pgFails(s, 'INSERT INTO items (name) VALUES (NULL)')).toBe(
      'ERROR:  null value in column "name" of relation "items" violates not-null constraint\nDETAIL:  Failing row contains (5, null, null).\n',
    );
    expect(pgFails(s, 'SELECT * FROM')).toBe(
      'ERROR:  syntax error at end of input\nLINE 1: SELECT * FROM\n                     ^\n',
    );
    expect(pgFails(s, 'SELECT 1/0')).toBe('ERROR:  division by zero\n');
  });
});

describe('qualified table names', () => {
  it('mysql: db.table reads and writes that database, whatever the current one is', () => {
    const s = session('mysql', 'shop');
    s.run('CREATE DATABASE other');
    s.run('CREATE TABLE other.t (id INT)');
    s.run('INSERT INTO other.t VALUES (7)');
    expect(rows(s.run('SELECT * FROM other.t'))).toEqual([['7']]);
    expect(mysqlFails(s, 'SELECT * FROM t')).toBe("ERROR 1146 (42S02): Table 'shop.t' doesn't exist");
    expect(mysqlFails(s, 'SELECT * FROM other.nope')).toBe(
      "ERROR 1146 (42S02): Table 'other.nope' doesn't exist",
    );
    s.run('UPDATE other.t SET id = 8');
    s.run('DELETE FROM other.t WHERE id = 9');
    expect(rows(s.run('SELECT id FROM other.t'))).toEqual([['8']]);
  });

  it('postgres: public.table is the table of the current database', () => {
    const s = session('postgres', 'postgres');
    s.run('CREATE TABLE public.t (id int)');
    s.run('INSERT INTO t VALUES (1)');
    expect(rows(s.run('SELECT * FROM public.t'))).toEqual([['1']]);
  });
});
