/** Values and operators of the one-liner evaluator (tiny-eval.ts), with each language's rules. */
export type Lang = 'js' | 'py';
export type Value = number | bigint | string | boolean | null | undefined;

/** A Python exception (`ZeroDivisionError: division by zero`). */
export class PyError extends Error {
  constructor(
    readonly type: string,
    readonly detail: string,
  ) {
    super(`${type}: ${detail}`);
  }
}

export class Unsupported extends Error {}

export function binary(op: string, a: Value, b: Value, lang: Lang): Value {
  if (lang === 'js') {
    if (op === '+' && (typeof a === 'string' || typeof b === 'string'))
      return `${show(a, lang)}${show(b, lang)}`;
    const x = Number(a);
    const y = Number(b);
    return (
      (
        { '+': x + y, '-': x - y, '*': x * y, '/': x / y, '%': x % y, '**': x ** y } as Record<string, number>
      )[op] ?? unsupported()
    );
  }
  if (typeof a === 'string' || typeof b === 'string') {
    if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
    if (op === '*' && typeof a === 'string' && typeof b === 'bigint') return a.repeat(Math.max(0, Number(b)));
    if (op === '+' && typeof a === 'string')
      throw new PyError('TypeError', `can only concatenate str (not "${pyType(b)}") to str`);
    throw new PyError(
      'TypeError',
      `unsupported operand type(s) for ${op}: '${pyType(a)}' and '${pyType(b)}'`,
    );
  }
  const ints = typeof a !== 'number' && typeof b !== 'number';
  if ((op === '/' || op === '//' || op === '%') && Number(b) === 0) {
    throw new PyError(
      'ZeroDivisionError',
      op === '/' ? 'division by zero' : 'integer division or modulo by zero',
    );
  }
  if (ints && op !== '/') {
    const x = BigInt(a as bigint | boolean);
    const y = BigInt(b as bigint | boolean);
    if (op === '**' && y < 0n) return Number(x) ** Number(y);
    const mod = ((x % y) + y) % y;
    return (
      {
        '+': x + y,
        '-': x - y,
        '*': x * y,
        '//': (x - mod) / y,
        '%': mod,
        '**': op === '**' ? x ** y : 0n,
      } as Record<string, bigint>
    )[op]!;
  }
  const x = Number(a);
  const y = Number(b);
  return (
    {
      '+': x + y,
      '-': x - y,
      '*': x * y,
      '/': x / y,
      '//': Math.floor(x / y),
      '%': ((x % y) + y) % y,
      '**': x ** y,
    } as Record<string, number>
  )[op]!;
}

function unsupported(): never {
  throw new Unsupported();
}

function pyType(v: Value): string {
  return typeof v === 'bigint'
    ? 'int'
    : typeof v === 'number'
      ? 'float'
      : typeof v === 'boolean'
        ? 'bool'
        : v === null
          ? 'NoneType'
          : 'str';
}

/** How print() / console.log show a value. */
export function show(v: Value, lang: Lang): string {
  if (lang === 'py') {
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    if (v === null || v === undefined) return 'None';
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return 'nan';
      if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
      return Number.isInteger(v) && Math.abs(v) < 1e16
        ? `${v}.0`
        : String(v).replace(/e\+?/, 'e+').replace('e+-', 'e-');
    }
    return String(v);
  }
  if (Object.is(v, -0)) return '-0';
  return String(v);
}
