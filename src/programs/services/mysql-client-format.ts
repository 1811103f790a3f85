import type { Done, Result, Rows } from '../sql/exec.js';

/** How the client prints results: a table with counts (interactive), tabs (batch), vertical. */
export interface MysqlOutput {
  /** Interactive: `N rows in set (0.00 sec)`, `Query OK, ...`, a blank line after each. */
  interactive: boolean;
  /** Boxes (a terminal, or -t); tabs otherwise. */
  table: boolean;
  vertical: boolean;
  header: boolean;
  /** -r: no escaping of tabs, newlines and backslashes in tab output. */
  raw: boolean;
}

const cell = (v: string | null) => v ?? 'NULL';

/** `+----+-------+` boxes: headers to the left, numbers to the right. */
export function boxTable(r: Rows): string {
  const widths = r.columns.map((c, i) =>
    Math.max(c.name.length, ...r.rows.map((row) => cell(row[i] ?? null).length)),
  );
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const line = (cells: string[], right: boolean[]) =>
    `|${cells.map((c, i) => ` ${right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)} `).join('|')}|\n`;
  const names = r.columns.map((c) => c.name);
  let out =
    rule +
    line(
      names,
      names.map(() => false),
    ) +
    rule;
  for (const row of r.rows)
    out += line(
      row.map(cell),
      r.columns.map((c) => c.numeric),
    );
  return out + rule;
}

function escaped(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\0/g, '\\0');
}

/** Batch output: one line per row, tabs between values, the column names first. */
export function tabTable(r: Rows, header: boolean, raw: boolean): string {
  const v = (x: string | null) => (x === null ? 'NULL' : raw ? x : escaped(x));
  const lines = header ? [r.columns.map((c) => c.name).join('\t')] : [];
  for (const row of r.rows) lines.push(row.map(v).join('\t'));
  return `${lines.join('\n')}\n`;
}

/** `\G`: a banner per row, then `name: value` with the names right-aligned. */
export function verticalTable(r: Rows): string {
  const w = Math.max(...r.columns.map((c) => c.name.length));
  return r.rows
    .map((row, n) => {
      const head = `${'*'.repeat(27)} ${n + 1}. row ${'*'.repeat(27)}\n`;
      return head + r.columns.map((c, i) => `${c.name.padStart(w)}: ${cell(row[i] ?? null)}\n`).join('');
    })
    .join('');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function ok(d: Done): string {
  const warn = d.warnings ? `, ${plural(d.warnings, 'warning')}` : '';
  return `Query OK, ${plural(d.affected, 'row')} affected${warn} (0.01 sec)\n${d.info ? `${d.info}\n` : ''}\n`;
}

/** What the client prints for one statement's result. */
export function formatResult(r: Result, o: MysqlOutput, vertical: boolean): string {
  if (r.kind === 'use') return o.interactive ? 'Database changed\n' : '';
  if (r.kind === 'ok') return o.interactive ? ok(r) : '';
  if (r.rows.length === 0) return o.interactive ? 'Empty set (0.00 sec)\n\n' : '';
  let out: string;
  if (vertical || o.vertical) out = verticalTable(r);
  else if (o.table) out = boxTable(r);
  else out = tabTable(r, o.header, o.raw);
  return o.interactive ? `${out}${plural(r.rows.length, 'row')} in set (0.00 sec)\n\n` : out;
}
