import type { List, Word, WordPart } from './ast.js';
import { braceExpand } from './braces.js';
import { glob } from './glob.js';
import type { Speaker } from './messages.js';
import { expandParam } from './params.js';
import { hasGlob, quotePattern } from './pattern.js';
import type { ShellState } from './state.js';
import type { Dialect, ShellFs } from './types.js';

/** What expansion needs from the interpreter. */
export interface Expander {
  readonly dialect: Dialect;
  readonly state: ShellState;
  readonly fs: ShellFs;
  readonly argv0: string;
  readonly interactive: boolean;
  pid(): number;
  random(): number;
  speaker(): Speaker;
  /** Runs `$(…)` and returns its output (trailing newlines are removed here). */
  cmdSub(body: List): Promise<string>;
  /** Evaluates expanded arithmetic text, or prints the error and throws a FatalError. */
  arith(expr: string): bigint;
  /** Prints a message on the current stderr and throws a FatalError. */
  fatal(message: string, code: number): never;
}

/**
 * A piece of an expanded word: literal or quoted text, or the result of an unquoted expansion
 * (`split`), which field splitting may cut. `brk` separates the words of "$@".
 */
export type Seg = { text: string; quoted: boolean; split: boolean } | { brk: true };

const DEFAULT_IFS = ' \t\n';

export const ifsOf = (x: Expander): string => x.state.get('IFS') ?? DEFAULT_IFS;

function tilde(x: Expander, parts: WordPart[], assignment: boolean): WordPart[] {
  const first = parts[0];
  if (first?.type !== 'lit' || first.quoted) return parts;
  // bash also expands `~` after the `=` of an argument that looks like an assignment (`a=~/x`).
  const eq = x.dialect === 'bash' && !assignment ? /^[A-Za-z_][A-Za-z0-9_]*=(?=~)/.exec(first.value) : null;
  if (eq) {
    const rest = tilde(x, [{ ...first, value: first.value.slice(eq[0].length) }, ...parts.slice(1)], true);
    return [{ type: 'lit', value: eq[0], quoted: false }, ...rest];
  }
  if (!first.value.startsWith('~')) return parts;
  const pieces = assignment ? first.value.split(':') : [first.value];
  const home = (user: string): string | undefined => {
    if (user === '') return x.state.get('HOME');
    if (user === '+') return x.state.cwd;
    if (user === '-') return x.state.get('OLDPWD');
    return user === 'root' ? '/root' : undefined;
  };
  const mapped = pieces.map((piece, i) => {
    if (!piece.startsWith('~')) return piece;
    const slash = piece.indexOf('/');
    const end = slash < 0 ? piece.length : slash;
    // `~` followed by more of the word (quoted text, `$x`) is not a tilde prefix.
    if (slash < 0 && i === pieces.length - 1 && parts.length > 1) return piece;
    const dir = home(piece.slice(1, end));
    return dir === undefined ? piece : dir + piece.slice(end);
  });
  const value = mapped.join(':');
  return value === first.value ? parts : [{ type: 'lit', value, quoted: true }, ...parts.slice(1)];
}

export async function expandParts(x: Expander, parts: WordPart[], inDq: boolean): Promise<Seg[]> {
  const segs: Seg[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'lit':
        segs.push({ text: part.value, quoted: part.quoted || inDq, split: false });
        break;
      case 'dq': {
        const inner = await expandParts(x, part.parts, true);
        const onlyAt = inner.length === 0 && part.parts.some((p) => p.type === 'param' && p.name === '@');
        if (!onlyAt) segs.push({ text: '', quoted: true, split: false });
        segs.push(...inner);
        break;
      }
      case 'param':
        segs.push(...(await expandParam(x, part, inDq)));
        break;
      case 'cmdsub': {
        const text = (await x.cmdSub(part.body)).replace(/\n+$/, '');
        segs.push({ text, quoted: inDq, split: !inDq });
        break;
      }
      case 'arith': {
        const value = x.arith(await expandString(x, part.expr));
        segs.push({ text: String(value), quoted: inDq, split: !inDq });
        break;
      }
    }
  }
  return segs;
}

/** Cuts unquoted expansion results at IFS characters (POSIX 2.6.5). */
function ifsSplit(text: string, ifs: string): { pieces: string[]; lead: boolean; trail: boolean } {
  const ws = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  let i = 0;
  while (i < text.length && ws.includes(text[i]!)) i++;
  const lead = i > 0;
  if (i >= text.length) return { pieces: [], lead, trail: lead };
  const pieces: string[] = [];
  let cur = '';
  let trail = false;
  while (i < text.length) {
    const c = text[i]!;
    if (!ifs.includes(c)) {
      cur += c;
      i++;
      continue;
    }
    pieces.push(cur);
    cur = '';
    while (i < text.length && ws.includes(text[i]!)) i++;
    if (i < text.length && ifs.includes(text[i]!) && !ws.includes(text[i]!)) {
      i++;
      while (i < text.length && ws.includes(text[i]!)) i++;
    }
    if (i >= text.length) trail = true;
  }
  if (!trail) pieces.push(cur);
  return { pieces, lead, trail };
}

type Chunk = { text: string; quoted: boolean };

function fields(segs: Seg[], ifs: string): Chunk[][] {
  const out: Chunk[][] = [];
  let cur: Chunk[] = [];
  let keep = false;
  const finish = (force: boolean): void => {
    if (force || keep || cur.some((c) => c.text !== '')) out.push(cur);
    cur = [];
    keep = false;
  };
  for (const seg of segs) {
    if ('brk' in seg) finish(false);
    else if (!seg.split || ifs === '') {
      cur.push({ text: seg.text, quoted: seg.quoted });
      if (seg.quoted) keep = true;
    } else {
      const { pieces, lead, trail } = ifsSplit(seg.text, ifs);
      if (lead) finish(false);
      pieces.forEach((piece, i) => {
        if (i > 0) finish(true);
        cur.push({ text: piece, quoted: false });
      });
      if (trail && pieces.length) finish(true);
    }
  }
  finish(false);
  return out;
}

/** Expands command words: fields, split on IFS, then pathname expansion. */
export async function expandFields(x: Expander, words: Word[]): Promise<string[]> {
  const out: string[] = [];
  for (const word of x.dialect === 'bash' ? words.flatMap(braceExpand) : words) {
    const segs = await expandParts(x, tilde(x, word.parts, false), false);
    for (const field of fields(segs, ifsOf(x))) {
      const pattern = field.map((c) => (c.quoted ? quotePattern(c.text) : c.text)).join('');
      const matches =
        !x.state.options.noglob && hasGlob(pattern)
          ? glob(x.fs, x.state.cwd, pattern, x.dialect !== 'bash')
          : [];
      if (matches.length) out.push(...matches);
      else out.push(field.map((c) => c.text).join(''));
    }
  }
  return out;
}

function joinSegs(segs: Seg[], quoteForPattern: boolean): string {
  return segs
    .map((s) => ('brk' in s ? ' ' : quoteForPattern && s.quoted ? quotePattern(s.text) : s.text))
    .join('');
}

/** One string, not split or globbed: assignments, redirection targets, `case` words, here-documents. */
export async function expandString(x: Expander, word: Word, assignment = false): Promise<string> {
  return joinSegs(await expandParts(x, tilde(x, word.parts, assignment), false), false);
}

/** A pattern: quoted parts are escaped so they match literally (`case`, `${x%…}`, `[[ == ]]`). */
export async function expandPattern(x: Expander, word: Word): Promise<string> {
  return joinSegs(await expandParts(x, tilde(x, word.parts, false), false), true);
}
