import { prefix } from '../messages.js';
import { resolvePath } from '../path.js';
import type { ShellFs } from '../types.js';
import type { Call } from './call.js';

class TestError {
  constructor(
    readonly kind: 'number' | 'missing' | 'unary' | 'binary' | 'argument',
    readonly token: string,
  ) {}
}

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-z',
  '-n',
  '-x',
  '-r',
  '-w',
  '-s',
  '-L',
  '-h',
  '-b',
  '-c',
  '-p',
  '-S',
  '-t',
  '-g',
  '-u',
  '-k',
]);
const BINARY = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

/** File and string tests shared by `test` and `[[ ]]`; the current user is root, who may read and write anything. */
export function unaryTest(fs: ShellFs, cwd: string, op: string, arg: string): boolean {
  if (op === '-z') return arg === '';
  if (op === '-n') return arg !== '';
  if (op === '-t') return false;
  const st = arg === '' ? undefined : fs.stat(resolvePath(cwd, arg));
  switch (op) {
    case '-e':
    case '-a':
    case '-r':
    case '-w':
      return st !== undefined;
    case '-f':
      return st?.type === 'file';
    case '-d':
      return st?.type === 'dir';
    case '-L':
    case '-h':
      return st?.type === 'symlink';
    case '-s':
      return (st?.size ?? 0) > 0;
    case '-x':
      return st !== undefined && (st.type === 'dir' || (st.mode & 0o111) !== 0);
    case '-u':
      return st !== undefined && (st.mode & 0o4000) !== 0;
    case '-g':
      return st !== undefined && (st.mode & 0o2000) !== 0;
    case '-k':
      return st !== undefined && (st.mode & 0o1000) !== 0;
    default:
      return false;
  }
}

function integer(s: string): bigint {
  const t = s.trim();
  if (!/^[-+]?[0-9]+$/.test(t)) throw new TestError('number', s);
  return BigInt(t);
}

export function compareNumbers(op: string, a: bigint, b: bigint): boolean {
  const table: Record<string, boolean> = {
    '-eq': a === b,
    '-ne': a !== b,
    '-lt': a < b,
    '-le': a <= b,
    '-gt': a > b,
    '-ge': a >= b,
  };
  return table[op] ?? false;
}

export function binaryTest(op: string, a: string, b: string): boolean {
  if (op === '=' || op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (op === '-nt' || op === '-ot' || op === '-ef') return false;
  return compareNumbers(op, integer(a), integer(b));
}

/** POSIX `test`: decided by the number of arguments first, then a small grammar with -a, -o, !, ( ). */
function evalArgs(c: Call, args: string[]): boolean {
  const fs = c.ip.fs;
  const cwd = c.state.cwd;
  const n = args.length;
  if (n === 0) return false;
  if (n === 1) return args[0] !== '';
  if (n === 2) {
    if (args[0] === '!') return args[1] === '';
    if (UNARY.has(args[0]!)) return unaryTest(fs, cwd, args[0]!, args[1]!);
    // busybox names the second word, bash and dash the first.
    throw new TestError('unary', c.dialect === 'ash' ? args[1]! : args[0]!);
  }
  if (n === 3) {
    if (BINARY.has(args[1]!)) return binaryTest(args[1]!, args[0]!, args[2]!);
    if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
    if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
    if (args[0] === '!') return !evalArgs(c, args.slice(1));
    if (args[0] === '(' && args[2] === ')') return args[1] !== '';
    if (UNARY.has(args[1]!) || BINARY.has(args[0]!)) throw new TestError('argument', args[1]!);
    throw new TestError('binary', args[1]!);
  }
  if (n === 4 && args[0] === '!') return !evalArgs(c, args.slice(1));
  if (n === 4 && args[0] === '(' && args[3] === ')') return evalArgs(c, args.slice(1, 3));
  let pos = 0;
  const or = (): boolean => {
    let v = and();
    while (args[pos] === '-o') {
      pos++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (args[pos] === '-a') {
      pos++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (args[pos] === '!') {
      pos++;
      return !not();
    }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[pos];
    if (a === undefined) throw new TestError('argument', args[pos - 1] ?? '');
    if (a === '(') {
      pos++;
      const v = or();
      if (args[pos++] !== ')') throw new TestError('missing', ')');
      return v;
    }
    if (BINARY.has(args[pos + 1] ?? '') && args[pos + 2] !== undefined) {
      pos += 3;
      return binaryTest(args[pos - 2]!, a, args[pos - 1]!);
    }
    if (UNARY.has(a) && args[pos + 1] !== undefined) {
      pos += 2;
      return unaryTest(fs, cwd, a, args[pos - 1]!);
    }
    pos++;
    return a !== '';
  };
  const v = or();
  if (pos < n) throw new TestError('binary', args[pos]!);
  return v;
}

function message(c: Call, e: TestError): string {
  const p = prefix(c.ip.speaker(), c.dialect === 'ash' ? undefined : c.name);
  const t = e.token;
  if (c.dialect === 'bash') {
    const texts = {
      number: `${t}: integer expression expected`,
      missing: "missing `]'",
      unary: `${t}: unary operator expected`,
      binary: `${t}: binary operator expected`,
      argument: `${t}: unary operator expected`,
    };
    return p + texts[e.kind];
  }
  const texts =
    c.dialect === 'dash'
      ? {
          number: `Illegal number: ${t}`,
          missing: 'missing ]',
          unary: `${t}: unexpected operator`,
          binary: `${t}: unexpected operator`,
          argument: `${t}: argument expected`,
        }
      : {
          number: `${t}: bad number`,
          missing: 'missing ]',
          unary: `${t}: unknown operand`,
          binary: `${t}: unknown operand`,
          argument: `${t}: argument expected`,
        };
  return p + texts[e.kind];
}

/** `test EXPR` and `[ EXPR ]`: 0 true, 1 false, 2 on a usage error. */
export function test(c: Call): number {
  let args = c.args;
  try {
    if (c.name === '[') {
      if (args[args.length - 1] !== ']') throw new TestError('missing', ']');
      args = args.slice(0, -1);
    }
    return evalArgs(c, args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    c.ip.error(c.io, message(c, e));
    return 2;
  }
}
