import type { ParamPart } from './ast.js';
import { type Expander, expandParts, expandPattern, expandString, ifsOf, type Seg } from './expand.js';
import { fatalCode, prefix, unsetMessage } from './messages.js';
import { replacePattern, trimPattern } from './pattern.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The value of a parameter: a list for `$@` and `$*`, undefined when unset. */
function lookup(x: Expander, name: string): string | string[] | undefined {
  const s = x.state;
  if (name === '@' || name === '*') return s.positional;
  if (name === '#') return String(s.positional.length);
  if (name === '?') return String(s.lastStatus);
  if (name === '$') return String(x.pid());
  if (name === '!') return s.lastBg === undefined ? undefined : String(s.lastBg);
  if (name === '-') return s.flags(x.interactive);
  if (name === '0') return x.argv0;
  if (!s.vars.has(name) && name === 'LINENO' && x.dialect !== 'dash') return String(x.speaker().line);
  if (!s.vars.has(name) && name === 'RANDOM' && x.dialect !== 'dash') return String(x.random());
  if (/^[0-9]+$/.test(name)) return s.positional[Number(name) - 1];
  return s.get(name);
}

function toSegs(x: Expander, name: string, value: string | string[] | undefined, inDq: boolean): Seg[] {
  if (!Array.isArray(value)) return [{ text: value ?? '', quoted: inDq, split: !inDq }];
  if (name === '*' && inDq) {
    const ifs = ifsOf(x);
    return [{ text: value.join(ifs === '' ? '' : ifs[0]), quoted: true, split: false }];
  }
  const segs: Seg[] = [];
  value.forEach((v, i) => {
    if (i > 0) segs.push({ brk: true });
    segs.push({ text: v, quoted: inDq, split: !inDq });
  });
  return segs;
}

function badSubstitution(x: Expander, p: ParamPart): never {
  const s = x.speaker();
  if (x.dialect === 'dash') return x.fatal(`${prefix(s)}Bad substitution`, 2);
  if (x.dialect === 'ash') return x.fatal(`${prefix(s)}syntax error: bad substitution`, 2);
  return x.fatal(`${prefix(s)}\${${p.name}}: bad substitution`, 1);
}

function substring(x: Expander, value: string, offset: bigint, length: bigint | undefined): string {
  const chars = [...value];
  let start = Number(offset);
  if (start < 0) start = Math.max(0, chars.length + start);
  if (length === undefined) return chars.slice(start).join('');
  let end = Number(length);
  end = end < 0 ? chars.length + end : start + end;
  if (end < start) x.fatal(`${prefix(x.speaker())}${length}: substring expression < 0`, 1);
  return chars.slice(start, end).join('');
}

/** `$name`, `${name}` and `${name op word}`. */
export async function expandParam(x: Expander, p: ParamPart, inDq: boolean): Promise<Seg[]> {
  const name = p.name;
  let value = lookup(x, name);
  const list = Array.isArray(value);
  const unset = list ? value!.length === 0 : value === undefined;
  const empty = list ? (value as string[]).join('') === '' : value === '' || value === undefined;
  const op = p.op;
  if (op === 'bad' || !name) return badSubstitution(x, p);
  const guarded = op === '-' || op === ':-' || op === '=' || op === ':=' || op === '+' || op === ':+';
  const nounsetHit = unset && !list && x.state.options.nounset && !guarded && op !== '?' && op !== ':?';
  if (nounsetHit) x.fatal(unsetMessage(x.speaker(), name, 'nounset'), fatalCode(x.speaker()));
  if (p.length) {
    const n = list ? (value as string[]).length : [...((value as string | undefined) ?? '')].length;
    return [{ text: String(n), quoted: inDq, split: !inDq }];
  }
  if (!op) return toSegs(x, name, value, inDq);
  const useArg = op.startsWith(':') ? empty : unset;
  switch (op) {
    case '-':
    case ':-':
      return useArg ? expandParts(x, p.arg!.parts, inDq) : toSegs(x, name, value, inDq);
    case '+':
    case ':+':
      return useArg ? [] : expandParts(x, p.arg!.parts, inDq);
    case '=':
    case ':=': {
      if (!useArg) return toSegs(x, name, value, inDq);
      const v = await expandString(x, p.arg!);
      if (!NAME.test(name)) {
        const s = x.speaker();
        const text =
          x.dialect === 'bash' ? `$${name}: cannot assign in this way` : `${name}: bad variable name`;
        return x.fatal(`${prefix(s)}${text}`, fatalCode(s));
      }
      x.state.set(name, v);
      return [{ text: v, quoted: inDq, split: !inDq }];
    }
    case '?':
    case ':?': {
      if (!useArg) return toSegs(x, name, value, inDq);
      const msg = p.arg?.parts.length ? await expandString(x, p.arg) : undefined;
      const kind = op === ':?' ? 'null' : 'unset';
      return x.fatal(unsetMessage(x.speaker(), name, kind, msg), fatalCode(x.speaker()));
    }
    case ':': {
      const off = x.arith(await expandString(x, p.arg!));
      const len = p.arg2 ? x.arith(await expandString(x, p.arg2)) : undefined;
      value = list ? (value as string[]).join(' ') : ((value as string | undefined) ?? '');
      return toSegs(x, name, substring(x, value, off, len), inDq);
    }
    default:
      break;
  }
  const apply = await transform(x, p);
  value = list ? (value as string[]).map(apply) : apply((value as string | undefined) ?? '');
  return toSegs(x, name, value, inDq);
}

async function transform(x: Expander, p: ParamPart): Promise<(v: string) => string> {
  const op = p.op!;
  if (op === '^' || op === '^^' || op === ',' || op === ',,') {
    const up = op.startsWith('^');
    const conv = (s: string): string => (up ? s.toUpperCase() : s.toLowerCase());
    return (v) => (op.length === 2 ? conv(v) : conv(v.slice(0, 1)) + v.slice(1));
  }
  const pattern = await expandPattern(x, p.arg ?? { parts: [] });
  if (op === '#' || op === '##' || op === '%' || op === '%%') return (v) => trimPattern(v, pattern, op);
  const rep = p.arg2 ? await expandString(x, p.arg2) : '';
  const mode = op as '/' | '//' | '/#' | '/%';
  return (v) => (pattern === '' ? v : replacePattern(v, pattern, rep, mode));
}
