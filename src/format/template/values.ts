/**
 * How JavaScript data stands for Go values inside templates.
 *
 * - string, boolean: Go string and bool. An integer number is a Go int, any other number a float64;
 *   `GoFloat` boxes a float64 whose value happens to be integral (template literals like `1.0`).
 * - undefined: "no value" (a missing map key; prints `<no value>`). null: a nil pointer (`<nil>`).
 * - arrays: slices (`[]string` when every element is a string, else `[]interface {}`).
 * - plain objects: maps with string keys; function-valued properties act as methods.
 * - "structs": class instances, or plain objects carrying `GO_TYPE`. Data properties are fields,
 *   getters are zero-argument methods, functions are methods. A missing field is an error naming
 *   the type (`GO_TYPE`, e.g. `*formatter.ContainerContext`).
 */

/** Marks an object as a Go struct and names its type for error messages. */
export const GO_TYPE: unique symbol = Symbol.for('dockersim.template.goType');
/** Names the type of a map-like plain object (it keeps map semantics). */
export const GO_MAP_TYPE: unique symbol = Symbol.for('dockersim.template.goMapType');
/** A method returning the object's JSON text (Go's MarshalJSON). */
export const MARSHAL_JSON: unique symbol = Symbol.for('dockersim.template.marshalJSON');
/** Optional Go signature of a function-valued property or template function. */
export const GO_SIGNATURE: unique symbol = Symbol.for('dockersim.template.goSignature');

/** A float64 that must stay a float even when integral (`1.0` prints `1` but `%T` is float64). */
export class GoFloat {
  constructor(readonly value: number) {}
}

export function goFloat(value: number): GoFloat {
  return new GoFloat(value);
}

/** An integer of another Go type than int (`index "abc" 1` is a uint8). */
export class GoTypedInt {
  constructor(
    readonly value: number,
    readonly type: string,
  ) {}
}

/** Parameter types a Go function can declare, enough for the builtins and docker's functions. */
export type GoParam = 'any' | 'value' | 'string' | 'int' | 'bool' | 'float64' | '[]string';

export interface GoSignature {
  params: GoParam[];
  /** Element type of a trailing `...` parameter. */
  variadic?: GoParam;
}

export type Kind =
  | 'invalid'
  | 'nil'
  | 'string'
  | 'bool'
  | 'int'
  | 'float'
  | 'slice'
  | 'map'
  | 'struct'
  | 'func';

export function isStruct(v: object): boolean {
  if (GO_TYPE in v) return true;
  const proto = Object.getPrototypeOf(v);
  return proto !== Object.prototype && proto !== null && !(GO_MAP_TYPE in v);
}

export function kindOf(v: unknown): Kind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'function':
      return 'func';
    case 'object':
      if (v instanceof GoFloat) return 'float';
      if (v instanceof GoTypedInt) return 'int';
      if (Array.isArray(v)) return 'slice';
      return isStruct(v) ? 'struct' : 'map';
    default:
      return 'invalid';
  }
}

/** The numeric value of an int or float. */
export function num(v: unknown): number {
  if (v instanceof GoFloat || v instanceof GoTypedInt) return v.value;
  return Number(v);
}

function isStringSlice(v: unknown[]): boolean {
  return v.every((e) => typeof e === 'string');
}

/** Go's name for the value's type, as `%T` and error messages print it. */
export function typeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return '<nil>';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return v instanceof GoTypedInt ? v.type : 'int';
    case 'float':
      return 'float64';
    case 'func':
      return 'func(...interface {}) interface {}';
    case 'slice':
      return isStringSlice(v as unknown[]) ? '[]string' : '[]interface {}';
    case 'map':
      return (v as { [GO_MAP_TYPE]?: string })[GO_MAP_TYPE] ?? 'map[string]interface {}';
    default: {
      const named = (v as { [GO_TYPE]?: string })[GO_TYPE];
      return named ?? `*${(v as object).constructor?.name ?? 'struct'}`;
    }
  }
}

/** Keys of a map value in Go's order (sorted), leaving out methods and absent values. */
export function mapKeys(m: object): string[] {
  return Object.keys(m)
    .filter((k) => {
      const v = (m as Record<string, unknown>)[k];
      return v !== undefined && typeof v !== 'function';
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Fields of a struct value, in declaration order (own enumerable data properties). */
export function structFields(s: object): [string, unknown][] {
  return Object.entries(s).filter(([, v]) => typeof v !== 'function');
}

/** Go's truth: non-zero numbers, non-empty strings/slices/maps, true, non-nil pointers and funcs. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'string':
      return (v as string).length > 0;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float':
      return num(v) !== 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return mapKeys(v as object).length > 0;
    default:
      return true;
  }
}

/** Length in Go terms: strings count UTF-8 bytes. */
export function goLen(v: unknown): number | undefined {
  switch (kindOf(v)) {
    case 'string':
      return Buffer.byteLength(v as string, 'utf8');
    case 'slice':
      return (v as unknown[]).length;
    case 'map':
      return mapKeys(v as object).length;
    default:
      return undefined;
  }
}

/** Names an object never treats as a field: JavaScript's own plumbing. */
const HIDDEN = new Set(Object.getOwnPropertyNames(Object.prototype));

/** How a struct or map answers to `.Name`. */
export type Member =
  | { kind: 'method'; fn: (...args: unknown[]) => unknown; sig: GoSignature }
  | { kind: 'getter' }
  | { kind: 'field' }
  | { kind: 'none' };

function findDescriptor(obj: object, name: string): PropertyDescriptor | undefined {
  for (let o: object | null = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return d;
  }
  return undefined;
}

/** The Go signature of a JavaScript function: declared via GO_SIGNATURE, else `fn.length` any-typed params. */
export function signatureOf(fn: (...args: unknown[]) => unknown): GoSignature {
  const declared = (fn as { [GO_SIGNATURE]?: GoSignature })[GO_SIGNATURE];
  if (declared) return declared;
  return { params: Array.from({ length: fn.length }, () => 'any' as const) };
}

export function lookupMember(obj: object, name: string): Member {
  if (HIDDEN.has(name)) return { kind: 'none' };
  const d = findDescriptor(obj, name);
  if (!d) return { kind: 'none' };
  if (d.get) return { kind: 'getter' };
  if (typeof d.value === 'function') {
    const fn = d.value as (...args: unknown[]) => unknown;
    return { kind: 'method', fn: fn.bind(obj), sig: signatureOf(fn) };
  }
  return { kind: 'field' };
}

/** Attaches a Go signature to a function (for typed parameters and Go's argument errors). */
export function withSignature<F extends (...args: never[]) => unknown>(sig: GoSignature, fn: F): F {
  Object.defineProperty(fn, GO_SIGNATURE, { value: sig });
  return fn;
}
