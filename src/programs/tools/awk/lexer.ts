/**
 * Tokens of the awk language. A `/` starts a regex literal unless it follows an operand
 * (then it divides), the rule every awk lexer uses.
 */
export type TokenKind =
  | 'number'
  | 'string'
  | 'regex'
  | 'name'
  | 'funcname'
  | 'builtin'
  | 'keyword'
  | 'punct'
  | 'newline'
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Numbers' value; strings' and regexes' decoded text is in `text`. */
  value?: number;
  line: number;
}

export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly near: string,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
]);

export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'sin',
  'cos',
  'atan2',
  'exp',
  'log',
  'sqrt',
  'int',
  'rand',
  'srand',
  'tolower',
  'toupper',
  'system',
  'close',
  'fflush',
]);

const PUNCT = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '**=',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '!~',
  '**',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  '/': '/',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

function divisionAllowed(prev: Token | undefined): boolean {
  if (!prev) return false;
  if (prev.kind === 'number' || prev.kind === 'string' || prev.kind === 'name' || prev.kind === 'builtin')
    return true;
  return (
    prev.kind === 'punct' &&
    (prev.text === ')' || prev.text === ']' || prev.text === '$' || prev.text === '++' || prev.text === '--')
  );
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  const push = (kind: TokenKind, text: string, value?: number): void => {
    out.push(value === undefined ? { kind, text, line } : { kind, text, value, line });
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') i++;
    else if (ch === '\n') {
      push('newline', '\n');
      line++;
      i++;
    } else if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (/[0-9.]/.test(ch) && /^(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.test(src.slice(i))) {
      const m = /^(0[xX][0-9a-fA-F]+|\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(src.slice(i))!;
      push('number', m[0], Number(m[0]));
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      i += name.length;
      if (KEYWORDS.has(name)) push('keyword', name === 'func' ? 'function' : name);
      else if (BUILTINS.has(name)) push('builtin', name);
      else push(src[i] === '(' ? 'funcname' : 'name', name);
    } else if (ch === '"') {
      let text = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\n') throw new AwkSyntaxError('runaway string constant', line, `"${text}`);
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[i + 1]!;
          const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1));
          if (oct) {
            text += String.fromCharCode(Number.parseInt(oct[0], 8));
            i += 1 + oct[0].length;
            continue;
          }
          if (n === '\n') line++;
          text += n === '\n' ? '' : (ESCAPES[n] ?? `\\${n}`);
          i += 2;
        } else text += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway string constant', line, `"${text}`);
      i++;
      push('string', text);
    } else if (ch === '/' && !divisionAllowed(out[out.length - 1])) {
      let text = '';
      let inClass = false;
      i++;
      while (i < src.length && (src[i] !== '/' || inClass)) {
        if (src[i] === '\n') throw new AwkSyntaxError('runaway regular expression', line, `/${text}`);
        if (src[i] === '\\' && src[i + 1] === '/') {
          text += '/';
          i += 2;
          continue;
        }
        if (src[i] === '\\' && i + 1 < src.length) {
          text += src[i]! + src[i + 1]!;
          i += 2;
          continue;
        }
        if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        text += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway regular expression', line, `/${text}`);
      i++;
      push('regex', text);
    } else {
      const p = PUNCT.find((q) => src.startsWith(q, i));
      if (!p) throw new AwkSyntaxError('syntax error', line, ch);
      push('punct', p === '**' ? '^' : p === '**=' ? '^=' : p);
      i += p.length;
    }
  }
  push('eof', '');
  return out;
}
