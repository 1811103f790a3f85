import type { CaseItem, Command, Compound, CompoundBody, List, Redir, Word } from './ast.js';
import { isRedirOp, type Token } from './lexer.js';
import { parseCond } from './parse-cond.js';
import { parseRedirect } from './parse-simple.js';
import { type Parser, plain } from './parser.js';
import { readArith } from './words.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function expect(p: Parser, keyword: string): Token {
  const t = p.lx.next();
  const ok = t.type === 'op' ? t.value === keyword : plain(t) === keyword;
  if (!ok) p.lx.unexpected(t, keyword);
  return t;
}

function isWord(t: Token, word: string): boolean {
  return plain(t) === word;
}

/** A compound command starting with `start` (a keyword, `(` or `((`), with its trailing redirections. */
export function parseCompound(p: Parser, start: string): Command {
  const first = p.lx.peek();
  if (start === 'function') return parseFunctionKeyword(p);
  const body = parseBody(p, start);
  const redirs: Redir[] = [];
  for (let t = p.lx.peek(); t.type === 'op' && isRedirOp(t.value); t = p.lx.peek())
    redirs.push(parseRedirect(p));
  return { ...body, redirs, line: first.line } as Compound;
}

function parseBody(p: Parser, start: string): CompoundBody {
  const lx = p.lx;
  lx.next();
  switch (start) {
    case '(': {
      const body = p.parseList();
      expect(p, ')');
      return { type: 'subshell', body };
    }
    case '((': {
      const expr = readArith(lx, ')');
      if (!expr) return lx.fail({ kind: 'missing', closing: '))' });
      return { type: 'arithcmd', expr };
    }
    case '{': {
      const body = p.parseList();
      expect(p, '}');
      return { type: 'group', body };
    }
    case 'if':
      return parseIf(p);
    case 'while':
    case 'until': {
      const cond = p.parseList();
      expect(p, 'do');
      const body = p.parseList();
      expect(p, 'done');
      return { type: 'while', until: start === 'until', cond, body };
    }
    case 'for':
      return parseFor(p);
    case 'case':
      return parseCase(p);
    default:
      return { type: 'cond', expr: parseCond(p) };
  }
}

function parseIf(p: Parser): CompoundBody {
  const clauses: Array<{ cond: List; body: List }> = [];
  let otherwise: List | undefined;
  for (;;) {
    const cond = p.parseList();
    expect(p, 'then');
    clauses.push({ cond, body: p.parseList() });
    const t = p.lx.next();
    if (isWord(t, 'elif')) continue;
    if (isWord(t, 'else')) {
      otherwise = p.parseList();
      expect(p, 'fi');
    } else if (!isWord(t, 'fi')) p.lx.unexpected(t, 'fi');
    return otherwise ? { type: 'if', clauses, otherwise } : { type: 'if', clauses };
  }
}

function parseFor(p: Parser): CompoundBody {
  const lx = p.lx;
  const nameTok = lx.next();
  if (nameTok.type === 'op' && nameTok.value === '((' && p.dialect === 'bash') return parseCFor(p);
  const name = plain(nameTok);
  if (name === undefined || !NAME.test(name)) {
    if (p.dialect === 'bash') return lx.unexpected(nameTok);
    return lx.fail({
      kind: 'text',
      text: p.dialect === 'dash' ? 'Bad for loop variable' : 'bad for loop variable',
    });
  }
  p.skipNewlines();
  let items: Word[] | undefined;
  if (isWord(lx.peek(), 'in')) {
    lx.next();
    items = [];
    for (let t = lx.peek(); t.type === 'word'; t = lx.peek()) items.push((lx.next() as typeof t).word);
    const sep = lx.next();
    if (sep.type !== 'newline' && !(sep.type === 'op' && sep.value === ';')) lx.unexpected(sep, 'do');
  } else if (lx.peek().type === 'op' && (lx.peek() as { value: string }).value === ';') lx.next();
  p.skipNewlines();
  expect(p, 'do');
  const body = p.parseList();
  expect(p, 'done');
  return items ? { type: 'for', name, items, body } : { type: 'for', name, body };
}

/** bash's `for ((init; cond; step))`. */
function parseCFor(p: Parser): CompoundBody {
  const expr = readArith(p.lx, ')');
  if (!expr) p.lx.fail({ kind: 'missing', closing: '))' });
  const [init, cond, step] = splitArith(expr);
  const t = p.lx.peek();
  if (t.type === 'op' && t.value === ';') p.lx.next();
  p.skipNewlines();
  const open = p.lx.next();
  const brace = isWord(open, '{');
  if (!brace && !isWord(open, 'do')) p.lx.unexpected(open, 'do');
  const body = p.parseList();
  expect(p, brace ? '}' : 'done');
  return { type: 'cfor', init, cond, step, body };
}

/** Splits the words of `((a; b; c))` at its top-level semicolons. */
function splitArith(expr: Word): Array<Word | undefined> {
  const out: Word[] = [{ parts: [] }];
  for (const part of expr.parts) {
    if (part.type !== 'lit' || part.quoted) {
      out[out.length - 1]!.parts.push(part);
      continue;
    }
    part.value.split(';').forEach((piece, i) => {
      if (i > 0) out.push({ parts: [] });
      if (piece) out[out.length - 1]!.parts.push({ type: 'lit', value: piece, quoted: false });
    });
  }
  return [0, 1, 2].map((i) => (out[i]?.parts.length ? out[i] : undefined));
}

function parseCase(p: Parser): CompoundBody {
  const lx = p.lx;
  const wordTok = lx.next();
  if (wordTok.type !== 'word') return lx.unexpected(wordTok);
  p.skipNewlines();
  expect(p, 'in');
  p.skipNewlines();
  const items: CaseItem[] = [];
  for (;;) {
    let t = lx.next();
    if (isWord(t, 'esac')) break;
    if (t.type === 'op' && t.value === '(') t = lx.next();
    const patterns: Word[] = [];
    for (;;) {
      if (t.type !== 'word') return lx.unexpected(t);
      patterns.push(t.word);
      const sep = lx.next();
      if (sep.type === 'op' && sep.value === ')') break;
      if (sep.type !== 'op' || sep.value !== '|') lx.unexpected(sep, ')');
      t = lx.next();
    }
    const body = p.parseList(true);
    const end = lx.peek();
    const fallthrough = end.type === 'op' && end.value === ';&';
    items.push({ patterns, body, fallthrough });
    if (end.type === 'op' && (end.value === ';;' || end.value === ';&')) {
      lx.next();
      p.skipNewlines();
    } else if (!isWord(end, 'esac')) lx.unexpected(end, 'esac');
  }
  return { type: 'case', word: wordTok.word, items };
}

/** bash's `function name [()] body`. */
function parseFunctionKeyword(p: Parser): Command {
  const lx = p.lx;
  lx.next();
  const nameTok = lx.next();
  if (nameTok.type !== 'word') return lx.unexpected(nameTok);
  const t = lx.peek();
  if (t.type === 'op' && t.value === '(') {
    lx.next();
    expect(p, ')');
  }
  return p.functionBody(nameTok.raw, nameTok.line);
}
