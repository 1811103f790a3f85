import type { Expr, LValue } from './ast.js';
import { assignTo, evaluate } from './eval.js';
import { AwkRuntimeError, type Interp } from './interp.js';
import { dynamicRegex, splitFields } from './record.js';
import { fromInput, sprintf, toNum, type Value } from './values.js';

/** A regex operand: a literal `/re/`, or any value used as a dynamic ERE. */
export function regexOf(ip: Interp, e: Expr, global = false): RegExp {
  if (e.k === 'regex') return dynamicRegex(e.src, global);
  return dynamicRegex(ip.str(evaluate(ip, e)), global);
}

function lvalue(e: Expr | undefined): LValue {
  const target = e ?? { k: 'field', e: { k: 'num', v: 0 } };
  if (target.k !== 'var' && target.k !== 'field' && target.k !== 'index')
    throw new AwkRuntimeError('sub/gsub: third argument is not a variable');
  return target;
}

/** sub/gsub replacement text: `&` is the match, `\&` a literal ampersand, `\\` a backslash. */
function replacement(rep: string, match: string): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const ch = rep[i]!;
    if (ch === '\\' && (rep[i + 1] === '&' || rep[i + 1] === '\\')) out += rep[++i];
    else out += ch === '&' ? match : ch;
  }
  return out;
}

function substitute(ip: Interp, args: Expr[], global: boolean): number {
  const re = regexOf(ip, args[0]!, true);
  const rep = ip.str(evaluate(ip, args[1]!));
  const target = lvalue(args[2]);
  let count = 0;
  assignTo(ip, target, (old) => {
    const text = ip.str(old);
    const result = text.replace(re, (m) => {
      if (!global && count > 0) return m;
      count++;
      return replacement(rep, m);
    });
    return count > 0 ? result : old;
  });
  return count;
}

function substr(s: string, m: number, n: number | undefined): string {
  let start = Math.round(m);
  let len = n === undefined ? Number.POSITIVE_INFINITY : Math.round(n);
  if (Number.isNaN(start)) start = 1;
  if (start < 1) {
    len += start - 1;
    start = 1;
  }
  if (!(len > 0)) return '';
  return s.substr(start - 1, len === Number.POSITIVE_INFINITY ? undefined : len);
}

/** mulberry32: what `rand()` uses after `srand(seed)`, so seeded runs repeat. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function callBuiltin(ip: Interp, name: string, args: Expr[]): Value {
  const num = (i: number): number => toNum(evaluate(ip, args[i]!));
  const str = (i: number): string => ip.str(evaluate(ip, args[i]!));
  switch (name) {
    case 'length': {
      const a = args[0];
      if (!a) return ip.str(ip.getField(0)).length;
      if (a.k === 'var' && ip.isArrayName(a.name)) return ip.getArray(a.name).size;
      return [...str(0)].length;
    }
    case 'substr':
      return substr(str(0), num(1), args[2] ? num(2) : undefined);
    case 'index': {
      const i = str(0).indexOf(str(1));
      return i + 1;
    }
    case 'split': {
      const target = args[1];
      if (target?.k !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
      const text = str(0);
      const sep = args[2] ? (args[2].k === 'regex' ? args[2].src : str(2)) : ip.str(ip.getVar('FS'));
      const parts =
        args[2]?.k === 'regex' && text !== '' ? text.split(dynamicRegex(sep, true)) : splitFields(text, sep);
      const arr = ip.getArray(target.name);
      arr.clear();
      parts.forEach((p, i) => {
        arr.set(String(i + 1), fromInput(p));
      });
      return parts.length;
    }
    case 'sub':
      return substitute(ip, args, false);
    case 'gsub':
      return substitute(ip, args, true);
    case 'match': {
      const m = regexOf(ip, args[1]!).exec(str(0));
      ip.setVar('RSTART', m ? m.index + 1 : 0);
      ip.setVar('RLENGTH', m ? m[0].length : -1);
      return m ? m.index + 1 : 0;
    }
    case 'sprintf':
      if (args.length === 0) throw new AwkRuntimeError('sprintf: no format');
      return sprintf(
        str(0),
        args.slice(1).map((a) => evaluate(ip, a)),
      );
    case 'tolower':
      return str(0).toLowerCase();
    case 'toupper':
      return str(0).toUpperCase();
    case 'int':
      return Math.trunc(num(0));
    case 'sqrt':
      return Math.sqrt(num(0));
    case 'exp':
      return Math.exp(num(0));
    case 'log':
      return Math.log(num(0));
    case 'sin':
      return Math.sin(num(0));
    case 'cos':
      return Math.cos(num(0));
    case 'atan2':
      return Math.atan2(num(0), num(1));
    case 'rand':
      return ip.seeded ? ip.seeded() : ip.host.random();
    case 'srand': {
      const previous = ip.seed;
      ip.seed = args[0] ? num(0) : 0;
      ip.seeded = seededRandom(ip.seed);
      return previous;
    }
    case 'close':
    case 'fflush':
      return 0;
    case 'system':
      // Running a command needs the shell, which a synchronous interpreter cannot wait for.
      ip.host.err('system(): running commands from awk is not simulated\n');
      return -1;
    default:
      throw new AwkRuntimeError(`function ${name} never defined`);
  }
}
