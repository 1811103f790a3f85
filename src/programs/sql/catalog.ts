import type { ColumnDef, Value } from './ast.js';

/** A table as the servers keep it: its columns, rows in insertion order, the next serial value. */
export interface TableData {
  name: string;
  columns: ColumnDef[];
  rows: Value[][];
  nextId: number;
}

/**
 * Where a server keeps its databases: a directory per database and a file per table in the
 * server's data directory (see mysql-store.ts and pg-store.ts). Names are as the server spells
 * them (case-sensitive).
 */
export interface Catalog {
  /** The databases the server lists, in its order. */
  databases(): string[];
  hasDatabase(name: string): boolean;
  createDatabase(name: string): void;
  /** Drops a database and its tables; returns how many tables went with it. */
  dropDatabase(name: string): number;
  tables(db: string): string[];
  table(db: string, name: string): TableData | undefined;
  saveTable(db: string, table: TableData): void;
  dropTable(db: string, name: string): void;
}

/** A catalog in memory: what `psql -c 'SELECT 1'` needs, and tests. */
export class MemoryCatalog implements Catalog {
  private readonly dbs = new Map<string, Map<string, TableData>>();

  constructor(names: string[] = []) {
    for (const n of names) this.dbs.set(n, new Map());
  }

  databases(): string[] {
    return [...this.dbs.keys()].sort();
  }

  hasDatabase(name: string): boolean {
    return this.dbs.has(name);
  }

  createDatabase(name: string): void {
    this.dbs.set(name, new Map());
  }

  dropDatabase(name: string): number {
    const n = this.dbs.get(name)?.size ?? 0;
    this.dbs.delete(name);
    return n;
  }

  tables(db: string): string[] {
    return [...(this.dbs.get(db)?.keys() ?? [])].sort();
  }

  table(db: string, name: string): TableData | undefined {
    const t = this.dbs.get(db)?.get(name);
    return t && (JSON.parse(JSON.stringify(t)) as TableData);
  }

  saveTable(db: string, table: TableData): void {
    this.dbs.get(db)?.set(table.name, JSON.parse(JSON.stringify(table)) as TableData);
  }

  dropTable(db: string, name: string): void {
    this.dbs.get(db)?.delete(name);
  }
}
