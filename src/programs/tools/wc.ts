import type { ProgramRun } from '../types.js';
import { readChecked } from './access.js';
import { isParsed, parseOrFail } from './args.js';
import { strerror, type Tool } from './common.js';

type Counts = [lines: number, words: number, chars: number, bytes: number, longest: number];

function countText(data: Buffer): Counts {
  const text = data.toString('utf8');
  let lines = 0;
  let longest = 0;
  let col = 0;
  for (const ch of text) {
    if (ch === '\n') {
      lines++;
      longest = Math.max(longest, col);
      col = 0;
    } else if (ch === '\t') col = (col | 7) + 1;
    else if (ch === '\r' || ch === '\f') {
      longest = Math.max(longest, col);
      col = 0;
    } else if (ch >= ' ') col++;
  }
  longest = Math.max(longest, col);
  const words = text.split(/[ \t\n\v\f\r]+/).filter(Boolean).length;
  return [lines, words, [...text].length, data.length, longest];
}

/**
 * `wc [-lwcmL] [FILE]...`. GNU sizes every column to the digits of the files' total size
 * (at least 7 when one input is not a regular file, 1 for a single count of a single input);
 * BusyBox prints `%9u` columns, or the bare number for a single count.
 */
export function wc(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'lwcmL',
    long: { lines: 'l', words: 'w', chars: 'm', bytes: 'c', 'max-line-length': 'L' },
  });
  if (!isParsed(p)) return p;
  let show = ['l', 'w', 'm', 'c', 'L'].map((k) => p.has(k));
  if (!show.some(Boolean)) show = [true, true, false, true, false];
  const names = p.operands.length ? p.operands : ['-'];
  const rows: { counts: Counts; name: string; regular: boolean }[] = [];
  for (const name of names) {
    if (name === '-') {
      rows.push({
        counts: countText(Buffer.from(t.ctx.stdin ?? '', 'utf8')),
        name: p.operands.length ? '-' : '',
        regular: false,
      });
      continue;
    }
    const data = readChecked(t, t.abs(name));
    if (typeof data === 'string') {
      t.fail(`${name}: ${strerror(data)}`);
      if (data === 'EISDIR') rows.push({ counts: [0, 0, 0, 0, 0], name, regular: false });
      continue;
    }
    rows.push({ counts: countText(data), name, regular: true });
  }
  if (rows.length > 1) {
    const total: Counts = [0, 0, 0, 0, 0];
    for (const r of rows)
      for (let k = 0; k < 5; k++)
        total[k] = k === 4 ? Math.max(total[k]!, r.counts[k]!) : total[k]! + r.counts[k]!;
    rows.push({ counts: total, name: 'total', regular: true });
  }
  const single = show.filter(Boolean).length === 1;
  let width = 1;
  if (t.gnu && !(names.length === 1 && single)) {
    const totalSize = rows
      .filter((r) => r.regular && r.name !== 'total')
      .reduce((s, r) => s + r.counts[3], 0);
    width = Math.max(String(totalSize).length, rows.some((r) => !r.regular) ? 7 : 1);
  }
  for (const r of rows) {
    const cols = r.counts.filter((_, k) => show[k]).map((n) => String(n));
    let line: string;
    if (t.gnu) line = cols.map((c) => c.padStart(width)).join(' ');
    else if (single && names.length === 1) line = cols[0]!;
    else line = cols.map((c) => c.padStart(9)).join(' ');
    t.out(`${line}${r.name ? ` ${r.name}` : ''}\n`);
  }
  return t.done();
}
