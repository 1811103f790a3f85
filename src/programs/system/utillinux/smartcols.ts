/**
 * The table layout of util-linux's libsmartcols, as lsns uses it: one space between columns,
 * right-aligned columns padded on the left, the last column never padded. A column is as wide
 * as its widest cell but at least its header; a width hint (NS 10, PID 5, NPROCS 5, TYPE 5)
 * widens it further unless the header alone already forces the minimum.
 */
export interface Column {
  header: string;
  hint: number;
  right: boolean;
  /** Cut to the terminal width (COMMAND on a tty). */
  trunc?: boolean;
  json: 'number' | 'string';
}

export interface Table {
  columns: Column[];
  rows: string[][];
  /** Tree art put before the tree column's cell (COMMAND). */
  art?: string[];
  treeColumn?: number;
}

export function columnWidths(t: Table): number[] {
  return t.columns.map((c, i) => {
    const data = Math.max(
      0,
      ...t.rows.map((r, j) => (r[i] ?? '').length + (i === t.treeColumn ? (t.art?.[j]?.length ?? 0) : 0)),
    );
    const min = Math.max(1, c.header.length);
    if (data < min) return min;
    if (c.hint >= 1 && data < c.hint && min < c.hint) return c.hint;
    return data;
  });
}

export function renderTable(t: Table, o: { headers: boolean; termWidth?: number }): string {
  const widths = columnWidths(t);
  const line = (cells: string[], art: string[] | undefined, row: number) => {
    let out = '';
    cells.forEach((cell, i) => {
      const c = t.columns[i]!;
      const text = (i === t.treeColumn && art ? (art[row] ?? '') : '') + cell;
      const last = i === cells.length - 1;
      if (i > 0) out += ' ';
      if (last) {
        const room =
          o.termWidth === undefined || !c.trunc ? Number.POSITIVE_INFINITY : o.termWidth - out.length;
        out += c.right ? text.padStart(widths[i]!) : text.slice(0, Math.max(0, room));
      } else out += c.right ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
    });
    return out;
  };
  const lines: string[] = [];
  if (o.headers)
    lines.push(
      line(
        t.columns.map((c) => c.header),
        undefined,
        -1,
      ),
    );
  for (const [j, r] of t.rows.entries()) lines.push(line(r, t.art, j));
  return lines.map((l) => `${l}\n`).join('');
}

/** `-r`: cells separated by one space, blanks and backslashes escaped as `\x20` and `\x5c`. */
export function renderRaw(t: Table, headers: boolean): string {
  const esc = (s: string) =>
    s.replace(/[\\\s]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const lines = headers ? [t.columns.map((c) => c.header).join(' ')] : [];
  for (const r of t.rows) lines.push(r.map(esc).join(' '));
  return lines.map((l) => `${l}\n`).join('');
}

/** `-J`: libsmartcols' JSON, three-space indent, numbers bare, empty cells null, rows joined `},{`. */
export function renderJson(t: Table, name: string): string {
  const rows = t.rows.map((r) =>
    t.columns
      .map((c, i) => {
        const v = r[i] ?? '';
        const value = v === '' ? 'null' : c.json === 'number' && /^-?\d+$/.test(v) ? v : JSON.stringify(v);
        return `         ${JSON.stringify(c.header.toLowerCase())}: ${value}`;
      })
      .join(',\n'),
  );
  const body = rows.length ? `      {\n${rows.join('\n      },{\n')}\n      }\n` : '';
  return `{\n   "${name}": [\n${body}   ]\n}\n`;
}
