/**
 * fnmatch(3) without flags: `*` and `?` match any character (slashes included, as find's
 * -path wants), `[...]` / `[!...]` classes, and `\` quotes the next character.
 */
export function globToRegExp(pattern: string, ignoreCase = false): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') out += '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else if (ch === '\\' && i + 1 < pattern.length) out += escapeChar(pattern[++i]!);
    else if (ch === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      body = body.replace(/\[:(\w+):\]/g, (_m, name: string) => CLASS[name] ?? '');
      out += `[${negate ? '^' : ''}${body.replace(/\\(?![\]-])/g, '\\\\').replace(/^\]/, '\\]')}]`;
      i = end;
    } else out += escapeChar(ch);
  }
  return new RegExp(`^${out}$`, ignoreCase ? 'i' : '');
}

const CLASS: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
};

function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close > 0) i = close + 1;
      continue;
    }
    if (pattern[i] === ']') return i;
  }
  return -1;
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

export function fnmatch(pattern: string, name: string, ignoreCase = false): boolean {
  return globToRegExp(pattern, ignoreCase).test(name);
}
