import type { Stmt } from './ast.js';
import { evaluate, subscript, truth } from './eval.js';
import { AwkRuntimeError, ExitSignal, type Interp, NextFileSignal, NextSignal } from './interp.js';
import { numToStr, sprintf, toNum, toStr, type Value } from './values.js';

/** Statements: loops and jumps are signals thrown to the construct that handles them. */
class BreakSignal {}
class ContinueSignal {}
export class ReturnSignal {
  constructor(readonly value: Value) {}
}

function output(ip: Interp, text: string, dest: Extract<Stmt, { k: 'print' }>['dest']): void {
  if (!dest) {
    ip.host.out(text);
    return;
  }
  const name = ip.str(evaluate(ip, dest.e));
  if (dest.mode === '|') {
    ip.pipes.set(name, (ip.pipes.get(name) ?? '') + text);
    return;
  }
  if (name === '/dev/stdout' || name === '-') {
    ip.host.out(text);
    return;
  }
  if (name === '/dev/stderr') {
    ip.host.err(text);
    return;
  }
  const file = ip.files.get(name);
  if (file) file.text += text;
  else ip.files.set(name, { text, append: dest.mode === '>>' });
}

export function execBlock(ip: Interp, body: Stmt[]): void {
  for (const s of body) exec(ip, s);
}

function loop(ip: Interp, body: Stmt): boolean {
  try {
    exec(ip, body);
  } catch (e) {
    if (e instanceof BreakSignal) return false;
    if (!(e instanceof ContinueSignal)) throw e;
  }
  return true;
}

export function exec(ip: Interp, s: Stmt): void {
  switch (s.k) {
    case 'expr':
      evaluate(ip, s.e);
      return;
    case 'print': {
      const ofmt = ip.str(ip.getVar('OFMT'));
      const parts = s.args.length ? s.args.map((a) => evaluate(ip, a)) : [ip.getField(0)];
      const text = parts
        .map((v) => (typeof v === 'number' ? numToStr(v, ofmt) : toStr(v)))
        .join(ip.str(ip.getVar('OFS')));
      output(ip, text + ip.str(ip.getVar('ORS')), s.dest);
      return;
    }
    case 'printf': {
      if (s.args.length === 0) throw new AwkRuntimeError('printf: no format');
      const [fmt, ...rest] = s.args.map((a) => evaluate(ip, a));
      output(ip, sprintf(ip.str(fmt), rest), s.dest);
      return;
    }
    case 'if':
      if (truth(ip, s.c)) exec(ip, s.then);
      else if (s.else) exec(ip, s.else);
      return;
    case 'while':
      while (truth(ip, s.c) && loop(ip, s.body));
      return;
    case 'do':
      while (loop(ip, s.body) && truth(ip, s.c));
      return;
    case 'for':
      if (s.init) exec(ip, s.init);
      while ((!s.c || truth(ip, s.c)) && loop(ip, s.body)) if (s.step) exec(ip, s.step);
      return;
    case 'forin':
      for (const key of [...ip.getArray(s.arr).keys()]) {
        ip.setVar(s.v, key);
        if (!loop(ip, s.body)) break;
      }
      return;
    case 'block':
      execBlock(ip, s.body);
      return;
    case 'next':
      throw new NextSignal();
    case 'nextfile':
      throw new NextFileSignal();
    case 'exit':
      throw new ExitSignal(s.e ? Math.trunc(toNum(evaluate(ip, s.e))) & 255 : 0);
    case 'return':
      throw new ReturnSignal(s.e ? evaluate(ip, s.e) : undefined);
    case 'break':
      throw new BreakSignal();
    case 'continue':
      throw new ContinueSignal();
    case 'delete':
      if (s.subs) ip.getArray(s.name).delete(subscript(ip, s.subs));
      else ip.getArray(s.name).clear();
      return;
  }
}
