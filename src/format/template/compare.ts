/** The comparison builtins eq, ne, lt, le, gt, ge with Go's rules and error texts. */
import { kindOf, num } from './values.js';

type Basic = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: unknown): Basic | undefined {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'string' ? k : undefined;
}

const BAD_COMPARISON = 'incompatible types for comparison';
const BAD_TYPE = 'invalid type for comparison';

/** `eq a b c…` is true if a equals any of b, c…; comparing different kinds is an error unless one is missing. */
export function eq(a: unknown, ...others: unknown[]): boolean {
  if (others.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of others) {
    const k2 = basicKind(b);
    let truth: boolean;
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) throw new Error(BAD_COMPARISON);
      truth = false;
    } else if (k1 === undefined) {
      truth = equalNonBasic(a, b);
    } else if (k1 === 'int' || k1 === 'float') {
      truth = num(a) === num(b);
    } else {
      truth = a === b;
    }
    if (truth) return true;
  }
  return false;
}

function equalNonBasic(a: unknown, b: unknown): boolean {
  const isNil = (v: unknown): boolean => v === null || v === undefined;
  if (isNil(a) || isNil(b)) return isNil(a) === isNil(b);
  const ka = kindOf(a);
  if (ka === 'slice' || ka === 'map' || ka === 'func') throw new Error(`non-comparable type ${String(ka)}`);
  return a === b;
}

export function ne(a: unknown, b: unknown): boolean {
  return !eq(a, b);
}

export function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === undefined || k2 === undefined) throw new Error(BAD_TYPE);
  if (k1 !== k2) throw new Error(BAD_COMPARISON);
  if (k1 === 'bool') throw new Error(BAD_TYPE);
  if (k1 === 'string') return (a as string) < (b as string);
  return num(a) < num(b);
}

export function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq(a, b);
}

export function gt(a: unknown, b: unknown): boolean {
  return !le(a, b);
}

export function ge(a: unknown, b: unknown): boolean {
  return !lt(a, b);
}
