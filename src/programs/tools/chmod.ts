import type { FileStat } from '../../fs/view.js';
import type { ProgramRun } from '../types.js';
import { checkParents, namesOf } from './access.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { attempt, type Errno, joinPath, strerror, type Tool } from './common.js';
import { modeString } from './format.js';
import { applyMode } from './modes.js';

/** Visits operands (and with -R their trees, symlinks inside not followed). */
function visit(
  t: Tool,
  operand: string,
  recursive: boolean,
  fn: (abs: string, shown: string, st: FileStat) => void,
): void {
  const abs = t.abs(operand);
  const denied = checkParents(t.fs, abs, t.ctx.uid, t.ctx.gid);
  const st = denied ? undefined : t.fs.stat(abs);
  if (!st) {
    const errno = denied ?? 'ENOENT';
    t.fail(t.gnu ? `cannot access '${operand}': ${strerror(errno)}` : `${operand}: ${strerror(errno)}`);
    return;
  }
  const walk = (path: string, shown: string, s: FileStat): void => {
    fn(path, shown, s);
    if (!recursive || s.type !== 'dir') return;
    for (const name of t.fs.readdir(path)) {
      const child = joinPath(path, name);
      const cst = t.fs.lstat(child);
      if (cst && cst.type !== 'symlink') walk(child, joinPath(shown, name), cst);
    }
  };
  walk(t.fs.realpath(abs), operand, st);
}

const octal = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0');

/** GNU chmod takes `-w`, `-x,g+r` as modes, not options: pull the mode out before getopt. */
function splitMode(args: string[]): { mode?: string; rest: string[] } {
  const rest: string[] = [];
  let mode: string | undefined;
  for (const arg of args) {
    if (mode === undefined && /^-[rwxXstugoa=+,0-7-]+$/.test(arg) && !/^-[Rvcf]+$/.test(arg)) mode = arg;
    else rest.push(arg);
  }
  return { mode, rest };
}

/** `chmod [-Rvcf] MODE[,MODE]... FILE...` */
export function chmod(t: Tool): ProgramRun {
  const split = splitMode(t.args);
  const spec0 = {
    flags: 'Rvcf',
    long: { recursive: 'R', verbose: 'v', changes: 'c', silent: 'f', quiet: 'f' },
  };
  const p = parseOrFail(t, spec0, 1, split.rest);
  if (!isParsed(p)) return p;
  const ops = [...p.operands];
  const spec = split.mode ?? ops.shift();
  if (spec === undefined || ops.length === 0) {
    if (!t.gnu) return showUsage(t);
    return tryHelp(t, spec === undefined ? 'missing operand' : `missing operand after '${spec}'`);
  }
  if (applyMode(spec, 0o644, false) === undefined) {
    return t.gnu ? tryHelp(t, `invalid mode: '${spec}'`) : t.fail(`invalid mode '${spec}'`).done(1);
  }
  for (const operand of ops) {
    visit(t, operand, p.has('R'), (abs, shown, st) => {
      const mode = applyMode(spec, st.mode, st.type === 'dir')!;
      const errno: Errno | undefined =
        t.root || st.uid === t.ctx.uid ? attempt(() => t.fs.chmod(abs, mode)) : 'EPERM';
      if (errno) {
        if (!p.has('f'))
          t.fail(
            t.gnu ? `changing permissions of '${shown}': ${strerror(errno)}` : `${shown}: ${strerror(errno)}`,
          );
        else t.status = 1;
        return;
      }
      const changed = (st.mode & 0o7777) !== mode;
      const describe = (m: number): string =>
        `${octal(m)} (${modeString({ type: 'file', mode: m }).slice(1)})`;
      if (t.gnu && changed && (p.has('v') || p.has('c'))) {
        t.out(`mode of '${shown}' changed from ${describe(st.mode)} to ${describe(mode)}\n`);
      } else if (t.gnu && !changed && p.has('v')) t.out(`mode of '${shown}' retained as ${describe(mode)}\n`);
    });
  }
  return t.done();
}

interface Owner {
  uid?: number;
  gid?: number;
}

/** `user`, `user:group`, `user:`, `:group`, `user.group`, numbers for either. */
function parseOwner(t: Tool, spec: string): Owner | undefined {
  const names = namesOf(t.fs);
  const sep = spec.includes(':') ? ':' : spec.includes('.') && !names.uids.has(spec) ? '.' : undefined;
  const [user, group] = sep
    ? [spec.slice(0, spec.indexOf(sep)), spec.slice(spec.indexOf(sep) + 1)]
    : [spec, undefined];
  const owner: Owner = {};
  if (user) {
    const known = names.uids.get(user);
    if (known) owner.uid = known.uid;
    else if (/^\d+$/.test(user)) owner.uid = Number(user);
    else {
      t.fail(t.gnu ? `invalid user: '${spec}'` : `unknown user ${user}`);
      return undefined;
    }
    if (group === '') owner.gid = known?.gid;
  }
  if (group) {
    const gid = names.gids.get(group);
    if (gid !== undefined) owner.gid = gid;
    else if (/^\d+$/.test(group)) owner.gid = Number(group);
    else {
      t.fail(t.gnu ? `invalid group: '${spec}'` : `unknown group ${group}`);
      return undefined;
    }
  }
  return owner;
}

/** `chown [-Rhv] OWNER[:GROUP] FILE...` (changing owners needs root, as in a real container). */
export function chown(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'RhvcfLHP',
    long: { recursive: 'R', 'no-dereference': 'h', verbose: 'v', changes: 'c', silent: 'f', quiet: 'f' },
  });
  if (!isParsed(p)) return p;
  const [spec, ...ops] = p.operands;
  if (spec === undefined || ops.length === 0) {
    if (!t.gnu) return showUsage(t);
    return tryHelp(t, spec === undefined ? 'missing operand' : `missing operand after '${spec}'`);
  }
  const owner = parseOwner(t, spec);
  if (!owner) return t.done(1);
  for (const operand of ops) {
    visit(t, operand, p.has('R'), (abs, shown, st) => {
      const uid = owner.uid ?? st.uid;
      const gid = owner.gid ?? st.gid;
      const mayChange = t.root || (st.uid === t.ctx.uid && uid === st.uid && gid === t.ctx.gid);
      const errno = mayChange ? attempt(() => t.fs.chown(abs, uid, gid)) : 'EPERM';
      if (errno) {
        if (!p.has('f'))
          t.fail(
            t.gnu ? `changing ownership of '${shown}': ${strerror(errno)}` : `${shown}: ${strerror(errno)}`,
          );
        else t.status = 1;
      } else if (t.gnu && (p.has('v') || p.has('c'))) {
        const names = namesOf(t.fs);
        const who = (u: number, g: number): string =>
          `${names.users.get(u) ?? u}:${names.groups.get(g) ?? g}`;
        if (uid !== st.uid || gid !== st.gid) {
          t.out(`changed ownership of '${shown}' from ${who(st.uid, st.gid)} to ${who(uid, gid)}\n`);
        } else if (p.has('v')) t.out(`ownership of '${shown}' retained as ${who(uid, gid)}\n`);
      }
    });
  }
  return t.done();
}
