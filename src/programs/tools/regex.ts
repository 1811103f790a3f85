/**
 * POSIX regular expressions (basic and extended, with GNU's extensions `\+ \? \| \< \> \w \s`)
 * translated to JavaScript ones. Matching is then JavaScript's leftmost-first rather than
 * POSIX leftmost-longest, which only differs for alternations whose earlier branch is a
 * prefix of a later one (`a|ab`).
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
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

export class RegexSyntaxError extends Error {}

const escapeJs = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch);

/** Escapes text so that it matches itself (grep -F, awk index-like uses). */
export function literal(text: string): string {
  return [...text].map(escapeJs).join('');
}

/** Translates a bracket expression starting at `[`; returns the JS class and where it ends. */
function bracket(re: string, start: number): [string, number] {
  let i = start + 1;
  let out = '[';
  if (re[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  while (i < re.length) {
    const ch = re[i]!;
    if (ch === ']' && !first) return [`${out}]`, i + 1];
    first = false;
    if (ch === '[' && /[:=.]/.test(re[i + 1] ?? '')) {
      const kind = re[i + 1]!;
      const end = re.indexOf(`${kind}]`, i + 2);
      if (end < 0) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
      const name = re.slice(i + 2, end);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) throw new RegexSyntaxError('Invalid character class name');
        out += cls;
      } else out += escapeJs(name);
      i = end + 2;
      continue;
    }
    out += ch === '-' ? '-' : escapeJs(ch);
    i++;
  }
  throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
}

const GNU_ESCAPES: Record<string, string> = {
  w: '\\w',
  W: '\\W',
  s: '\\s',
  S: '\\S',
  b: '\\b',
  B: '\\B',
  '<': '\\b(?=\\w)',
  '>': '\\b(?<=\\w)',
  '`': '^',
  "'": '$',
  n: '\\n',
  t: '\\t',
};

/** A POSIX pattern as JavaScript regex source. */
export function translate(re: string, extended: boolean): string {
  let out = '';
  let depth = 0;
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const ch = re[i]!;
    const startHere = atStart;
    atStart = false;
    if (ch === '[') {
      const [cls, end] = bracket(re, i);
      out += cls;
      i = end - 1;
      continue;
    }
    if (ch === '\\') {
      const next = re[++i];
      if (next === undefined) throw new RegexSyntaxError('Trailing backslash');
      if (!extended && (next === '(' || next === ')')) {
        depth += next === '(' ? 1 : -1;
        if (depth < 0) throw new RegexSyntaxError('Unmatched ) or \\)');
        out += next;
        atStart = next === '(';
      } else if (!extended && (next === '{' || next === '}')) out += next;
      else if (!extended && next === '|') {
        out += '|';
        atStart = true;
      } else if (!extended && (next === '+' || next === '?')) out += next;
      else if (/[1-9]/.test(next)) out += `\\${next}`;
      else if (GNU_ESCAPES[next] !== undefined) out += GNU_ESCAPES[next];
      else out += escapeJs(next);
      continue;
    }
    if (ch === '*' && startHere) {
      out += '\\*';
      continue;
    }
    if (ch === '^') {
      out += extended || startHere ? '^' : '\\^';
      atStart = true;
      continue;
    }
    if (ch === '$') {
      const rest = re.slice(i + 1);
      const anchor = extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
      out += anchor ? '$' : '\\$';
      continue;
    }
    if (extended) {
      if (ch === '(') {
        depth++;
        atStart = true;
        out += re[i + 1] === ')' ? '(?:' : '(';
        continue;
      }
      if (ch === ')') {
        if (--depth < 0) throw new RegexSyntaxError('Unmatched ) or \\)');
        out += ')';
        continue;
      }
      if (ch === '|') {
        atStart = true;
        out += '|';
        continue;
      }
      if (ch === '{') {
        // GNU also takes `{,n}` for `{0,n}`; a brace that opens no interval is literal.
        const m = /^\{(\d*)(,(\d*))?\}/.exec(re.slice(i));
        const valid = m && (m[1] !== '' || m[2] !== undefined);
        out += valid ? `{${m[1] || '0'}${m[2] ?? ''}}` : '\\{';
        if (valid) i += m[0].length - 1;
        continue;
      }
      if ((ch === '+' || ch === '?') && startHere) {
        out += `\\${ch}`;
        continue;
      }
      if ('+?*'.includes(ch)) {
        out += ch;
        continue;
      }
      out += ch === '.' ? '.' : escapeJs(ch);
      continue;
    }
    out += ch === '.' || ch === '*' ? ch : escapeJs(ch);
  }
  if (depth > 0) throw new RegexSyntaxError('Unmatched ( or \\(');
  return out;
}

export interface RegexOptions {
  extended: boolean;
  ignoreCase?: boolean;
  /** `.` matches a newline too (sed's pattern space after N). */
  dotAll?: boolean;
  global?: boolean;
}

/** Compiles a POSIX pattern; throws RegexSyntaxError with GNU's wording when it is malformed. */
export function compile(re: string, o: RegexOptions): RegExp {
  const source = translate(re, o.extended);
  const flags = `${o.global ? 'g' : ''}${o.ignoreCase ? 'i' : ''}${o.dotAll ? 's' : ''}`;
  try {
    return new RegExp(source, flags);
  } catch {
    throw new RegexSyntaxError(
      /\\\{|\{/.test(re) ? 'Invalid content of \\{\\}' : 'Invalid regular expression',
    );
  }
}
