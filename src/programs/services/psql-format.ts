import type { Rows } from '../sql/exec.js';

/** psql's printing options: `-t` (tuples only), `-A` (unaligned), `-q` (no command tags). */
export interface PsqlPrint {
  tuplesOnly: boolean;
  unaligned: boolean;
  quiet?: boolean;
}

const center = (text: string, w: number) => {
  const left = Math.floor((w - text.length) / 2);
  return `${' '.repeat(Math.max(0, left))}${text}${' '.repeat(Math.max(0, w - text.length - left))}`;
};

/**
 * The aligned format: centred headers, numbers to the right, the last column unpadded, a
 * cell of several lines continued with `+`; then `(N rows)` and a blank line.
 */
export function alignedTable(r: Rows, o: PsqlPrint, title?: string): string {
  const cells = r.rows.map((row) => row.map((v) => (v ?? '').split('\n')));
  const widths = r.columns.map((c, i) =>
    Math.max(
      o.tuplesOnly ? 0 : c.name.length,
      ...cells.map((row) => Math.max(...row[i]!.map((l) => l.length))),
    ),
  );
  const last = r.columns.length - 1;
  let out = '';
  const total = widths.reduce((s, w) => s + w + 3, -1);
  if (title && !o.tuplesOnly) out += `${center(title, total).trimEnd()}\n`;
  if (!o.tuplesOnly) {
    out += `${r.columns.map((c, i) => ` ${center(c.name, widths[i]!)} `).join('|')}\n`;
    out += `${widths.map((w) => '-'.repeat(w + 2)).join('+')}\n`;
  }
  for (const row of cells) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      out += row
        .map((lines, i) => {
          const text = lines[k] ?? '';
          const more = k < lines.length - 1;
          const body = r.columns[i]!.numeric ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
          if (i === last) return ` ${more ? `${body}+` : r.columns[i]!.numeric ? body : text}`;
          return ` ${body}${more ? '+' : ' '}`;
        })
        .join('|');
      out += '\n';
    }
  }
  if (o.tuplesOnly) return `${out}\n`;
  const n = r.rows.length;
  return `${out}(${n} ${n === 1 ? 'row' : 'rows'})\n\n`;
}

/** `-A`: values joined by `|`, the header first and the row count last unless `-t`. */
export function unalignedTable(r: Rows, o: PsqlPrint): string {
  const lines = r.rows.map((row) => row.map((v) => v ?? '').join('|'));
  if (o.tuplesOnly) return lines.length ? `${lines.join('\n')}\n` : '';
  const n = r.rows.length;
  return `${[r.columns.map((c) => c.name).join('|'), ...lines].join('\n')}\n(${n} ${n === 1 ? 'row' : 'rows'})\n`;
}

export function psqlRows(r: Rows, o: PsqlPrint, title?: string): string {
  return o.unaligned ? unalignedTable(r, o) : alignedTable(r, o, title);
}
