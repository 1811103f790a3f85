import { OPTION_LETTERS, type Options } from '../state.js';
import { type Call, NAME } from './call.js';

/** ash and dash show values in single quotes; bash only when needed. */
export function shellQuote(v: string, always: boolean): string {
  if (!always && /^[A-Za-z0-9_@%+=:,./-]+$/.test(v)) return v;
  return `'${v.replace(/'/g, "'\\''")}'`;
}

const dq = (v: string): string => `"${v.replace(/[\\"$`]/g, '\\$&')}"`;

export function listVars(c: Call, which: 'exported' | 'readonly'): void {
  const names = [...c.state.vars.keys()].sort();
  for (const name of names) {
    const v = c.state.vars.get(name)!;
    if (!v[which]) continue;
    if (c.dialect === 'bash') c.out(`declare -${which === 'exported' ? 'x' : 'r'} ${name}=${dq(v.value)}\n`);
    else c.out(`${which === 'exported' ? 'export' : 'readonly'} ${name}=${shellQuote(v.value, true)}\n`);
  }
}

function declare(c: Call, which: 'exported' | 'readonly'): number {
  const args = c.args.filter((a) => a !== '-p');
  if (args.length === 0) {
    listVars(c, which);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      status = c.badName(name, arg);
      continue;
    }
    if (eq >= 0 && !c.state.set(name, arg.slice(eq + 1))) {
      status = c.special(c.dialect === 'bash' ? `${name}: readonly variable` : `${name}: is read only`);
      continue;
    }
    // `export NAME` of an unset name changes nothing visible until it gets a value.
    const v =
      c.state.vars.get(name) ??
      (which === 'readonly' ? { value: '', exported: false, readonly: false } : undefined);
    if (!v) continue;
    if (which === 'exported') v.exported = true;
    else v.readonly = true;
    c.state.vars.set(name, v);
  }
  return status;
}

export const exportBuiltin = (c: Call): number => declare(c, 'exported');
export const readonly = (c: Call): number => declare(c, 'readonly');

export function unset(c: Call): number {
  let args = c.args;
  let functions = false;
  while (args[0] === '-f' || args[0] === '-v') {
    functions = args[0] === '-f';
    args = args.slice(1);
  }
  let status = 0;
  for (const name of args) {
    if (functions) {
      c.state.functions.delete(name);
      continue;
    }
    if (!NAME.test(name)) status = c.badName(name);
    else if (!c.state.unset(name)) {
      status = c.special(
        c.dialect === 'bash' ? `${name}: cannot unset: readonly variable` : `${name}: is read only`,
      );
    }
  }
  return status;
}

function printOptions(c: Call, plus: boolean): void {
  const names = Object.keys(c.state.options).sort() as Array<keyof Options>;
  for (const n of names) {
    const on = c.state.options[n];
    if (plus) c.out(`set ${on ? '-' : '+'}o ${n}\n`);
    else
      c.out(
        c.dialect === 'bash'
          ? `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n`
          : `${n.padEnd(15)}${on ? 'on' : 'off'}\n`,
      );
  }
}

/** `set [-+options] [-o name] [--] [args]`; with no arguments, the variables. */
export function set(c: Call): number {
  const args = c.args;
  if (args.length === 0) {
    for (const name of [...c.state.vars.keys()].sort()) {
      c.out(`${name}=${shellQuote(c.state.vars.get(name)!.value, c.dialect !== 'bash')}\n`);
    }
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      c.state.positional = args.slice(i);
      return 0;
    }
    if (a === '-' || a === '+') {
      c.state.options.xtrace = false;
      c.state.options.verbose = false;
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    for (const letter of a.slice(1)) {
      if (letter === 'o') {
        const name = args[i + 1];
        if (name === undefined || /^[-+]/.test(name)) {
          printOptions(c, !on);
          continue;
        }
        i++;
        const known = name in c.state.options && !(name === 'pipefail' && c.dialect === 'dash');
        if (!known)
          return c.special(
            c.dialect === 'bash' ? `${name}: invalid option name` : `Illegal option -o ${name}`,
            1,
          );
        c.state.options[name as keyof Options] = on;
        continue;
      }
      const option = OPTION_LETTERS[letter];
      if (!option) {
        const text =
          c.dialect === 'bash'
            ? `-${letter}: invalid option`
            : c.dialect === 'dash'
              ? `Illegal option -${letter}`
              : `illegal option -${letter}`;
        return c.special(text, 2);
      }
      c.state.options[option] = on;
    }
  }
  if (i < args.length) c.state.positional = args.slice(i);
  return 0;
}

export function shift(c: Call): number {
  const arg = c.args[0] ?? '1';
  if (!/^[0-9]+$/.test(arg)) {
    return c.special(c.dialect === 'bash' ? `${arg}: numeric argument required` : `Illegal number: ${arg}`);
  }
  const n = Number(arg);
  if (n > c.state.positional.length) return c.dialect === 'dash' ? c.special("can't shift that many") : 1;
  c.state.positional = c.state.positional.slice(n);
  return 0;
}
