import type { Reply } from './redis-cli-commands.js';

/** A string as redis-cli quotes it on a terminal: `"hello"`, `"a\nb"`, `"\xe2"`. */
function repr(s: string): string {
  let out = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (c === '\\' || c === '"') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (b < 0x20 || b > 0x7e) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/** A reply on a terminal: `(integer) 1`, `(nil)`, `1) "a"`, `(error) ERR ...`. */
export function ttyReply(r: Reply, indent = ''): string {
  switch (r.t) {
    case 'status':
      return `${r.s}\n`;
    case 'error':
      return `(error) ${r.s}\n`;
    case 'int':
      return `(integer) ${r.n}\n`;
    case 'bulk':
      return r.s === null ? '(nil)\n' : `${repr(r.s)}\n`;
    case 'array': {
      if (!r.items.length) return '(empty array)\n';
      const w = String(r.items.length).length;
      return r.items
        .map((item, i) => {
          const label = `${String(i + 1).padStart(w)}) `;
          const body = ttyReply(item, `${indent}${' '.repeat(label.length)}`);
          return `${i === 0 ? '' : indent}${label}${body}`;
        })
        .join('');
    }
  }
}

/** A reply piped or redirected: the bare values, one per line. */
export function rawReply(r: Reply): string {
  switch (r.t) {
    case 'status':
    case 'error':
      return r.s;
    case 'int':
      return String(r.n);
    case 'bulk':
      return r.s ?? '';
    case 'array':
      return r.items.map(rawReply).join('\n');
  }
}

/**
 * redis-cli's own splitting of a typed line: words, "double quotes" with backslash escapes,
 * 'single quotes'. Undefined for unbalanced quotes (`Invalid argument(s)`).
 */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let word = '';
    const q = line[i] === '"' || line[i] === "'" ? line[i++] : '';
    for (;;) {
      if (i >= line.length) {
        if (q) return undefined;
        break;
      }
      const c = line[i]!;
      if (q && c === q) {
        i++;
        if (i < line.length && !/\s/.test(line[i]!)) return undefined;
        break;
      }
      if (!q && /\s/.test(c)) break;
      if (q === '"' && c === '\\' && i + 1 < line.length) {
        const n = line[++i]!;
        word += ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[n] ?? n;
      } else word += c;
      i++;
    }
    out.push(word);
  }
  return out;
}
