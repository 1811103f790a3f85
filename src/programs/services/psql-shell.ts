import { type PgConnection, pgStore } from '../net/pg.js';
import type { SessionFacts } from '../sql/eval.js';
import { type Result, SqlSession } from '../sql/exec.js';
import { SqlSyntaxError } from '../sql/lexer.js';
import { pgError, pgReport } from '../sql/messages.js';
import { splitStatements } from '../sql/split.js';
import { type PsqlPrint, psqlRows } from './psql-format.js';
import { describeTable, listDatabases, listRelations, PSQL_HELP } from './psql-meta.js';

export interface PsqlStep {
  out: string;
  err: string;
  quit?: boolean;
  failed?: boolean;
}

/**
 * psql reading lines: backslash commands at once, SQL collected until `;`, each statement
 * sent on its own. `source` names the input in error reports (`psql:<stdin>:3: ERROR: ...`);
 * undefined on a terminal, where errors come bare.
 */
export class PsqlShell {
  private buffer = '';
  private lineNo = 0;
  readonly session: SqlSession;

  constructor(
    readonly conn: PgConnection,
    facts: SessionFacts,
    private readonly print: PsqlPrint,
    private readonly source?: string,
  ) {
    this.session = new SqlSession(conn.store, facts);
  }

  private get db(): string {
    return this.session.facts.db ?? 'postgres';
  }

  prompt(): string {
    const sign = '#';
    if (!this.buffer.trim()) return `${this.db}=${sign} `;
    const open = splitStatements(this.buffer, 'postgres').open;
    return `${this.db}${open === "'" || open === '"' || open === '(' ? open : '-'}${sign} `;
  }

  line(text: string): PsqlStep {
    this.lineNo++;
    const t = text.trim();
    if (!this.buffer.trim()) {
      if (/^(exit|quit)\s*;?$/.test(t) || /^\\q\b/.test(t)) return { out: '', err: '', quit: true };
      if (t === 'help' && !this.source) return { out: PSQL_HELP, err: '' };
    }
    if (t.startsWith('\\') && !this.buffer.trim()) return this.meta(t);
    this.buffer += `${text}\n`;
    const { pieces, rest } = splitStatements(this.buffer, 'postgres');
    let out = '';
    let err = '';
    for (const p of pieces) {
      const r = this.send(p.sql, true);
      out += r.out;
      err += r.err;
    }
    if (pieces.length) this.buffer = rest;
    return { out, err };
  }

  /** End of input: psql sends what is left in its buffer. */
  finish(): PsqlStep {
    const sql = this.buffer.trim();
    this.buffer = '';
    return sql ? this.send(sql, false) : { out: '', err: '' };
  }

  /**
   * One statement to the server. `whole` is the query text it stands in (with its `;`) and
   * `offset` where the statement starts there: an error's caret points into `whole`.
   */
  private send(sql: string, terminated: boolean, offset = 0, whole = terminated ? `${sql};` : sql): PsqlStep {
    try {
      return { out: this.show(this.session.run(sql)), err: this.notice() };
    } catch (e) {
      // The server sees the `;` too: what ends early ends "at or near" it.
      const early = e instanceof SqlSyntaxError && e.atEnd && terminated;
      const err = early ? new SqlSyntaxError(sql.length, ';', false) : e;
      const where = this.source ? `psql:${this.source}:${this.lineNo}: ` : '';
      return { out: '', err: where + pgReport(pgError(err), whole, offset), failed: true };
    }
  }

  private pendingNotice = '';

  private notice(): string {
    const n = this.pendingNotice;
    this.pendingNotice = '';
    return n;
  }

  private show(r: Result): string {
    if (r.kind === 'rows') return psqlRows(r, this.print);
    if (r.kind === 'use') return '';
    if (r.notice) this.pendingNotice = `NOTICE:  ${r.notice}\n`;
    return this.print.quiet ? '' : `${r.tag}\n`;
  }

  /** `-c`: the whole string is one query (one transaction), every result printed. */
  command(sql: string): PsqlStep {
    if (sql.trim().startsWith('\\')) return this.meta(sql.trim());
    const { pieces, rest, restOffset } = splitStatements(sql, 'postgres');
    const all = [...pieces.map((p) => ({ ...p, terminated: true }))];
    if (rest.trim())
      all.push({
        sql: rest.trim(),
        offset: restOffset + rest.indexOf(rest.trim()),
        vertical: false,
        terminated: false,
      });
    let out = '';
    let err = '';
    for (const p of all) {
      if (all.length > 1 && /^(create|drop)\s+database\b/i.test(p.sql)) {
        const word = p.sql.split(/\s+/).slice(0, 2).join(' ').toUpperCase();
        return { out, err: `${err}ERROR:  ${word} cannot run inside a transaction block\n`, failed: true };
      }
      const r = this.send(p.sql, p.terminated, p.offset, sql);
      out += r.out;
      err += r.err;
      if (r.failed) return { out, err, failed: true };
    }
    return { out, err };
  }

  private meta(text: string): PsqlStep {
    const [cmd, ...args] = text.replace(/;\s*$/, '').split(/\s+/);
    const db = this.db;
    switch (cmd) {
      case '\\l':
      case '\\list':
        return { out: listDatabases(this.conn, this.print), err: '' };
      case '\\dt':
      case '\\dt+':
        return listRelations(this.conn, db, this.print, false);
      case '\\d':
      case '\\d+':
        return args[0]
          ? describeTable(this.conn, db, args[0].toLowerCase(), this.print)
          : listRelations(this.conn, db, this.print, true);
      case '\\c':
      case '\\connect': {
        const target = args[0] ?? db;
        if (!pgStore(this.conn.link).hasDatabase(target))
          return {
            out: '',
            err: `connection to server failed: FATAL:  database "${target}" does not exist\nPrevious connection kept\n`,
          };
        this.session.facts.db = target;
        return {
          out: `You are now connected to database "${target}" as user "${this.session.facts.user}".\n`,
          err: '',
        };
      }
      case '\\conninfo':
        return { out: this.conninfo(), err: '' };
      case '\\q':
        return { out: '', err: '', quit: true };
      case '\\?':
      case '\\h':
        return { out: PSQL_HELP, err: '' };
    }
    return { out: '', err: `invalid command ${cmd}\nTry \\? for help.\n` };
  }

  private conninfo(): string {
    const who = `You are connected to database "${this.db}" as user "${this.session.facts.user}"`;
    if (!this.conn.link.remote) return `${who} via socket in "/var/run/postgresql" at port "5432".\n`;
    return `${who} on host "${this.session.facts.host}" (address "${this.conn.address}") at port "5432".\n`;
  }
}
