import type { ParamOp, ParamPart, WordPart } from './ast.js';
import type { Lexer } from './lexer.js';
import { NAME_CHAR, NAME_START, readParts, SPECIAL } from './words.js';

/** bash's (and busybox's) `$'…'`: C escapes in single quotes. */
export function readAnsiC(lx: Lexer): WordPart {
  lx.advance(2);
  let out = '';
  for (;;) {
    const c = lx.ch();
    if (c === '') lx.fail({ kind: 'unterminated', quote: "'" });
    lx.advance();
    if (c === "'") break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = lx.ch();
    lx.advance();
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      e: '\x1b',
      f: '\f',
      v: '\v',
    };
    if (e in simple) out += simple[e];
    else if (e === 'x' || /[0-7]/.test(e)) {
      const re = e === 'x' ? /^[0-9a-fA-F]{1,2}/ : /^[0-7]{0,2}/;
      const m = re.exec(lx.src.slice(lx.pos))![0];
      lx.advance(m.length);
      out += String.fromCharCode(e === 'x' ? Number.parseInt(m || '0', 16) : Number.parseInt(e + m, 8));
    } else out += e;
  }
  return { type: 'lit', value: out, quoted: true };
}

const OPS = ':- := :+ :? - = + ? ## # %% % // /# /% /'.split(' ') as ParamOp[];
const BASH_OPS: ParamOp[] = ['^^', '^', ',,', ','];

export function readBraced(lx: Lexer, inDq: boolean): ParamPart {
  const line = lx.line;
  lx.advance(2);
  const part: ParamPart = { type: 'param', name: '' };
  if (lx.ch() === '#' && lx.ch(1) !== '}' && (NAME_CHAR.test(lx.ch(1)) || SPECIAL.has(lx.ch(1)))) {
    part.length = true;
    lx.advance();
  }
  if (NAME_START.test(lx.ch())) {
    while (NAME_CHAR.test(lx.ch())) {
      part.name += lx.ch();
      lx.advance();
    }
  } else if (/[0-9]/.test(lx.ch())) {
    while (/[0-9]/.test(lx.ch())) {
      part.name += lx.ch();
      lx.advance();
    }
  } else if (SPECIAL.has(lx.ch())) {
    part.name = lx.ch();
    lx.advance();
  }
  const close = (): ParamPart => {
    if (lx.ch() !== '}') lx.fail({ kind: 'missing', closing: '}', line });
    lx.advance();
    return part;
  };
  if (lx.ch() === '}' && part.name) return close();
  const extra = lx.dialect === 'dash' ? [] : lx.dialect === 'bash' ? BASH_OPS : [];
  const op =
    part.name && !part.length ? [...OPS, ...extra].find((o) => lx.src.startsWith(o, lx.pos)) : undefined;
  const bashOnly = op === '/' || op === '//' || op === '/#' || op === '/%';
  if (op && !(bashOnly && lx.dialect === 'dash')) {
    part.op = op;
    lx.advance(op.length);
    const mode = inDq ? 'paramdq' : 'param';
    if (op.startsWith('/')) {
      part.arg = { parts: readParts(lx, mode, '/}') };
      if (lx.ch() === '/') {
        lx.advance();
        part.arg2 = { parts: readParts(lx, mode, '}') };
      }
    } else part.arg = { parts: readParts(lx, mode, '}') };
    return close();
  }
  if (lx.ch() === ':' && part.name && !part.length && lx.dialect !== 'dash') {
    lx.advance();
    part.op = ':';
    part.arg = { parts: readParts(lx, 'paramdq', ':}') };
    if (lx.ch() === ':') {
      lx.advance();
      part.arg2 = { parts: readParts(lx, 'paramdq', '}') };
    }
    return close();
  }
  // Something this dialect cannot expand: it fails when (and only if) it is expanded.
  part.op = 'bad';
  while (lx.ch() !== '}') {
    if (lx.eof) lx.fail({ kind: 'missing', closing: '}', line });
    lx.advance();
  }
  return close();
}
