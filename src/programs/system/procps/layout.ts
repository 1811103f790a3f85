import { COLUMNS, type ColumnDef, type ColumnEnv, type Row } from './columns.js';

/** A column of the chosen format: its definition, header text and width. */
export interface FormatColumn {
  def: ColumnDef;
  header: string;
  width: number;
}

/** Resolves `pid`, `user:20`, `comm=NAME` into format columns; undefined names the bad keyword. */
export function formatColumns(
  spec: { key: string; header?: string; width?: number }[],
  pidDigits: number,
): FormatColumn[] | { unknown: string } {
  const out: FormatColumn[] = [];
  for (const s of spec) {
    const def = COLUMNS[s.key];
    if (!def) return { unknown: s.key };
    let width = def.pidmax ? Math.max(pidDigits, def.header.length) : def.width;
    if (s.header !== undefined) width = Math.max(width, s.header.length);
    if (s.width !== undefined) width = s.width;
    out.push({ def, header: s.header ?? def.header, width });
  }
  return out;
}

/**
 * One line laid out as procps does: it tracks where each column should start and where the
 * cursor is; a value wider than its column is printed whole and later padding absorbs the
 * excess, but two columns are always at least one space apart. Left-aligned columns never pad
 * on the right (the next column's leading spaces do it), so lines carry no trailing blanks.
 */
function layout(
  cols: FormatColumn[],
  cell: (col: FormatColumn, room: number) => string,
  active: number,
): string {
  let correct = 0;
  let actual = 0;
  let out = '';
  cols.forEach((col, i) => {
    const last = i === cols.length - 1;
    const dospace = i === 0 ? 0 : 1;
    let room = col.width;
    if (last) {
      const gap = correct - actual;
      room = gap < 1 ? active - actual - dospace : active - Math.max(correct, actual);
    }
    const text = cell(col, Math.max(0, room));
    const leftpad = col.def.align === 'right' ? Math.max(0, col.width - text.length) : 0;
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    out += ' '.repeat(space) + text;
    actual += space + text.length;
    correct += col.width + 1;
  });
  return out;
}

export function headerLine(cols: FormatColumn[], active: number): string {
  return layout(cols, (col) => col.header, active);
}

export function rowLine(cols: FormatColumn[], row: Row, env: ColumnEnv, active: number): string {
  return layout(cols, (col, room) => col.def.value(row, env, room), active);
}
