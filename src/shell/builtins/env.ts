import { resolvePath } from '../path.js';
import { dispatch } from '../simple.js';
import type { Call } from './call.js';
import { builtinFor, KEYWORD_NAMES, SPECIAL } from './index.js';
import { shellQuote } from './vars.js';

/** `cd [DIR|-]`: checks the directory, then moves PWD and OLDPWD. */
export function cd(c: Call): number {
  const args = c.args.filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1 && c.dialect === 'bash') {
    c.error('too many arguments');
    return 1;
  }
  let target = args[0];
  if (target === undefined) {
    target = c.state.get('HOME');
    if (target === undefined) {
      if (c.dialect === 'bash') c.error('HOME not set');
      return c.dialect === 'bash' ? 1 : 0;
    }
    if (target === '') return 0;
  }
  const back = target === '-';
  if (back) target = c.state.get('OLDPWD') ?? c.state.cwd;
  const dir = resolvePath(c.state.cwd, target);
  const st = c.ip.fs.stat(dir);
  if (st?.type !== 'dir') {
    const why = st ? 'Not a directory' : 'No such file or directory';
    if (c.dialect === 'bash') c.error(`${target}: ${why}`);
    else c.error(c.dialect === 'dash' ? `can't cd to ${target}` : `can't cd to ${target}: ${why}`);
    return c.dialect === 'bash' ? 1 : 2;
  }
  c.state.set('OLDPWD', c.state.cwd);
  c.state.cwd = dir;
  c.state.set('PWD', dir);
  if (back) c.out(`${dir}\n`);
  return 0;
}

export function pwd(c: Call): number {
  c.out(`${c.state.cwd}\n`);
  return 0;
}

/** Where a program would be found in PATH (or the path itself when it names one). */
export function findInPath(c: Call, name: string): string | undefined {
  const fs = c.ip.fs;
  const executable = (p: string): boolean => {
    const st = fs.stat(p);
    return st !== undefined && st.type !== 'dir' && (st.mode & 0o111) !== 0;
  };
  if (name.includes('/')) return executable(resolvePath(c.state.cwd, name)) ? name : undefined;
  for (const dir of (
    c.state.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  ).split(':')) {
    const p = `${dir || '.'}/${name}`.replace(/\/+/g, '/');
    if (executable(resolvePath(c.state.cwd, p))) return p;
  }
  return undefined;
}

type Kind = 'alias' | 'keyword' | 'function' | 'special' | 'builtin' | 'file';

function classify(c: Call, name: string): { kind: Kind; path?: string } | undefined {
  if (c.ip.aliasFor(name) !== undefined) return { kind: 'alias' };
  if (KEYWORD_NAMES.has(name) || (c.dialect === 'bash' && ['[[', ']]', 'function'].includes(name)))
    return { kind: 'keyword' };
  const builtin = builtinFor(c.dialect, name);
  if (builtin && SPECIAL.has(name)) return { kind: 'special' };
  if (c.state.functions.has(name)) return { kind: 'function' };
  if (builtin) return { kind: 'builtin' };
  const path = findInPath(c, name);
  return path ? { kind: 'file', path } : undefined;
}

function describe(c: Call, name: string): boolean {
  const found = classify(c, name);
  if (!found) {
    if (c.dialect === 'bash') c.error(`${name}: not found`, 'type');
    else c.out(`${name}: not found\n`);
    return false;
  }
  const bash = c.dialect === 'bash';
  const alias = c.ip.aliasFor(name) ?? '';
  const texts: Record<Kind, string> = {
    alias: bash ? `is aliased to \`${alias}'` : `is an alias for ${alias}`,
    keyword: 'is a shell keyword',
    function: c.dialect === 'dash' ? 'is a shell function' : 'is a function',
    special: bash ? 'is a shell builtin' : 'is a special shell builtin',
    builtin: 'is a shell builtin',
    file: `is ${found.path}`,
  };
  c.out(`${name} ${texts[found.kind]}\n`);
  return true;
}

export function type(c: Call): number {
  let ok = true;
  for (const name of c.args) ok = describe(c, name) && ok;
  return ok ? 0 : c.dialect === 'bash' ? 1 : 127;
}

/** `command -v|-V NAME` tells what a name is; `command NAME ARGS` runs it, skipping functions. */
export async function command(c: Call): Promise<number> {
  let args = c.args;
  let mode: string | undefined;
  while (args[0] && /^-[pvV]+$/.test(args[0])) {
    if (args[0].includes('v')) mode = 'v';
    if (args[0].includes('V')) mode = 'V';
    args = args.slice(1);
  }
  if (args.length === 0) return 0;
  if (mode === 'V') return describe(c, args[0]!) ? 0 : 1;
  if (mode === 'v') {
    let ok = true;
    for (const name of c.dialect === 'bash' ? args : args.slice(0, 1)) {
      const found = classify(c, name);
      if (!found) ok = false;
      else if (found.kind === 'alias') c.out(`alias ${name}=${shellQuote(c.ip.aliasFor(name)!, true)}\n`);
      else c.out(`${found.path ?? name}\n`);
    }
    return ok ? 0 : c.dialect === 'bash' ? 1 : 127;
  }
  return dispatch(c.ip, args, [], c.io, { noFunctions: true });
}

export function alias(c: Call): number {
  const show = (name: string, value: string): void =>
    c.out(`${c.dialect === 'bash' ? 'alias ' : ''}${name}=${shellQuote(value, true)}\n`);
  if (c.args.length === 0 || (c.args.length === 1 && c.args[0] === '-p')) {
    for (const [name, value] of [...c.state.aliases].sort()) show(name, value);
    return 0;
  }
  let status = 0;
  for (const arg of c.args) {
    const eq = arg.indexOf('=');
    if (eq > 0) c.state.aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (c.state.aliases.has(arg)) show(arg, c.state.aliases.get(arg)!);
    else {
      c.error(`${arg}: not found`);
      status = 1;
    }
  }
  return status;
}

export function unalias(c: Call): number {
  if (c.args[0] === '-a') {
    c.state.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const name of c.args) {
    if (!c.state.aliases.delete(name)) {
      c.error(`${name}: not found`);
      status = 1;
    }
  }
  return status;
}

export function umask(c: Call): number {
  const arg = c.args.find((a) => a !== '-S');
  if (arg === undefined) {
    const m = c.state.umask;
    if (c.args.includes('-S')) {
      const part = (shift: number): string => {
        const allowed = ~(m >> shift) & 7;
        return (allowed & 4 ? 'r' : '') + (allowed & 2 ? 'w' : '') + (allowed & 1 ? 'x' : '');
      };
      c.out(`u=${part(6)},g=${part(3)},o=${part(0)}\n`);
    } else c.out(`${m.toString(8).padStart(4, '0')}\n`);
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(arg)) {
    c.error(c.dialect === 'bash' ? `${arg}: octal number out of range` : `Illegal number: ${arg}`);
    return 1;
  }
  c.state.umask = Number.parseInt(arg, 8);
  return 0;
}

export function times(c: Call): number {
  const t = c.dialect === 'dash' ? '0m0.000000s' : '0m0.000s';
  c.out(`${t} ${t}\n${t} ${t}\n`);
  return 0;
}

/** The lines typed in this interactive session. */
export function history(c: Call): number {
  if (!c.ip.interactive) return 0;
  c.ip.shared.history.forEach((line, i) => {
    c.out(
      c.dialect === 'bash' ? `${String(i + 1).padStart(5)}  ${line}\n` : `${String(i).padStart(4)} ${line}\n`,
    );
  });
  return 0;
}
