import type { Lexer } from './lex.js';

/** What the lexer's cursor returns past the last character. */
export const EOF = '';

export class ExpansionError extends Error {
  override readonly name = 'ExpansionError';
}

/**
 * `$NAME` and `${NAME…}` with the modifiers BuildKit supports. Go's scanner reports the end of
 * input as the rune U+FFFD when it is printed, hence that character in one error message.
 */
export function dollar(lx: Lexer): string {
  lx.next();
  if (lx.peek() !== '{') {
    const name = readName(lx);
    if (name === '') return '$';
    const value = lx.lookup(name);
    if (value === undefined && lx.opts.skipUnsetEnv) return `$${name}`;
    return value ?? '';
  }
  lx.next();
  const first = lx.peek();
  if (first === EOF) throw new ExpansionError("syntax error: missing '}'");
  if (first === '{' || first === '}' || first === ':')
    throw new ExpansionError('syntax error: bad substitution');
  const name = readName(lx);
  let ch = lx.next();
  let chs = ch === EOF ? '\uFFFD' : ch;
  if (ch === '}') {
    const value = lx.lookup(name);
    if (value === undefined && lx.opts.skipUnsetEnv) return `\${${name}}`;
    return value ?? '';
  }
  if (ch === '/') return replace(lx, name);
  let nullIsUnset = false;
  if (ch === ':') {
    nullIsUnset = true;
    ch = lx.next();
    chs += ch === EOF ? '\uFFFD' : ch;
  } else if (!'+-?#%'.includes(ch) || ch === EOF) {
    throw new ExpansionError(`unsupported modifier (${chs}) in substitution`);
  }
  const rawEscapes = ch === '#' || ch === '%';
  if (nullIsUnset && rawEscapes) throw new ExpansionError(`unsupported modifier (${chs}) in substitution`);
  const word = untilBrace(lx, rawEscapes);
  const value = lx.lookup(name);
  if (lx.opts.skipUnsetEnv && value === undefined) return `\${${name}${chs}${word}}`;
  const unset = value === undefined || (nullIsUnset && value === '');
  switch (ch) {
    case '-':
      return unset ? word : value!;
    case '+':
      return unset ? '' : word;
    case '?':
      if (value === undefined) throw new ExpansionError(`${name}: ${word || 'is not allowed to be unset'}`);
      if (nullIsUnset && value === '')
        throw new ExpansionError(`${name}: ${word || 'is not allowed to be empty'}`);
      return value;
    case '#':
    case '%': {
      const greedy = word.startsWith(ch);
      const pattern = greedy ? word.slice(1) : word;
      return ch === '%' ? trimSuffix(pattern, value ?? '', greedy) : trimPrefix(pattern, value ?? '', greedy);
    }
    default:
      throw new ExpansionError(`unsupported modifier (${chs}) in substitution`);
  }
}

function untilBrace(lx: Lexer, rawEscapes: boolean): string {
  try {
    return lx.until('}', rawEscapes).result;
  } catch (e) {
    if (e instanceof ExpansionError && lx.peek() === EOF)
      throw new ExpansionError("syntax error: missing '}'");
    throw e;
  }
}

function replace(lx: Lexer, name: string): string {
  const all = lx.peek() === '/';
  if (all) lx.next();
  let pattern: string;
  try {
    pattern = lx.until('/', true).result;
  } catch (e) {
    if (e instanceof ExpansionError && lx.peek() === EOF) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: BuildKit's message shows a literal ${}.
      throw new ExpansionError("syntax error: missing '/' in ${}");
    }
    throw e;
  }
  const replacement = untilBrace(lx, true);
  const value = lx.lookup(name);
  if (lx.opts.skipUnsetEnv && value === undefined) return `\${${name}/${pattern}/${replacement}}`;
  const re = patternRegex(pattern, true);
  const text = value ?? '';
  return text.replace(new RegExp(re.source, all ? 'gu' : 'u'), () => replacement);
}

function readName(lx: Lexer): string {
  let name = '';
  while (lx.peek() !== EOF) {
    const ch = lx.peek();
    if (name === '' && /\p{Nd}/u.test(ch)) {
      while (lx.peek() !== EOF && /\p{Nd}/u.test(lx.peek())) name += lx.next();
      return name;
    }
    if (name === '' && '@*#?-$!0'.includes(ch)) return lx.next();
    if (!/[\p{L}\p{Nd}_]/u.test(ch)) break;
    name += lx.next();
  }
  return name;
}

/** A shell pattern (`*`, `?`, `[…]`, `\x`) as a regular expression. */
export function patternRegex(pattern: string, greedy: boolean): RegExp {
  let re = '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') re += greedy ? '.*' : '.*?';
    else if (ch === '?') re += '.';
    else if (ch === '\\' && i + 1 < chars.length) re += escapeRe(chars[++i]!);
    else if (ch === '[') {
      const close = chars.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let body = chars.slice(i + 1, close).join('');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += escapeRe(ch);
  }
  try {
    return new RegExp(re, 'u');
  } catch {
    // A bracket expression no regular expression takes (`[z-a]`): the pattern matches itself.
    return new RegExp(Array.from(pattern).map(escapeRe).join(''), 'u');
  }
}

/** A character as a literal in a Unicode regular expression (where `\-` outside a class is an error). */
function escapeRe(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function fullMatch(re: RegExp, s: string): boolean {
  return new RegExp(`^(?:${re.source})$`, 'su').test(s);
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const re = patternRegex(pattern, true);
  const points = Array.from(value);
  const order = greedy ? [...points.keys(), points.length].reverse() : [...points.keys(), points.length];
  for (const n of order) if (fullMatch(re, points.slice(0, n).join(''))) return points.slice(n).join('');
  return value;
}

function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  const re = patternRegex(pattern, true);
  const points = Array.from(value);
  const order = greedy ? [...points.keys(), points.length] : [...points.keys(), points.length].reverse();
  for (const n of order) if (fullMatch(re, points.slice(n).join(''))) return points.slice(0, n).join('');
  return value;
}
