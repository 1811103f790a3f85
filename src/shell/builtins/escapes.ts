/** Backslash escapes of `echo -e`, dash's `echo`, `printf`'s format and `%b`. */
const SIMPLE: Record<string, string> = {
  '\\': '\\',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  "'": "'",
};

/**
 * Expands escapes. `style` decides octal: `echo` wants `\0nnn`, `printf` formats `\nnn`.
 * Returns `stop` when `\c` asked to end all output.
 */
export function expandEscapes(text: string, style: 'echo' | 'printf'): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const e = text[++i]!;
    if (e === 'c') return { text: out, stop: true };
    if ((e === '"' || e === "'") && style === 'echo') out += `\\${e}`;
    else if (e in SIMPLE) out += SIMPLE[e];
    else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1));
      if (!m) out += '\\x';
      else {
        out += String.fromCharCode(Number.parseInt(m[0], 16));
        i += m[0].length;
      }
    } else if (/[0-7]/.test(e) && (style === 'printf' || e === '0')) {
      const digits =
        style === 'echo'
          ? /^[0-7]{0,3}/.exec(text.slice(i + 1))![0]
          : /^[0-7]{0,2}/.exec(text.slice(i + 1))![0];
      const value = style === 'echo' ? digits || '0' : e + digits;
      out += String.fromCharCode(Number.parseInt(value, 8) & 0xff);
      i += digits.length;
    } else out += `\\${e}`;
  }
  return { text: out, stop: false };
}
