/**
 * Go's path.Match, which COPY's wildcard sources use: `*` and `?` never cross a `/`, `[a-z]` and
 * `[^a-z]` are character classes, `\` escapes the next character. The whole path must match.
 */
export function matchPath(pattern: string, path: string): boolean {
  const re = patternToRegex(pattern);
  return re ? re.test(path) : false;
}

function patternToRegex(pattern: string): RegExp | undefined {
  let re = '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      if (i + 1 >= chars.length) return undefined;
      re += escapeRegex(chars[++i]!);
    } else if (ch === '[') {
      let j = i + 1;
      let body = '';
      if (chars[j] === '^') {
        body = '^';
        j++;
      }
      let closed = false;
      for (; j < chars.length; j++) {
        const c = chars[j]!;
        if (c === ']' && body.replace(/^\^/, '') !== '') {
          closed = true;
          break;
        }
        if (c === '\\' && j + 1 < chars.length) body += `\\${chars[++j]}`;
        else if (c === '-' || c === '^') body += c === '-' ? '-' : '\\^';
        else body += escapeClass(c);
      }
      if (!closed) return undefined;
      re += body.startsWith('^') ? `(?![/])[${body}]` : `[${body}]`;
      i = j;
    } else re += escapeRegex(ch);
  }
  try {
    return new RegExp(`^${re}$`, 'u');
  } catch {
    return undefined;
  }
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function escapeClass(ch: string): string {
  return ch.replace(/[\]\\[]/g, '\\$&');
}
