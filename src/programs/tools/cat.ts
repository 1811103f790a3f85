import type { ProgramRun } from '../types.js';
import { readChecked, writeChecked } from './access.js';
import { isParsed, parseOrFail } from './args.js';
import { type Errno, strerror, type Tool } from './common.js';

/** Reads an input operand for tools that print `name: error` in GNU and `can't open 'name'` in BusyBox. */
export function readInput(t: Tool, operand: string, busyboxCantOpen = true): string | undefined {
  if (operand === '-') return t.ctx.stdin ?? '';
  const data = readChecked(t, t.abs(operand));
  if (typeof data !== 'string') return data.toString('utf8');
  reportRead(t, operand, data, busyboxCantOpen);
  return undefined;
}

export function reportRead(t: Tool, operand: string, errno: Errno, busyboxCantOpen = true): void {
  if (t.gnu || !busyboxCantOpen) t.fail(`${operand}: ${strerror(errno)}`);
  else if (errno === 'EISDIR') t.fail(`read error: ${strerror(errno)}`);
  else t.fail(`can't open '${operand}': ${strerror(errno)}`);
}

/** `cat [-nbEsTA] [FILE]...` */
export function cat(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: t.gnu ? 'nbEsTAetuv' : 'nbvteAs',
    long: {
      number: 'n',
      'number-nonblank': 'b',
      'show-ends': 'E',
      'squeeze-blank': 's',
      'show-tabs': 'T',
      'show-all': 'A',
    },
  });
  if (!isParsed(p)) return p;
  const ends = p.has('E') || p.has('A') || p.has('e');
  const tabs = p.has('T') || p.has('A') || p.has('t');
  const plain = !(p.has('n') || p.has('b') || p.has('s') || ends || tabs);
  let number = 0;
  let lastBlank = false;
  for (const operand of p.operands.length ? p.operands : ['-']) {
    const text = readInput(t, operand);
    if (text === undefined) continue;
    if (plain) {
      t.out(text);
      continue;
    }
    const parts = text.split('\n');
    let out = '';
    parts.forEach((line, i) => {
      const last = i === parts.length - 1;
      if (last && line === '') return;
      const blank = line === '';
      if (p.has('s') && blank && lastBlank) return;
      lastBlank = blank;
      let shown = tabs ? line.replaceAll('\t', '^I') : line;
      if (p.has('b') ? !blank : p.has('n')) shown = `${String(++number).padStart(6)}\t${shown}`;
      out += shown + (last ? '' : ends ? '$\n' : '\n');
    });
    t.out(out);
  }
  return t.done();
}

/** `tee [-a] [FILE]...`: stdin to stdout and to each file. */
export function tee(t: Tool): ProgramRun {
  const p = parseOrFail(t, { flags: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' } });
  if (!isParsed(p)) return p;
  const input = t.ctx.stdin ?? '';
  for (const file of p.operands) {
    if (file === '-') {
      t.out(input);
      continue;
    }
    const errno = writeChecked(t, t.abs(file), input, p.has('a'));
    if (errno) t.fail(`${file}: ${strerror(errno)}`);
  }
  t.out(input);
  return t.done();
}
