import type { Word, WordPart } from './ast.js';
import type { Lexer } from './lexer.js';
import { readAnsiC, readBraced } from './param-lex.js';

/**
 * Where a word is being read changes what its characters mean: unquoted, between double quotes,
 * in a here-document, in the argument of `${x:-…}` (plain or inside "…"), or in `$((…))`.
 */
type Mode = 'word' | 'dq' | 'heredoc' | 'param' | 'paramdq';

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>', '\r']);
export const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
export const NAME_START = /[A-Za-z_]/;
export const NAME_CHAR = /[A-Za-z0-9_]/;

function pushLit(parts: WordPart[], value: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last?.type === 'lit' && last.quoted === quoted) last.value += value;
  else parts.push({ type: 'lit', value, quoted });
}

/** An unquoted word, up to a blank or an operator character. */
export function readWord(lx: Lexer): Word {
  return { parts: readParts(lx, 'word', '') };
}

/** A here-document body: the whole of the lexer's text. */
export function readHeredocBody(lx: Lexer): Word {
  return { parts: readParts(lx, 'heredoc', '') };
}

function escapable(mode: Mode): string {
  if (mode === 'heredoc') return '$`\\\n';
  if (mode === 'paramdq') return '$`\\\n"}';
  return '$`\\\n"';
}

export function readParts(lx: Lexer, mode: Mode, stops: string): WordPart[] {
  const parts: WordPart[] = [];
  const quoted = mode === 'dq' || mode === 'heredoc' || mode === 'paramdq';
  for (;;) {
    const c = lx.ch();
    if (c === '' || stops.includes(c)) return parts;
    if (mode === 'word' && META.has(c)) return parts;
    if (c === '\\') {
      const n = lx.ch(1);
      lx.advance();
      if (n === '\n') lx.advance();
      else if (n === '') pushLit(parts, '\\', true);
      else if (!quoted || escapable(mode).includes(n)) {
        pushLit(parts, n, true);
        lx.advance();
      } else pushLit(parts, '\\', true);
    } else if (c === "'" && (mode === 'word' || mode === 'param')) {
      lx.advance();
      const end = lx.src.indexOf("'", lx.pos);
      if (end < 0) lx.fail({ kind: 'unterminated', quote: "'" });
      pushLit(parts, lx.src.slice(lx.pos, end), true);
      lx.advance(end - lx.pos + 1);
    } else if (c === '"' && mode !== 'dq' && mode !== 'heredoc') {
      const line = lx.line;
      lx.advance();
      const inner = readParts(lx, 'dq', '"');
      if (lx.ch() !== '"') lx.fail({ kind: 'unterminated', quote: '"', line });
      lx.advance();
      parts.push({ type: 'dq', parts: inner });
    } else if (c === '`') {
      parts.push(readBackquote(lx, quoted));
    } else if (c === '$') {
      const part = readDollar(lx, mode);
      if (part) parts.push(part);
      else pushLit(parts, '$', quoted);
    } else {
      pushLit(parts, c, quoted);
      lx.advance();
    }
  }
}

function readBackquote(lx: Lexer, inDq: boolean): WordPart {
  const line = lx.line;
  lx.advance();
  let text = '';
  for (;;) {
    const c = lx.ch();
    if (c === '') lx.fail({ kind: 'backquote', line });
    if (c === '`') break;
    if (c === '\\') {
      const n = lx.ch(1);
      if (n === '$' || n === '`' || n === '\\' || (inDq && n === '"')) {
        text += n;
        lx.advance(2);
        continue;
      }
    }
    text += c;
    lx.advance();
  }
  lx.advance();
  return { type: 'cmdsub', body: lx.host.subProgram(text, line), backquote: true };
}

function readDollar(lx: Lexer, mode: Mode): WordPart | undefined {
  const n = lx.ch(1);
  if (n === '(') {
    if (lx.ch(2) === '(') {
      const saved = { pos: lx.pos, line: lx.line };
      lx.advance(3);
      const expr = readArith(lx, ')');
      if (expr) return { type: 'arith', expr };
      lx.pos = saved.pos;
      lx.line = saved.line;
    }
    lx.advance(2);
    return { type: 'cmdsub', body: lx.host.cmdSub(), backquote: false };
  }
  if (n === '{') return readBraced(lx, mode === 'dq' || mode === 'heredoc' || mode === 'paramdq');
  if (n === "'" && lx.dialect !== 'dash' && (mode === 'word' || mode === 'param')) return readAnsiC(lx);
  if (NAME_START.test(n)) {
    lx.advance();
    let name = '';
    while (NAME_CHAR.test(lx.ch())) {
      name += lx.ch();
      lx.advance();
    }
    return { type: 'param', name };
  }
  if (/[0-9]/.test(n) || SPECIAL.has(n)) {
    lx.advance(2);
    return { type: 'param', name: n };
  }
  lx.advance();
  return undefined;
}

/**
 * Reads `$((…))` or `((…))` after the opening parentheses, up to the matching `))`. Returns
 * undefined when a lone `)` closes it first: then it was `$( (…) )`, a subshell.
 */
export function readArith(lx: Lexer, close: string): Word | undefined {
  const parts: WordPart[] = [];
  let depth = 0;
  for (;;) {
    const c = lx.ch();
    if (c === '') lx.fail({ kind: 'missing', closing: '))' });
    if (c === '$' || c === '`' || c === '"' || c === '\\') {
      parts.push(...readOne(lx));
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth > 0) depth--;
      else if (lx.ch(1) === close) {
        lx.advance(2);
        return { parts };
      } else return undefined;
    }
    pushLit(parts, c, false);
    lx.advance();
  }
}

/** One quoted or expanded unit inside arithmetic. */
function readOne(lx: Lexer): WordPart[] {
  const c = lx.ch();
  const parts: WordPart[] = [];
  if (c === '$') {
    const part = readDollar(lx, 'word');
    if (part) parts.push(part);
    else pushLit(parts, '$', false);
  } else if (c === '`') parts.push(readBackquote(lx, false));
  else if (c === "'") {
    lx.advance();
    const end = lx.src.indexOf("'", lx.pos);
    if (end < 0) lx.fail({ kind: 'unterminated', quote: "'" });
    pushLit(parts, lx.src.slice(lx.pos, end), true);
    lx.advance(end - lx.pos + 1);
  } else if (c === '"') {
    const line = lx.line;
    lx.advance();
    parts.push({ type: 'dq', parts: readParts(lx, 'dq', '"') });
    if (lx.ch() !== '"') lx.fail({ kind: 'unterminated', quote: '"', line });
    lx.advance();
  } else {
    lx.advance();
    pushLit(parts, lx.ch(), true);
    lx.advance();
  }
  return parts;
}

/**
 * The right side of bash's `=~`: read up to a blank outside parentheses, so `^(a|b)$` stays one
 * word. Quoted parts match literally.
 */
export function readRegex(lx: Lexer): Word {
  while (lx.ch() === ' ' || lx.ch() === '\t') lx.advance();
  const parts: WordPart[] = [];
  let depth = 0;
  for (;;) {
    const c = lx.ch();
    if (c === '' || c === '\n' || ((c === ' ' || c === '\t') && depth === 0)) return { parts };
    if (c === ')' && depth === 0) return { parts };
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === "'" || c === '"' || c === '$' || c === '`' || c === '\\') {
      parts.push(...readOne(lx));
      continue;
    }
    pushLit(parts, c, false);
    lx.advance();
  }
}
