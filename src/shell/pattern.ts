/**
 * Shell patterns (`*`, `?`, `[…]`) for `case`, `${x%pat}`, `[[ == ]]` and pathname expansion. A
 * pattern here is text in which `\x` stands for a literal x: quoted parts of a word arrive escaped.
 */
const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'a-zA-Z0-9_',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

// With the `u` flag a needless escape is an error: outside a class `-` must stay bare.
const escapeRe = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const escapeClass = (c: string): string => c.replace(/[\\\][^-]/g, '\\$&');

/** Escapes text so that it matches itself as a pattern. */
export function quotePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** Drops a pattern's escapes: the literal text it stands for. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** A bracket expression starting at `i` (the `[`): its regex and where it ends, or undefined if unclosed. */
function bracket(p: string, i: number): { re: string; end: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (p[j] === '!' || p[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  for (; j < p.length; j++) {
    const c = p[j]!;
    if (c === ']' && !first) return { re: `[${negate ? '^' : ''}${body}]`, end: j };
    first = false;
    if (c === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      const cls = close > 0 ? CLASSES[p.slice(j + 2, close)] : undefined;
      if (cls !== undefined) {
        body += cls;
        j = close + 1;
        continue;
      }
    }
    if (c === '\\' && j + 1 < p.length) {
      body += escapeClass(p[++j]!);
      continue;
    }
    if (c === '-' && body && p[j + 1] !== ']' && j + 1 < p.length) {
      body += '-';
      continue;
    }
    body += escapeClass(c);
  }
  return undefined;
}

const cache = new Map<string, RegExp>();

/** The regex source of a pattern; `pathname` keeps `*` and `?` from matching `/`. */
export function patternSource(p: string, pathname = false): string {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) re += escapeRe(p[++i]!);
    else if (c === '*') re += pathname ? '[^/]*' : '[\\s\\S]*';
    else if (c === '?') re += pathname ? '[^/]' : '[\\s\\S]';
    else if (c === '[') {
      const b = bracket(p, i);
      if (b) {
        re += b.re;
        i = b.end;
      } else re += '\\[';
    } else re += escapeRe(c);
  }
  return re;
}

export function matchPattern(pattern: string, text: string, pathname = false): boolean {
  const key = `${pathname ? 1 : 0}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^${patternSource(pattern, pathname)}$`, 'u');
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re.test(text);
}

/** Whether a pattern has an unescaped `*`, `?` or a closed `[…]`. */
export function hasGlob(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracket(p, i)) return true;
  }
  return false;
}

/** Removes the shortest or longest prefix or suffix matching a pattern (`#`, `##`, `%`, `%%`). */
export function trimPattern(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const n = value.length;
  if (op === '#' || op === '##') {
    for (let k = 0; k <= n; k++) {
      const i = op === '#' ? k : n - k;
      if (matchPattern(pattern, value.slice(0, i))) return value.slice(i);
    }
  } else {
    for (let k = 0; k <= n; k++) {
      const i = op === '%' ? n - k : k;
      if (matchPattern(pattern, value.slice(i))) return value.slice(0, i);
    }
  }
  return value;
}

/** bash's `${x/pat/rep}`: the first (or every) longest match, or one anchored at the start or end. */
export function replacePattern(
  value: string,
  pattern: string,
  rep: string,
  mode: '/' | '//' | '/#' | '/%',
): string {
  const n = value.length;
  if (mode === '/#') {
    for (let j = n; j > 0; j--) if (matchPattern(pattern, value.slice(0, j))) return rep + value.slice(j);
    return value;
  }
  if (mode === '/%') {
    for (let i = 0; i < n; i++) if (matchPattern(pattern, value.slice(i))) return value.slice(0, i) + rep;
    return value;
  }
  let out = '';
  let i = 0;
  while (i < n) {
    let end = -1;
    for (let j = n; j > i; j--) {
      if (matchPattern(pattern, value.slice(i, j))) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      out += value[i];
      i++;
      continue;
    }
    out += rep;
    i = end;
    if (mode === '/') return out + value.slice(i);
  }
  return out;
}
