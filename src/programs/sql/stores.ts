import type { FsView } from '../../fs/view.js';
import type { Catalog, TableData } from './catalog.js';

/** The server's user owns what it writes (mysql and postgres are uid 999 in their images). */
export interface Owner {
  uid: number;
  gid: number;
}

function readJson<T>(fs: FsView, path: string): T | undefined {
  try {
    return JSON.parse(fs.readFile(path).toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

function list(fs: FsView, dir: string): string[] {
  try {
    return fs.readdir(dir);
  } catch {
    return [];
  }
}

/** A table file: our own JSON encoding (the real servers write pages of their own formats). */
function writeTable(fs: FsView, path: string, t: TableData, owner: Owner): void {
  fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true, mode: 0o750 });
  fs.writeFile(path, `${JSON.stringify({ format: 'dockersim-table-1', ...t })}\n`, { mode: 0o640, ...owner });
}

const SYSTEM_SCHEMAS = ['information_schema', 'mysql', 'performance_schema', 'sys'];

/**
 * MySQL's data directory: a database is a directory of it (`/var/lib/mysql/shop/`), a table
 * one `.ibd` file in it. information_schema has no directory: the server makes it up.
 */
export class MysqlStore implements Catalog {
  constructor(
    private readonly fs: FsView,
    private readonly datadir: string,
    private readonly owner: Owner,
  ) {}

  databases(): string[] {
    const dirs = list(this.fs, this.datadir).filter(
      (n) => !n.startsWith('#') && this.fs.stat(`${this.datadir}/${n}`)?.type === 'dir',
    );
    return [...new Set(['information_schema', ...dirs])].sort();
  }

  hasDatabase(name: string): boolean {
    return name === 'information_schema' || this.fs.stat(`${this.datadir}/${name}`)?.type === 'dir';
  }

  createDatabase(name: string): void {
    this.fs.mkdir(`${this.datadir}/${name}`, { recursive: true, mode: 0o750 });
    this.fs.chown(`${this.datadir}/${name}`, this.owner.uid, this.owner.gid);
  }

  dropDatabase(name: string): number {
    const n = this.tables(name).length;
    this.fs.remove(`${this.datadir}/${name}`, { recursive: true });
    return n;
  }

  tables(db: string): string[] {
    if (SYSTEM_SCHEMAS.includes(db)) return [];
    return list(this.fs, `${this.datadir}/${db}`)
      .filter((n) => n.endsWith('.ibd'))
      .map((n) => n.slice(0, -4))
      .sort();
  }

  table(db: string, name: string): TableData | undefined {
    const t = readJson<TableData>(this.fs, `${this.datadir}/${db}/${name}.ibd`);
    return t && { name: t.name, columns: t.columns, rows: t.rows, nextId: t.nextId };
  }

  saveTable(db: string, t: TableData): void {
    writeTable(this.fs, `${this.datadir}/${db}/${t.name}.ibd`, t, this.owner);
  }

  dropTable(db: string, name: string): void {
    this.fs.remove(`${this.datadir}/${db}/${name}.ibd`);
  }
}

interface PgDatabase {
  oid: number;
  name: string;
}

/**
 * PostgreSQL's data directory: databases by OID under `base/` (template1 is 1, template0 4,
 * postgres 5, new ones from 16384), their names in `global/1262` (pg_database's file), and a
 * table as a file named by its own number in its database's directory.
 */
export class PgStore implements Catalog {
  constructor(
    private readonly fs: FsView,
    private readonly pgdata: string,
    private readonly owner: Owner,
    /** POSTGRES_DB, which the entrypoint created at initialisation. */
    private readonly initialDb: string,
  ) {}

  private entries(): PgDatabase[] {
    const saved = readJson<PgDatabase[]>(this.fs, `${this.pgdata}/global/1262`);
    if (saved) return saved;
    const base = [
      { oid: 5, name: 'postgres' },
      { oid: 1, name: 'template1' },
      { oid: 4, name: 'template0' },
    ];
    return this.initialDb === 'postgres' ? base : [...base, { oid: 16384, name: this.initialDb }];
  }

  private save(list: PgDatabase[]): void {
    this.fs.mkdir(`${this.pgdata}/global`, { recursive: true, mode: 0o700 });
    this.fs.writeFile(`${this.pgdata}/global/1262`, `${JSON.stringify(list)}\n`, {
      mode: 0o600,
      ...this.owner,
    });
  }

  private dir(db: string): string | undefined {
    const e = this.entries().find((d) => d.name === db);
    return e && `${this.pgdata}/base/${e.oid}`;
  }

  databases(): string[] {
    return this.entries()
      .map((d) => d.name)
      .sort();
  }

  hasDatabase(name: string): boolean {
    return this.entries().some((d) => d.name === name);
  }

  createDatabase(name: string): void {
    const list = this.entries();
    const oid = Math.max(16383, ...list.map((d) => d.oid)) + 1;
    this.save([...list, { oid, name }]);
    this.fs.mkdir(`${this.pgdata}/base/${oid}`, { recursive: true, mode: 0o700 });
  }

  dropDatabase(name: string): number {
    const dir = this.dir(name);
    const n = this.tables(name).length;
    if (dir && this.fs.stat(dir)) this.fs.remove(dir, { recursive: true });
    this.save(this.entries().filter((d) => d.name !== name));
    return n;
  }

  private files(db: string): { path: string; table: TableData }[] {
    const dir = this.dir(db);
    if (!dir) return [];
    return list(this.fs, dir)
      .filter((n) => /^\d+$/.test(n))
      .map((n) => ({ path: `${dir}/${n}`, table: readJson<TableData>(this.fs, `${dir}/${n}`) }))
      .filter((f): f is { path: string; table: TableData } => f.table !== undefined);
  }

  tables(db: string): string[] {
    return this.files(db)
      .map((f) => f.table.name)
      .sort();
  }

  table(db: string, name: string): TableData | undefined {
    const t = this.files(db).find((f) => f.table.name === name)?.table;
    return t && { name: t.name, columns: t.columns, rows: t.rows, nextId: t.nextId };
  }

  saveTable(db: string, t: TableData): void {
    const dir = this.dir(db);
    if (!dir) return;
    const files = this.files(db);
    const existing = files.find((f) => f.table.name === t.name)?.path;
    const next =
      Math.max(
        16384,
        ...list(this.fs, dir)
          .filter((n) => /^\d+$/.test(n))
          .map(Number),
      ) + 1;
    writeTable(this.fs, existing ?? `${dir}/${next}`, t, this.owner);
  }

  dropTable(db: string, name: string): void {
    const f = this.files(db).find((x) => x.table.name === name);
    if (f) this.fs.remove(f.path);
  }
}
