import type { Expr, LValue } from './ast.js';
import { callBuiltin, regexOf } from './builtins.js';
import { execBlock, ReturnSignal } from './exec.js';
import { AwkRuntimeError, type Interp } from './interp.js';
import { RecordReader } from './record.js';
import { compare, toBool, toNum, type Value } from './values.js';

export function truth(ip: Interp, e: Expr): boolean {
  return toBool(evaluate(ip, e));
}

export function subscript(ip: Interp, subs: Expr[]): string {
  return subs.map((s) => ip.str(evaluate(ip, s))).join(ip.str(ip.getVar('SUBSEP')));
}

function read(ip: Interp, target: LValue): Value {
  if (target.k === 'var') return ip.getVar(target.name);
  if (target.k === 'field') return ip.getField(Math.trunc(toNum(evaluate(ip, target.e))));
  // Referencing an element creates it (uninitialized), as in every awk.
  const arr = ip.getArray(target.name);
  const key = subscript(ip, target.subs);
  if (!arr.has(key)) arr.set(key, undefined);
  return arr.get(key);
}

/** Assigns through an lvalue; the field index or subscript is evaluated once. */
export function assignTo(ip: Interp, target: LValue, compute: (old: Value) => Value): Value {
  if (target.k === 'var') {
    const v = compute(ip.getVar(target.name));
    ip.setVar(target.name, v);
    return v;
  }
  if (target.k === 'field') {
    const i = Math.trunc(toNum(evaluate(ip, target.e)));
    const v = compute(ip.getField(i));
    ip.setField(i, v);
    return v;
  }
  const arr = ip.getArray(target.name);
  const key = subscript(ip, target.subs);
  const v = compute(arr.get(key));
  arr.set(key, v);
  return v;
}

function arithmetic(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new AwkRuntimeError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new AwkRuntimeError('division by zero in %');
      return a % b;
    default:
      return a ** b;
  }
}

export function evaluate(ip: Interp, e: Expr): Value {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'str':
      return e.v;
    case 'regex':
      return regexOf(ip, e).test(ip.str(ip.getField(0))) ? 1 : 0;
    case 'group':
      return evaluate(ip, e.e);
    case 'var':
      return ip.getVar(e.name);
    case 'field':
    case 'index':
      return read(ip, e);
    case 'assign': {
      const value = evaluate(ip, e.e);
      if (e.op === '=') return assignTo(ip, e.target, () => value);
      return assignTo(ip, e.target, (old) => arithmetic(e.op[0]!, toNum(old), toNum(value)));
    }
    case 'cond':
      return truth(ip, e.c) ? evaluate(ip, e.a) : evaluate(ip, e.b);
    case 'or':
      return truth(ip, e.a) || truth(ip, e.b) ? 1 : 0;
    case 'and':
      return truth(ip, e.a) && truth(ip, e.b) ? 1 : 0;
    case 'in':
      return ip.getArray(e.name).has(subscript(ip, e.subs)) ? 1 : 0;
    case 'match': {
      const hit = regexOf(ip, e.re).test(ip.str(evaluate(ip, e.a)));
      return hit !== e.neg ? 1 : 0;
    }
    case 'concat':
      return ip.str(evaluate(ip, e.a)) + ip.str(evaluate(ip, e.b));
    case 'bin': {
      const a = evaluate(ip, e.a);
      const b = evaluate(ip, e.b);
      if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) {
        const c = compare(a, b, ip.convfmt);
        const r = { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 }[e.op];
        return r ? 1 : 0;
      }
      return arithmetic(e.op, toNum(a), toNum(b));
    }
    case 'unary': {
      const v = evaluate(ip, e.e);
      if (e.op === '!') return toBool(v) ? 0 : 1;
      return e.op === '-' ? -toNum(v) : toNum(v);
    }
    case 'incdec': {
      let before = 0;
      const after = assignTo(ip, e.target, (old) => {
        before = toNum(old);
        return before + (e.op === '++' ? 1 : -1);
      });
      return e.prefix ? after : before;
    }
    case 'builtin':
      return callBuiltin(ip, e.name, e.args);
    case 'call':
      return callFunction(ip, e.name, e.args);
    case 'getline':
      return getline(ip, e);
  }
}

function getline(ip: Interp, e: Extract<Expr, { k: 'getline' }>): Value {
  if (e.cmd) return -1;
  let rec: string | undefined;
  if (e.file) {
    const name = ip.str(evaluate(ip, e.file));
    let reader = ip.readers.get(name);
    if (!reader) {
      const text = ip.host.readFile(name);
      if (text === undefined) return -1;
      reader = new RecordReader(name, text);
      ip.readers.set(name, reader);
    }
    rec = reader.next(ip.str(ip.getVar('RS')));
  } else rec = ip.nextRecord();
  if (rec === undefined) return 0;
  if (e.target) assignTo(ip, e.target, () => rec);
  else ip.setRecord(rec);
  return 1;
}

/** Whether a function body uses a parameter as an array (so an unset argument is passed by reference). */
function usesAsArray(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((n) => usesAsArray(n, name));
  if (!node || typeof node !== 'object') return false;
  const n = node as Record<string, unknown>;
  if ((n.k === 'index' || n.k === 'in' || n.k === 'delete') && n.name === name) return true;
  if (n.k === 'forin' && n.arr === name) return true;
  if (n.k === 'builtin' && n.name === 'split') {
    const target = (n.args as Expr[])[1];
    if (target?.k === 'var' && target.name === name) return true;
  }
  return Object.values(n).some((v) => usesAsArray(v, name));
}

function callFunction(ip: Interp, name: string, args: Expr[]): Value {
  const fn = ip.prog.funcs.get(name);
  if (!fn) throw new AwkRuntimeError(`function ${name} never defined`);
  const frame = new Map<string, Value | Map<string, Value>>();
  fn.params.forEach((param, i) => {
    const arg = args[i];
    if (!arg) frame.set(param, undefined);
    else if (
      arg.k === 'var' &&
      (ip.isArrayName(arg.name) || (usesAsArray(fn.body, param) && ip.getVar(arg.name) === undefined))
    ) {
      frame.set(param, ip.getArray(arg.name));
    } else frame.set(param, evaluate(ip, arg));
  });
  ip.frames.push(frame);
  try {
    execBlock(ip, fn.body);
    return undefined;
  } catch (e) {
    if (e instanceof ReturnSignal) return e.value;
    throw e;
  } finally {
    ip.frames.pop();
  }
}
