import type { Assign, Command, Redir, RedirOp, Word } from './ast.js';
import { isRedirOp, type Token } from './lexer.js';
import type { Parser } from './parser.js';

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

/** Words, assignments before the first word, and redirections anywhere: a simple command. */
export function parseSimple(p: Parser, first?: Token): Command {
  const line = first?.line ?? p.lx.peek().line;
  const cmd = {
    type: 'simple' as const,
    assigns: [] as Assign[],
    words: [] as Word[],
    redirs: [] as Redir[],
    line,
  };
  const take = (t: Token): void => {
    if (t.type !== 'word') return;
    const assign = cmd.words.length === 0 ? assignment(p, t) : undefined;
    if (assign) cmd.assigns.push(assign);
    else cmd.words.push(t.word);
  };
  if (first) take(first);
  for (;;) {
    const t = p.lx.peek();
    if (t.type === 'op' && isRedirOp(t.value)) cmd.redirs.push(parseRedirect(p));
    else if (t.type === 'word') {
      p.lx.next();
      take(t);
    } else break;
  }
  return cmd;
}

/** `NAME=value` (and bash's `NAME+=value`) where a command's words start. */
function assignment(p: Parser, t: Token & { type: 'word' }): Assign | undefined {
  const [first, ...rest] = t.word.parts;
  if (first?.type !== 'lit' || first.quoted) return undefined;
  const m = ASSIGN.exec(first.value);
  if (!m || (m[2] && p.dialect !== 'bash')) return undefined;
  const head = first.value.slice(m[0].length);
  const parts = head ? [{ ...first, value: head }, ...rest] : rest;
  return { name: m[1]!, value: { parts }, append: m[2] === '+' };
}

export function parseRedirect(p: Parser): Redir {
  const op = p.lx.next() as Token & { type: 'op' };
  const target = p.lx.next();
  if (target.type !== 'word') return p.lx.unexpected(target);
  const redir: Redir = { op: op.value as RedirOp, target: target.word };
  if (op.fd !== undefined) redir.fd = op.fd;
  if (op.value === '<<' || op.value === '<<-') {
    const quoted = /['"\\]/.test(target.raw);
    const delimiter = target.raw.replace(/\\(.)|['"]/gs, '$1');
    redir.heredoc = { body: { parts: [] }, quoted, delimiter };
    p.lx.pending.push(redir);
  }
  return redir;
}
