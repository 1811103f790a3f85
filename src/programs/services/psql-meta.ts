import type { PgConnection } from '../net/pg.js';
import type { ColumnDef } from '../sql/ast.js';
import type { TableData } from '../sql/catalog.js';
import type { Rows } from '../sql/exec.js';
import { typeName } from '../sql/values.js';
import { alignedTable, type PsqlPrint, psqlRows } from './psql-format.js';

const text = (names: string[], rows: (string | null)[][]): Rows => ({
  kind: 'rows',
  columns: names.map((name) => ({ name, numeric: false })),
  rows,
});

/** `\l`: the databases with PostgreSQL 16's columns (the image's locale is en_US.utf8). */
export function listDatabases(conn: PgConnection, o: PsqlPrint): string {
  const owner = conn.link.env.POSTGRES_USER || 'postgres';
  const locale = (conn.link.env.LANG || 'en_US.utf8').replace(/\.UTF-8$/i, '.utf8');
  const rows = conn.store.databases().map((name) => {
    const acl = name.startsWith('template') ? `=c/${owner}\n${owner}=CTc/${owner}` : '';
    return [name, owner, 'UTF8', 'libc', locale, locale, '', '', acl];
  });
  const names = [
    'Name',
    'Owner',
    'Encoding',
    'Locale Provider',
    'Collate',
    'Ctype',
    'ICU Locale',
    'ICU Rules',
    'Access privileges',
  ];
  return psqlRows(text(names, rows), o, 'List of databases');
}

function tablesOf(conn: PgConnection, db: string): TableData[] {
  return conn.store
    .tables(db)
    .map((t) => conn.store.table(db, t))
    .filter((t): t is TableData => t !== undefined);
}

const serialOf = (t: TableData, c: ColumnDef) => `${t.name}_${c.name}_seq`;

/** `\dt` (tables) and `\d` (tables and their sequences). */
export function listRelations(
  conn: PgConnection,
  db: string,
  o: PsqlPrint,
  sequences: boolean,
): { out: string; err: string } {
  const owner = conn.link.env.POSTGRES_USER || 'postgres';
  const rows: string[][] = [];
  for (const t of tablesOf(conn, db)) {
    rows.push(['public', t.name, 'table', owner]);
    if (sequences)
      for (const c of t.columns)
        if (c.autoIncrement) rows.push(['public', serialOf(t, c), 'sequence', owner]);
  }
  if (!rows.length) return { out: '', err: 'Did not find any relations.\n' };
  rows.sort((a, b) => (a[1]! < b[1]! ? -1 : 1));
  return { out: psqlRows(text(['Schema', 'Name', 'Type', 'Owner'], rows), o, 'List of relations'), err: '' };
}

/** `\d NAME`: the columns, their types and defaults, then the indexes. */
export function describeTable(
  conn: PgConnection,
  db: string,
  name: string,
  o: PsqlPrint,
): { out: string; err: string } {
  const t = tablesOf(conn, db).find((x) => x.name === name);
  if (!t) return { out: '', err: `Did not find any relation named "${name}".\n` };
  const rows = t.columns.map((c) => [
    c.name,
    typeName(c.type, 'postgres'),
    '',
    c.notNull ? 'not null' : '',
    c.autoIncrement ? `nextval('${serialOf(t, c)}'::regclass)` : c.default ? defaultText(c) : '',
  ]);
  const table = alignedTable(
    text(['Column', 'Type', 'Collation', 'Nullable', 'Default'], rows),
    { ...o, tuplesOnly: false },
    `Table "public.${t.name}"`,
  );
  // A description ends with its footers instead of a row count.
  let out = table.replace(/\(\d+ rows?\)\n\n$/, '');
  const keys = t.columns.filter((c) => c.primaryKey);
  const uniques = t.columns.filter((c) => c.unique && !c.primaryKey);
  if (keys.length || uniques.length) {
    out += 'Indexes:\n';
    if (keys.length)
      out += `    "${t.name}_pkey" PRIMARY KEY, btree (${keys.map((c) => c.name).join(', ')})\n`;
    for (const c of uniques) out += `    "${t.name}_${c.name}_key" UNIQUE CONSTRAINT, btree (${c.name})\n`;
  }
  return { out: `${out}\n`, err: '' };
}

function defaultText(c: ColumnDef): string {
  const d = c.default;
  if (d?.kind !== 'lit') return '';
  if (typeof d.value === 'string')
    return `'${d.value.replaceAll("'", "''")}'::${typeName(c.type, 'postgres')}`;
  return String(d.value);
}

export const PSQL_HELP = `You are using psql, the command-line interface to PostgreSQL.
Type:  \\copyright for distribution terms
       \\h for help with SQL commands
       \\? for help with psql commands
       \\g or terminate with semicolon to execute query
       \\q to quit
`;
