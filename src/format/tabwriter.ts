/**
 * Elastic tabstops, the way Go's text/tabwriter (docker's fork) lays out tables.
 *
 * A cell is text terminated by a TAB; the text after a line's last TAB is not a cell and is never
 * padded. A column block is a run of consecutive lines that all have a cell in that column; its width
 * is the widest cell + padding (at least minWidth), computed per block. Lines without tabs therefore
 * split blocks, which `docker version` relies on.
 */
import { displayWidth } from './width.js';

export { displayWidth, ellipsis, truncateId } from './width.js';

export interface TabOptions {
  /** Minimal cell width including padding (docker tables: 10). */
  minWidth?: number;
  /** Added to the widest cell of a column (docker tables: 3). */
  padding?: number;
}

interface Cell {
  text: string;
  width: number;
}

function splitLines(text: string): Cell[][] {
  const lines = text.split('\n');
  return lines.map((line) => line.split('\t').map((t) => ({ text: t, width: displayWidth(t) })));
}

/** Aligns text containing TABs and newlines; text without a final newline keeps it that way. */
export function tabwrite(text: string, opts: TabOptions = {}): string {
  const minWidth = opts.minWidth ?? 10;
  const padding = opts.padding ?? 3;
  const lines = splitLines(text);
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      let s = '';
      line.forEach((cell, j) => {
        s += cell.text;
        if (j < widths.length && j < line.length - 1) s += ' '.repeat(Math.max(widths[j]! - cell.width, 0));
      });
      out.push(s);
    }
  };

  // Mirrors tabwriter's recursive format(): find the blocks of the next column, fix their
  // width, and lay out the columns to their right within each block.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(start, i);
      let width = minWidth;
      let end = i;
      for (; end < line1 && column < lines[end]!.length - 1; end++) {
        width = Math.max(width, lines[end]![column]!.width + padding);
      }
      widths.push(width);
      format(i, end);
      widths.pop();
      start = end;
      i = end - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/**
 * A docker table: one row per array, cells joined with TABs, every row ending in a newline, the
 * first row being the header. The last cell of a row is never padded; empty cells before it are.
 */
export function alignTable(rows: string[][], opts: TabOptions = {}): string {
  return tabwrite(rows.map((r) => `${r.join('\t')}\n`).join(''), opts);
}
