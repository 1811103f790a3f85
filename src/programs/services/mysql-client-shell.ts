import { mysqlError } from '../sql/messages.js';
import { lineAt, splitStatements } from '../sql/split.js';
import type { MysqlConnection } from './mysql-client-connect.js';
import { formatResult, type MysqlOutput } from './mysql-client-format.js';

export interface ShellStep {
  out: string;
  err: string;
  /** `exit`, `quit`, `\q`. */
  quit?: boolean;
  /** Batch mode stops at the first error (exit status 1). */
  failed?: boolean;
}

const HELP = `
For information about MySQL products and services, visit:
   http://www.mysql.com/
For developer information, including the MySQL Reference Manual, visit:
   http://dev.mysql.com/
To buy MySQL Enterprise support, training, or other products, visit:
   https://shop.mysql.com/

List of all MySQL commands:
Note that all text commands must be first on line and end with ';'
?         (\\?) Synonym for \`help'.
clear     (\\c) Clear the current input statement.
ego       (\\G) Send command to mysql server, display result vertically.
exit      (\\q) Exit mysql. Same as quit.
go        (\\g) Send command to mysql server.
help      (\\h) Display this help.
quit      (\\q) Quit mysql.
status    (\\s) Get status information from the server.
use       (\\u) Use another database. Takes database name as argument.

`;

export const REHASH_NOTE =
  'Reading table information for completion of table and column names\nYou can turn off this feature to get a quicker startup with -A\n\n';

/**
 * The mysql client reading its input line by line, the same for a terminal session and for
 * `-e` or piped statements: client commands first on a line (`use`, `exit`, `\c`), otherwise
 * text collected until `;`, `\g` or `\G`, then sent.
 */
export class MysqlShell {
  private buffer = '';
  private bufferLine = 1;
  private lineNo = 0;

  constructor(
    private readonly conn: MysqlConnection,
    private readonly output: MysqlOutput,
    private readonly rehash: boolean,
  ) {}

  prompt(): string {
    if (!this.buffer.trim()) return 'mysql> ';
    const open = splitStatements(this.buffer, 'mysql').open;
    return open === "'" || open === '"' || open === '`' ? `    ${open}> ` : '    -> ';
  }

  line(text: string): ShellStep {
    this.lineNo++;
    const interactive = this.output.interactive;
    if (!this.buffer.trim()) {
      const t = text.trim();
      if (/^(exit|quit)\s*;?$/i.test(t) || /^\\q/.test(t))
        return { out: interactive ? 'Bye\n' : '', err: '', quit: true };
      if (/^(help|\\h|\\\?|\?)\s*;?$/i.test(t)) return { out: HELP, err: '' };
      const use = /^(?:use|\\u)\s+`?([^`;\s]+)`?\s*;?$/i.exec(t);
      if (use) return this.use(use[1]!);
      if (!t) return { out: '', err: '' };
      this.bufferLine = this.lineNo;
    }
    if (/\\c\s*$/.test(text)) {
      this.buffer = '';
      return { out: '', err: '' };
    }
    this.buffer += `${text}\n`;
    const { pieces, rest } = splitStatements(this.buffer, 'mysql');
    let out = '';
    let err = '';
    for (const p of pieces) {
      const line = this.bufferLine + lineAt(this.buffer, p.offset) - 1;
      const step = this.send(p.sql, p.vertical, line);
      out += step.out;
      err += step.err;
      if (step.failed) {
        this.buffer = '';
        return { out, err, failed: true };
      }
    }
    if (pieces.length) {
      this.buffer = rest;
      this.bufferLine = this.lineNo;
    }
    return { out, err };
  }

  private use(db: string): ShellStep {
    return this.send(`USE \`${db}\``, false, this.lineNo);
  }

  private send(sql: string, vertical: boolean, line: number): ShellStep {
    const s = this.conn.session;
    try {
      const r = s.run(sql);
      let out = formatResult(r, this.output, vertical);
      if (r.kind === 'use' && this.output.interactive && this.rehash && s.catalog.tables(r.db).length)
        out = REHASH_NOTE + out;
      return { out, err: '' };
    } catch (e) {
      const m = mysqlError(e, sql);
      if (this.output.interactive) return { out: `ERROR ${m.code} (${m.state}): ${m.message}\n`, err: '' };
      return { out: '', err: `ERROR ${m.code} (${m.state}) at line ${line}: ${m.message}\n`, failed: true };
    }
  }

  /** End of input: an unfinished statement is still sent (batch mode). */
  finish(): ShellStep {
    if (!this.buffer.trim() || this.output.interactive) return { out: '', err: '' };
    const sql = this.buffer.trim();
    this.buffer = '';
    return this.send(sql, false, this.bufferLine);
  }
}
