/**
 * Minimal shape checks for documents read back from the state folder: enough to turn a
 * corrupt or foreign file into a clear error instead of a crash deep in the engine.
 */
export type Check<T> = (value: unknown, at: string) => T;

export class SchemaError extends Error {}

const fail = (at: string, want: string): never => {
  throw new SchemaError(`${at || 'document'}: expected ${want}`);
};

export const str: Check<string> = (v, at) => (typeof v === 'string' ? v : fail(at, 'a string'));
export const num: Check<number> = (v, at) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(at, 'a number');
export const bool: Check<boolean> = (v, at) => (typeof v === 'boolean' ? v : fail(at, 'a boolean'));
export const any: Check<unknown> = (v) => v;

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v, at) => (v === undefined ? undefined : check(v, at));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, at) => (v === null ? null : check(v, at));
}

export function array<T>(check: Check<T>): Check<T[]> {
  return (v, at) => {
    if (!Array.isArray(v)) return fail(at, 'an array');
    return v.map((item, i) => check(item, `${at}[${i}]`));
  };
}

export function record<T>(check: Check<T>): Check<Record<string, T>> {
  return (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(at, 'an object');
    const out: Record<string, T> = {};
    for (const [k, item] of Object.entries(v)) out[k] = check(item, `${at}.${k}`);
    return out;
  };
}

/** Checks the listed fields and keeps every other field as it is (documents may grow). */
export function object<T extends object>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(at, 'an object');
    const src = v as Record<string, unknown>;
    for (const [k, check] of Object.entries(fields) as [string, Check<unknown>][]) {
      check(src[k], at ? `${at}.${k}` : k);
    }
    return v as T;
  };
}
