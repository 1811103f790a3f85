import { ifsOf } from '../expand.js';
import { type Call, NAME } from './call.js';

/** Reads one logical line: without `-r`, a backslash escapes the next character and joins lines. */
function readLogicalLine(c: Call, raw: boolean): { line: string; eof: boolean } | null {
  const input = c.io.stdin;
  let line = '';
  let any = false;
  for (;;) {
    const r = input.readLine();
    if (!r) return any ? { line, eof: true } : null;
    any = true;
    let text = r.line;
    if (raw) return { line: line + text, eof: !r.complete };
    const continued = /(^|[^\\])(\\\\)*\\$/.test(text) && r.complete;
    if (continued) text = text.slice(0, -1);
    line += text.replace(/\\(.)/g, '$1');
    if (!continued) return { line, eof: !r.complete };
  }
}

/** Splits for `read`: one field per name, the last name takes the rest of the line. */
export function splitForRead(line: string, ifs: string, count: number): string[] {
  const ws = [...ifs].filter((ch) => ' \t\n'.includes(ch));
  const isWs = (ch: string | undefined): boolean => ch !== undefined && ws.includes(ch);
  const isIfs = (ch: string | undefined): boolean => ch !== undefined && ifs.includes(ch);
  let i = 0;
  while (isWs(line[i])) i++;
  const out: string[] = [];
  for (let n = 0; n < count - 1; n++) {
    let field = '';
    while (i < line.length && !isIfs(line[i])) field += line[i++];
    out.push(field);
    while (isWs(line[i])) i++;
    if (i < line.length && isIfs(line[i]) && !isWs(line[i])) {
      i++;
      while (isWs(line[i])) i++;
    }
  }
  let end = line.length;
  while (end > i && isWs(line[end - 1])) end--;
  out.push(line.slice(i, end));
  return out;
}

/** `read [-r] [-p prompt] [NAME...]`: status 1 at the end of input. */
export function read(c: Call): number {
  let args = c.args;
  let raw = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const opt = args[0];
    args = args.slice(1);
    if (opt === '--') break;
    if (opt.includes('r')) raw = true;
    // -p, -t, -n, -d, -u take a value; the prompt is not shown because stdin is not a terminal.
    if (/[ptndua]$/.test(opt)) args = args.slice(1);
  }
  if (args.length === 0 && c.dialect === 'dash') {
    c.error('arg count');
    return 2;
  }
  const names = args.length ? args : ['REPLY'];
  for (const name of names) if (!NAME.test(name)) return c.badName(name);
  const got = readLogicalLine(c, raw);
  const fields = got ? splitForRead(got.line, ifsOf(c.ip), names.length) : [];
  names.forEach((name, i) => {
    const value = args.length ? (fields[i] ?? '') : (got?.line ?? '');
    c.state.set(name, value);
  });
  return !got || got.eof ? 1 : 0;
}
