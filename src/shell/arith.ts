import { ArithError, ArithParser, type Node, parseNumber, wrap } from './arith-parse.js';

export { ArithError, parseNumber } from './arith-parse.js';

/**
 * Shell arithmetic, `$((…))`, `((…))` and `let`: C's integer operators on 64-bit signed values.
 * dash knows only the POSIX subset (no `**`, `++`, `--` or `,`; variables must hold numbers).
 */
export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** dash's POSIX-only arithmetic. */
  posix?: boolean;
}

function readVar(env: ArithEnv, name: string, depth: number): bigint {
  const value = env.get(name) ?? '';
  if (value.trim() === '') return 0n;
  const n = parseNumber(value, env.posix);
  if (n !== undefined) return n;
  if (env.posix || depth > 20) throw new ArithError('number', value, value);
  return evaluate(value, env, depth + 1);
}

function apply(op: string, a: bigint, b: bigint, expr: string): bigint {
  switch (op) {
    case '+':
      return wrap(a + b);
    case '-':
      return wrap(a - b);
    case '*':
      return wrap(a * b);
    case '/':
    case '%':
      if (b === 0n) throw new ArithError('div0', expr, '0');
      return wrap(op === '/' ? a / b : a % b);
    case '**':
      if (b < 0n) throw new ArithError('syntax', expr, String(b));
      return wrap(a ** b);
    case '<<':
      return wrap(a << (b & 63n));
    case '>>':
      return a >> (b & 63n);
    case '<':
      return a < b ? 1n : 0n;
    case '<=':
      return a <= b ? 1n : 0n;
    case '>':
      return a > b ? 1n : 0n;
    case '>=':
      return a >= b ? 1n : 0n;
    case '==':
      return a === b ? 1n : 0n;
    case '!=':
      return a !== b ? 1n : 0n;
    case '&':
      return a & b;
    case '^':
      return a ^ b;
    case '|':
      return a | b;
    default:
      return b;
  }
}

function run(node: Node, env: ArithEnv, expr: string, depth: number): bigint {
  switch (node.t) {
    case 'num':
      return node.v;
    case 'var':
      return readVar(env, node.name, depth);
    case 'un': {
      const a = run(node.a, env, expr, depth);
      if (node.op === '-') return wrap(-a);
      if (node.op === '!') return a === 0n ? 1n : 0n;
      if (node.op === '~') return ~a;
      return a;
    }
    case 'incr': {
      const old = readVar(env, node.name, depth);
      const now = wrap(node.op === '++' ? old + 1n : old - 1n);
      env.set(node.name, String(now));
      return node.prefix ? now : old;
    }
    case 'assign': {
      const b = run(node.b, env, expr, depth);
      const v = node.op === '=' ? b : apply(node.op.slice(0, -1), readVar(env, node.name, depth), b, expr);
      env.set(node.name, String(v));
      return v;
    }
    case 'cond':
      return run(node.c, env, expr, depth) !== 0n
        ? run(node.a, env, expr, depth)
        : run(node.b, env, expr, depth);
    case 'bin': {
      const a = run(node.a, env, expr, depth);
      if (node.op === '&&') return a !== 0n && run(node.b, env, expr, depth) !== 0n ? 1n : 0n;
      if (node.op === '||') return a !== 0n || run(node.b, env, expr, depth) !== 0n ? 1n : 0n;
      return apply(node.op, a, run(node.b, env, expr, depth), expr);
    }
  }
}

/** Evaluates an (already expanded) arithmetic expression; an empty one is 0. Throws ArithError. */
export function evaluate(expr: string, env: ArithEnv, depth = 0): bigint {
  const node = new ArithParser(expr, env.posix ?? false).parse();
  return node ? run(node, env, expr.trim(), depth) : 0n;
}
