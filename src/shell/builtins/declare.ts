import { type Call, NAME } from './call.js';
import { listVars } from './vars.js';

export function local(c: Call): number {
  if (c.ip.funcDepth === 0) {
    if (c.dialect !== 'bash') return c.special('not in a function');
    c.error('can only be used in a function');
    return 1;
  }
  let status = 0;
  for (const arg of c.args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      status = c.badName(name, arg);
      continue;
    }
    c.state.declareLocal(name);
    // A bare `local x` in ash and dash keeps the caller's value; bash unsets it.
    if (eq >= 0) c.state.set(name, arg.slice(eq + 1));
    else if (c.dialect === 'bash') c.state.vars.delete(name);
  }
  return status;
}

export function let_(c: Call): number {
  if (c.args.length === 0) {
    c.error('expression expected');
    return 1;
  }
  let last = 0n;
  for (const expr of c.args) last = c.ip.arith(expr);
  return last === 0n ? 1 : 0;
}

/** bash's `declare`/`typeset`: -x exports, -r makes read-only, -g global; local inside a function. */
export function declareBuiltin(c: Call): number {
  const flags = new Set<string>();
  const names: string[] = [];
  for (const arg of c.args) {
    if (/^[-+][a-zA-Z]+$/.test(arg)) for (const f of arg.slice(1)) flags.add(f);
    else names.push(arg);
  }
  if (flags.has('a') || flags.has('A')) {
    c.error('arrays are not supported by dockersim');
    return 1;
  }
  if (names.length === 0) {
    listVars(c, flags.has('r') ? 'readonly' : 'exported');
    return 0;
  }
  let status = 0;
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      status = c.badName(name, arg);
      continue;
    }
    if (c.ip.funcDepth > 0 && !flags.has('g')) c.state.declareLocal(name);
    let value = eq < 0 ? c.state.get(name) : arg.slice(eq + 1);
    if (value !== undefined && flags.has('l')) value = value.toLowerCase();
    if (value !== undefined && flags.has('u')) value = value.toUpperCase();
    if (value !== undefined && !c.state.set(name, value)) {
      c.error(`${name}: readonly variable`);
      status = 1;
      continue;
    }
    const v = c.state.vars.get(name);
    if (v && flags.has('x')) v.exported = true;
    if (v && flags.has('r')) v.readonly = true;
  }
  return status;
}
