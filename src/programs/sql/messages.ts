import { SqlError } from './errors.js';
import { SqlSyntaxError } from './lexer.js';
import { lineAt } from './split.js';

/** A MySQL server error: its number, SQLSTATE and text (`ERROR 1049 (42000): ...`). */
export interface MysqlError {
  code: number;
  state: string;
  message: string;
}

const SYNTAX =
  'You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near';

/** MySQL's wording of an error in statement `sql`. */
export function mysqlError(e: unknown, sql: string): MysqlError {
  if (e instanceof SqlSyntaxError) {
    // The server quotes the statement from the offending token on, cut to 80 characters.
    const near = sql.slice(e.pos, e.pos + 80);
    return { code: 1064, state: '42000', message: `${SYNTAX} '${near}' at line ${lineAt(sql, e.pos)}` };
  }
  if (!(e instanceof SqlError)) throw e;
  const a = e.args;
  const m = (code: number, state: string, message: string) => ({ code, state, message });
  switch (e.kind) {
    case 'no-database':
      return m(1046, '3D000', 'No database selected');
    case 'unknown-database':
      return m(1049, '42000', `Unknown database '${a.db}'`);
    case 'database-exists':
      return m(1007, 'HY000', `Can't create database '${a.db}'; database exists`);
    case 'drop-missing-database':
      return m(1008, 'HY000', `Can't drop database '${a.db}'; database doesn't exist`);
    case 'unknown-table':
      return m(1146, '42S02', `Table '${a.db}.${a.table}' doesn't exist`);
    case 'drop-missing-table':
      return m(1051, '42S02', `Unknown table '${a.value}'`);
    case 'table-exists':
      return m(1050, '42S01', `Table '${a.table}' already exists`);
    case 'unknown-column': {
      const clause = a.clause === 'target list' ? 'field list' : a.clause;
      return m(1054, '42S22', `Unknown column '${a.column}' in '${clause}'`);
    }
    case 'column-count':
      return m(1136, '21S01', `Column count doesn't match value count at row ${a.row}`);
    case 'duplicate-key':
      return m(1062, '23000', `Duplicate entry '${a.value}' for key '${a.table}.${a.type}'`);
    case 'not-null':
      return m(1048, '23000', `Column '${a.column}' cannot be null`);
    case 'no-default':
      return m(1364, 'HY000', `Field '${a.column}' doesn't have a default value`);
    case 'bad-value':
      return m(
        1366,
        'HY000',
        `Incorrect ${a.type} value: '${a.value}' for column '${a.column}' at row ${a.row}`,
      );
    case 'too-long':
      return m(1406, '22001', `Data too long for column '${a.column}' at row ${a.row}`);
    case 'unknown-function':
      return m(1305, '42000', `FUNCTION ${a.db ? `${a.db}.` : ''}${a.value} does not exist`);
    case 'no-tables-used':
      return m(1096, 'HY000', 'No tables used');
    case 'grouping': {
      const col = `${a.db}.${a.table}.${a.column}`;
      return a.grouped
        ? m(
            1055,
            '42000',
            `Expression #${a.index} of SELECT list is not in GROUP BY clause and contains nonaggregated column '${col}' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by`,
          )
        : m(
            1140,
            '42000',
            `In aggregated query without GROUP BY, expression #${a.index} of SELECT list contains nonaggregated column '${col}'; this is incompatible with sql_mode=only_full_group_by`,
          );
    }
    case 'access-denied-db':
      return m(1044, '42000', `Access denied for user '${a.user}' to database '${a.db}'`);
    default:
      return m(1105, 'HY000', 'Unknown error');
  }
}

/** A PostgreSQL error report: the message, where it points, and its DETAIL or HINT lines. */
export interface PgError {
  message: string;
  pos?: number;
  detail?: string;
  hint?: string;
}

export function pgError(e: unknown): PgError {
  if (e instanceof SqlSyntaxError) {
    if (e.detail) return { message: `${e.detail} at or near "${e.token}"`, pos: e.pos };
    return { message: e.message, pos: e.pos };
  }
  if (!(e instanceof SqlError)) throw e;
  const a = e.args;
  const at = (message: string, extra: Partial<PgError> = {}): PgError => ({
    message,
    ...(e.pos !== undefined ? { pos: e.pos } : {}),
    ...extra,
  });
  switch (e.kind) {
    case 'unknown-database':
    case 'drop-missing-database':
      return { message: `database "${a.db}" does not exist` };
    case 'database-exists':
      return { message: `database "${a.db}" already exists` };
    case 'database-in-use':
      return { message: 'cannot drop the currently open database' };
    case 'unknown-table':
      return at(`relation "${a.table}" does not exist`);
    case 'drop-missing-table':
      return { message: `table "${a.table}" does not exist` };
    case 'table-exists':
      return { message: `relation "${a.table}" already exists` };
    case 'unknown-column':
      return a.clause === 'target list'
        ? at(`column "${a.column}" of relation "${a.table}" does not exist`)
        : at(`column "${a.column}" does not exist`);
    case 'column-count':
      return at(
        `INSERT has more ${a.fewer ? 'target columns than expressions' : 'expressions than target columns'}`,
      );
    case 'duplicate-key': {
      const name = a.type === 'PRIMARY' ? `${a.table}_pkey` : `${a.table}_${a.column}_key`;
      return {
        message: `duplicate key value violates unique constraint "${name}"`,
        detail: `Key (${a.column})=(${a.value}) already exists.`,
      };
    }
    case 'not-null':
    case 'no-default':
      return {
        message: `null value in column "${a.column}" of relation "${a.table}" violates not-null constraint`,
        detail: `Failing row contains ${a.tuple}.`,
      };
    case 'bad-value':
      return { message: `invalid input syntax for type ${a.type}: "${a.value}"` };
    case 'too-long':
      return { message: `value too long for type ${a.type}` };
    case 'unknown-function':
      return at(`function ${a.value}() does not exist`, {
        hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
      });
    case 'no-tables-used':
      return at('SELECT * with no tables specified is not valid');
    case 'division-by-zero':
      return { message: 'division by zero' };
    case 'grouping':
      return at(
        `column "${a.table}.${a.column}" must appear in the GROUP BY clause or be used in an aggregate function`,
      );
    default:
      return { message: e.kind };
  }
}

/** psql's report: `ERROR:  ...`, then the statement's line with a caret under the position. */
export function pgReport(err: PgError, query: string, offset = 0): string {
  let out = `ERROR:  ${err.message}\n`;
  if (err.pos !== undefined) {
    const at = offset + err.pos;
    const lineNo = lineAt(query, at);
    const lineStart = query.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = query.indexOf('\n', at);
    const line = query.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const prefix = `LINE ${lineNo}: `;
    out += `${prefix}${line}\n${' '.repeat(prefix.length + at - lineStart)}^\n`;
  }
  if (err.detail) out += `DETAIL:  ${err.detail}\n`;
  if (err.hint) out += `HINT:  ${err.hint}\n`;
  return out;
}
