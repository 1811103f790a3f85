/**
 * What went wrong while running a statement, as data: each client words it as its server does
 * (see mysql-errors.ts and pg-errors.ts). `pos` points into the statement where PostgreSQL
 * puts its caret.
 */
export type SqlErrorKind =
  | 'no-database'
  | 'unknown-database'
  | 'database-exists'
  | 'drop-missing-database'
  | 'unknown-table'
  | 'drop-missing-table'
  | 'table-exists'
  | 'unknown-column'
  | 'column-count'
  | 'duplicate-key'
  | 'not-null'
  | 'no-default'
  | 'bad-value'
  | 'too-long'
  | 'unknown-function'
  | 'no-tables-used'
  | 'division-by-zero'
  | 'grouping'
  | 'database-in-use'
  | 'access-denied-db';

export interface SqlErrorArgs {
  db?: string;
  table?: string;
  column?: string;
  /** `field list`, `where clause`, `order clause`. */
  clause?: string;
  value?: string;
  type?: string;
  row?: number;
  /** The failing row as PostgreSQL shows it (`(1, null)`). */
  tuple?: string;
  user?: string;
  /** More target columns than values (PostgreSQL words the two cases apart). */
  fewer?: boolean;
  /** 1-based position of a SELECT item (MySQL's `expression #1`). */
  index?: number;
  /** The query had a GROUP BY (MySQL words the two cases apart). */
  grouped?: boolean;
}

export class SqlError extends Error {
  constructor(
    readonly kind: SqlErrorKind,
    readonly args: SqlErrorArgs = {},
    readonly pos?: number,
  ) {
    super(kind);
    this.name = 'SqlError';
  }
}
