import { finished } from '../run.js';
import { readText } from '../system/common/host.js';
import type { NetPeer, ProcessContext, ProgramRun } from '../types.js';
import { resolveHost } from './lookup.js';

/** psql's connection options (`-h`, `-p`, `-U`, `-d`, `-c`, `-t`, `-A`) and their PG* defaults. */
export interface PsqlArgs {
  host?: string;
  port: number;
  user: string;
  db: string;
  command?: string;
  tuplesOnly: boolean;
  unaligned: boolean;
}

export function psqlArgs(ctx: ProcessContext): PsqlArgs {
  const a = ctx.argv.slice(1);
  const opts: Record<string, string> = {};
  const operands: string[] = [];
  const flags = new Set<string>();
  const long: Record<string, string> = { host: 'h', port: 'p', username: 'U', dbname: 'd', command: 'c' };
  for (let i = 0; i < a.length; i++) {
    const arg = a[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (m && long[m[1]!]) opts[long[m[1]!]!] = m[2] ?? a[++i] ?? '';
    else if (/^-[hpUdc]$/.test(arg)) opts[arg[1]!] = a[++i] ?? '';
    else if (/^-[hpUdc]./.test(arg)) opts[arg[1]!] = arg.slice(2);
    else if (/^-[tAqX]+$/.test(arg)) for (const c of arg.slice(1)) flags.add(c);
    else if (!arg.startsWith('-')) operands.push(arg);
  }
  const user = opts.U ?? operands[1] ?? ctx.env.PGUSER ?? ctx.user;
  return {
    host: opts.h ?? ctx.env.PGHOST,
    port: Number(opts.p ?? ctx.env.PGPORT ?? 5432) || 5432,
    user,
    db: opts.d ?? operands[0] ?? ctx.env.PGDATABASE ?? user,
    ...(opts.c !== undefined ? { command: opts.c } : {}),
    tuplesOnly: flags.has('t'),
    unaligned: flags.has('A'),
  };
}

const fail = (text: string) => finished('', `psql: error: ${text}\n`, 2);

/** The first `host` line of the server's pg_hba.conf that applies to a remote client. */
function hostMethod(peer: NetPeer): string {
  const pgdata = peer.env.PGDATA || '/var/lib/postgresql/data';
  const hba = readText(peer.fs(), `${pgdata}/pg_hba.conf`) ?? '';
  for (const line of hba.split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f[0] === 'host' && f[3] === 'all') return f[4] ?? 'trust';
  }
  return 'scram-sha-256';
}

/**
 * psql over TCP (`-h db`): the name resolved on the container's network, a postgres listening
 * there, its pg_hba.conf's method for remote logins (the image asks for a password), then the
 * role and database. Returns the error run, or undefined when the session may proceed.
 */
export function connectRemote(ctx: ProcessContext, o: PsqlArgs): ProgramRun | undefined {
  const host = o.host!;
  const found = resolveHost(ctx, host);
  if (!found || !ctx.net)
    return fail(`could not translate host name "${host}" to address: Name or service not known`);
  const at = `connection to server at "${host}" (${found.ip}), port ${o.port} failed`;
  const peer = ctx.net.connect(found.ip, o.port, 'tcp');
  const hint = '\n\tIs the server running on that host and accepting TCP/IP connections?';
  if (peer === 'refused') return fail(`${at}: Connection refused${hint}`);
  if (peer === 'unreachable')
    return finished('', `psql: error: ${at}: Connection timed out${hint}\n`, 2, 130_000);
  if (peer === 'reset' || peer.program !== 'postgres')
    return fail(
      `${at}: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.`,
    );
  const method = hostMethod(peer);
  if (method !== 'trust') {
    const password = ctx.env.PGPASSWORD;
    if (password === undefined) return fail(`${at}: fe_sendauth: no password supplied`);
    if (password !== (peer.env.POSTGRES_PASSWORD ?? ''))
      return fail(`${at}: FATAL:  password authentication failed for user "${o.user}"`);
  }
  const owner = peer.env.POSTGRES_USER || 'postgres';
  if (o.user !== owner) return fail(`${at}: FATAL:  role "${o.user}" does not exist`);
  const dbs = ['postgres', 'template1', peer.env.POSTGRES_DB || owner];
  if (!dbs.includes(o.db)) return fail(`${at}: FATAL:  database "${o.db}" does not exist`);
  return undefined;
}

type Cell = { text: string; number: boolean };

function evaluate(expr: string, o: PsqlArgs, version: string): { name: string; cell: Cell } | undefined {
  const e = expr.trim();
  const alias = /^(.*?)\s+as\s+"?([A-Za-z_][\w]*)"?$/i.exec(e);
  if (alias) {
    const inner = evaluate(alias[1]!, o, version);
    return inner && { name: alias[2]!.toLowerCase(), cell: inner.cell };
  }
  if (/^-?\d+(\.\d+)?$/.test(e)) return { name: '?column?', cell: { text: e, number: true } };
  const str = /^'((?:[^']|'')*)'$/.exec(e);
  if (str) return { name: '?column?', cell: { text: str[1]!.replaceAll("''", "'"), number: false } };
  const fn = e.toLowerCase().replace(/\s+/g, '');
  if (fn === 'version()') return { name: 'version', cell: { text: version, number: false } };
  if (fn === 'current_user' || fn === 'user') return { name: fn, cell: { text: o.user, number: false } };
  if (fn === 'current_database()') return { name: 'current_database', cell: { text: o.db, number: false } };
  return undefined;
}

/** psql's aligned table: centred headers, numbers to the right, `(1 row)` and a blank line. */
function table(names: string[], cells: Cell[], o: PsqlArgs): string {
  if (o.unaligned) {
    const row = cells.map((c) => c.text).join('|');
    return o.tuplesOnly ? `${row}\n` : `${names.join('|')}\n${row}\n(1 row)\n`;
  }
  const widths = names.map((n, i) => Math.max(n.length, cells[i]!.text.length));
  const center = (n: string, w: number) => {
    const left = Math.floor((w - n.length) / 2);
    return `${' '.repeat(left)}${n}${' '.repeat(w - n.length - left)}`;
  };
  const value = cells
    .map((c, i) => {
      const last = i === cells.length - 1;
      const text = c.number ? c.text.padStart(widths[i]!) : last ? c.text : c.text.padEnd(widths[i]!);
      return ` ${text}${last ? '' : ' '}`;
    })
    .join('|');
  if (o.tuplesOnly) return `${value}\n\n`;
  const head = names.map((n, i) => ` ${center(n, widths[i]!)} `).join('|');
  const rule = widths.map((w) => '-'.repeat(w + 2)).join('+');
  return `${head}\n${rule}\n${value}\n(1 row)\n\n`;
}

/** `psql -c 'SELECT 1'`: literals, version(), current_user and current_database(). */
export function runQuery(o: PsqlArgs, version: string): ProgramRun | undefined {
  const sql = (o.command ?? '').trim().replace(/;\s*$/, '');
  const m = /^select\s+(.+)$/is.exec(sql);
  if (!m) return undefined;
  const exprs = m[1]!.split(/,(?=(?:[^']*'[^']*')*[^']*$)/);
  const cols = exprs.map((x) => evaluate(x, o, version));
  if (cols.some((c) => !c)) return undefined;
  const ok = cols as { name: string; cell: Cell }[];
  return finished(
    table(
      ok.map((c) => c.name),
      ok.map((c) => c.cell),
      o,
    ),
  );
}
