/** What a parsed statement says, for both dialects. */

/** A stored value: SQL NULL is null, booleans are PostgreSQL's (MySQL stores 1 and 0). */
export type Value = string | number | boolean | null;

export type BaseType =
  | 'int'
  | 'bigint'
  | 'smallint'
  | 'tinyint'
  | 'decimal'
  | 'float'
  | 'double'
  | 'varchar'
  | 'char'
  | 'text'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'timestamp'
  | 'timestamptz';

export interface SqlType {
  base: BaseType;
  /** varchar(20), char(3), decimal(10, 2), tinyint(1). */
  length?: number;
  scale?: number;
}

export interface ColumnDef {
  name: string;
  type: SqlType;
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  /** AUTO_INCREMENT (MySQL) or SERIAL (PostgreSQL). */
  autoIncrement: boolean;
  default?: Expr;
}

export type Expr =
  | { kind: 'lit'; value: Value; pos: number }
  | { kind: 'col'; name: string; table?: string; pos: number }
  | { kind: 'star'; pos: number }
  | { kind: 'bin'; op: string; left: Expr; right: Expr; pos: number }
  | { kind: 'not'; expr: Expr; pos: number }
  | { kind: 'neg'; expr: Expr; pos: number }
  | { kind: 'isnull'; expr: Expr; not: boolean; pos: number }
  | { kind: 'like'; expr: Expr; pattern: Expr; not: boolean; pos: number }
  | { kind: 'in'; expr: Expr; list: Expr[]; not: boolean; pos: number }
  | { kind: 'between'; expr: Expr; low: Expr; high: Expr; not: boolean; pos: number }
  | { kind: 'call'; name: string; args: Expr[]; star: boolean; distinct: boolean; pos: number }
  | { kind: 'cast'; expr: Expr; type: SqlType; pos: number };

export interface SelectItem {
  expr: Expr;
  alias?: string;
  /** The item as typed (MySQL names an unaliased column after it). */
  text: string;
}

export interface OrderItem {
  expr: Expr;
  desc: boolean;
}

export type Statement =
  | { kind: 'create-database'; name: string; ifNotExists: boolean }
  | { kind: 'drop-database'; name: string; ifExists: boolean }
  | { kind: 'use'; name: string }
  | { kind: 'create-table'; name: string; ifNotExists: boolean; columns: ColumnDef[] }
  | { kind: 'drop-table'; names: { name: string; pos: number }[]; ifExists: boolean }
  | { kind: 'truncate'; table: string; pos: number }
  | { kind: 'insert'; table: string; pos: number; columns?: string[]; rows: Expr[][] }
  | {
      kind: 'select';
      items: SelectItem[];
      from?: { name: string; pos: number };
      where?: Expr;
      groupBy: Expr[];
      orderBy: OrderItem[];
      limit?: number;
      offset?: number;
    }
  | { kind: 'update'; table: string; pos: number; sets: { column: string; expr: Expr }[]; where?: Expr }
  | { kind: 'delete'; table: string; pos: number; where?: Expr }
  | { kind: 'show-databases' }
  | { kind: 'show-tables' }
  | { kind: 'describe'; table: string; pos: number }
  | { kind: 'transaction'; word: 'BEGIN' | 'START' | 'COMMIT' | 'ROLLBACK' };
