/** Go's predefined template functions: and or not len index slice print printf println eq ne lt le gt ge html js urlquery call. */
import { eq, ge, gt, le, lt, ne } from './compare.js';
import { sprint, sprintf, sprintln } from './fmt.js';
import { type GoSignature, GoTypedInt, goLen, isTrue, kindOf, num, signatureOf, typeName } from './values.js';

export interface FuncEntry {
  sig: GoSignature;
  fn: (...args: never[]) => unknown;
  /** and/or evaluate their arguments lazily; call gets the callee's name. */
  builtin?: boolean;
}

const v1: GoSignature = { params: ['value'] };
const v2: GoSignature = { params: ['value', 'value'] };
const vN: GoSignature = { params: ['value'], variadic: 'value' };
const anyN: GoSignature = { params: [], variadic: 'any' };

function length(v: unknown): number {
  if (v === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (v === null) throw new Error('len of nil pointer');
  const n = goLen(v);
  if (n === undefined) throw new Error(`len of type ${typeName(v)}`);
  return n;
}

function indexArg(i: unknown, cap: number): number {
  const k = kindOf(i);
  if (k === 'invalid' || k === 'nil') throw new Error('cannot index slice/array with nil');
  if (k !== 'int') throw new Error(`cannot index slice/array with type ${typeName(i)}`);
  const x = num(i);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined) throw new Error('index of untyped nil');
  for (const i of indexes) {
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    const k = kindOf(item);
    if (k === 'string' || k === 'slice') {
      const bytes = k === 'string' ? Buffer.from(item as string, 'utf8') : undefined;
      const len = bytes ? bytes.length : (item as unknown[]).length;
      const x = indexArg(i, len);
      if (x === len) throw new Error(`reflect: ${k === 'string' ? 'string' : 'slice'} index out of range`);
      item = bytes ? new GoTypedInt(bytes[x]!, 'uint8') : (item as unknown[])[x];
    } else if (k === 'map') {
      if (i === undefined || i === null) throw new Error('value is nil; should be of type string');
      if (typeof i !== 'string') throw new Error(`value has type ${typeName(i)}; should be string`);
      const m = item as Record<string, unknown>;
      item = Object.hasOwn(m, i) && typeof m[i] !== 'function' ? m[i] : undefined;
    } else {
      throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  let len: number;
  if (k === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    len = Buffer.byteLength(item as string, 'utf8');
  } else if (k === 'slice') {
    len = (item as unknown[]).length;
  } else {
    throw new Error(`can't slice item of type ${typeName(item)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((x, n) => {
    idx[n] = indexArg(x, len);
  });
  if (idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!)
    throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'string')
    return Buffer.from(item as string, 'utf8')
      .subarray(idx[0], idx[1])
      .toString('utf8');
  return (item as unknown[]).slice(idx[0], idx[1]);
}

/** What html, js and urlquery escape: a lone string as is, anything else through Sprint (nil as `<no value>`). */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}

const HTML: Record<string, string> = {
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\0': '\ufffd',
};

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === "'" || ch === '"') out += `\\${ch}`;
    else if ('<>&='.includes(ch) || cp < 0x20) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

function urlQuery(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+');
}

/** `call fn args…`; the executor passes the callee's text first, as Go does for its messages. */
function call(name: string, fn: unknown, ...args: unknown[]): unknown {
  if (fn === undefined || fn === null) throw new Error('call of nil');
  if (typeof fn !== 'function') throw new Error(`non-function ${name} of type ${typeName(fn)}`);
  const sig = signatureOf(fn as (...a: unknown[]) => unknown);
  if (sig.variadic && args.length < sig.params.length) {
    throw new Error(
      `wrong number of args for ${name}: got ${args.length} want at least ${sig.params.length}`,
    );
  }
  if (!sig.variadic && args.length !== sig.params.length) {
    throw new Error(`wrong number of args for ${name}: got ${args.length} want ${sig.params.length}`);
  }
  return (fn as (...a: unknown[]) => unknown)(...args);
}

export const BUILTINS: Record<string, FuncEntry> = {
  and: { sig: vN, fn: () => undefined, builtin: true },
  or: { sig: vN, fn: () => undefined, builtin: true },
  not: { sig: v1, fn: (v: unknown) => !isTrue(v) },
  len: { sig: v1, fn: length },
  index: { sig: vN, fn: index },
  slice: { sig: vN, fn: slice },
  print: { sig: anyN, fn: (...a: unknown[]) => sprint(a) },
  println: { sig: anyN, fn: (...a: unknown[]) => sprintln(a) },
  printf: { sig: { params: ['string'], variadic: 'any' }, fn: (f: string, ...a: unknown[]) => sprintf(f, a) },
  eq: { sig: vN, fn: eq },
  ne: { sig: v2, fn: ne },
  lt: { sig: v2, fn: lt },
  le: { sig: v2, fn: le },
  gt: { sig: v2, fn: gt },
  ge: { sig: v2, fn: ge },
  html: { sig: anyN, fn: (...a: unknown[]) => evalArgs(a).replace(/["'&<>\0]/g, (c) => HTML[c]!) },
  js: { sig: anyN, fn: (...a: unknown[]) => jsEscape(evalArgs(a)) },
  urlquery: { sig: anyN, fn: (...a: unknown[]) => urlQuery(evalArgs(a)) },
  call: { sig: vN, fn: call, builtin: true },
};
