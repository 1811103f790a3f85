import type { NamespaceType, ProcInfo } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { busyboxUsage } from '../busybox/usage.js';
import { type GetoptSpec, getopt, getoptMessage, isGetoptError, lastValue } from '../common/getopt.js';
import { libcOf } from '../common/host.js';
import { quote } from '../common/text.js';
import { nsfsMounts } from './namespaces.js';

/**
 * nsenter checks what it can (the target exists, the caller may enter it) and hands the rest
 * to the engine with an `nsenter` event: join these namespaces of that PID, run this argv.
 * util-linux opens the namespaces in the order user, cgroup, ipc, uts, net, pid, mnt, time,
 * so an error names the first of them that was asked for. Like util-linux 2.39 (Ubuntu 24.04),
 * `-t PID` without a namespace option just runs the program where the caller is.
 */
const ORDER: NamespaceType[] = ['user', 'cgroup', 'ipc', 'uts', 'net', 'pid', 'mnt', 'time'];
const FLAGS: Record<string, NamespaceType> = {
  U: 'user',
  C: 'cgroup',
  i: 'ipc',
  u: 'uts',
  n: 'net',
  p: 'pid',
  m: 'mnt',
  T: 'time',
};

const LONG: GetoptSpec['long'] = {
  all: ['a', 'none'],
  help: ['h', 'none'],
  version: ['V', 'none'],
  target: ['t', 'required'],
  mount: ['m', 'optional'],
  uts: ['u', 'optional'],
  ipc: ['i', 'optional'],
  net: ['n', 'optional'],
  pid: ['p', 'optional'],
  cgroup: ['C', 'optional'],
  user: ['U', 'optional'],
  time: ['T', 'optional'],
  setuid: ['S', 'required'],
  setgid: ['G', 'required'],
  'preserve-credentials': ['P', 'none'],
  root: ['r', 'optional'],
  wd: ['w', 'optional'],
  wdns: ['W', 'required'],
  env: ['e', 'none'],
  'no-fork': ['F', 'none'],
  'follow-context': ['Z', 'none'],
};

const HELP = `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program with namespaces of other processes.

Options:
 -a, --all              enter all namespaces
 -t, --target <pid>     target process to get namespaces from
 -m, --mount[=<file>]   enter mount namespace
 -u, --uts[=<file>]     enter UTS namespace (hostname etc)
 -i, --ipc[=<file>]     enter System V IPC namespace
 -n, --net[=<file>]     enter network namespace
 -p, --pid[=<file>]     enter pid namespace
 -C, --cgroup[=<file>]  enter cgroup namespace
 -U, --user[=<file>]    enter user namespace
 -T, --time[=<file>]    enter time namespace
 -S, --setuid[=<uid>]   set uid in entered namespace
 -G, --setgid[=<gid>]   set gid in entered namespace
     --preserve-credentials do not touch uids or gids
 -r, --root[=<dir>]     set the root directory
 -w, --wd[=<dir>]       set the working directory
 -W, --wdns <dir>       set the working directory in namespace
 -e, --env              inherit environment variables from target process
 -F, --no-fork          do not fork before exec'ing <program>
 -Z, --follow-context   set SELinux context according to --target PID

 -h, --help             display this help
 -V, --version          display version

For more details see nsenter(1).
`;

/** The process whose namespace a file such as /run/docker/netns/<id> or /proc/PID/ns/net holds. */
function ownerOfFile(
  ctx: ProcessContext,
  procs: ProcInfo[],
  type: NamespaceType,
  file: string,
): number | undefined {
  const m = /^\/proc\/(\d+)\/ns\/\w+$/.exec(file);
  if (m) return procs.some((p) => p.pid === Number(m[1])) ? Number(m[1]) : undefined;
  for (const [ino, path] of nsfsMounts(ctx.fs)) {
    if (path === file) return procs.find((p) => p.ns[type] === ino)?.pid;
  }
  return undefined;
}

function runNsenter(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const p = getopt(ctx.argv.slice(1), {
    short: 'ahVt:m::u::i::n::p::C::U::T::S:G:r::w::W:eFZ',
    long: LONG,
    posix: true,
  });
  if (isGetoptError(p))
    return out
      .err(`${getoptMessage('nsenter', p, 'glibc')}Try 'nsenter --help' for more information.\n`)
      .exit(1);
  if (p.opts.some((o) => o.key === 'h')) return out.out(HELP).exit(0);
  if (p.opts.some((o) => o.key === 'V')) return out.out('nsenter from util-linux 2.39.3\n').exit(0);
  const fail = (msg: string) => out.err(`nsenter: ${msg}\n`).exit(1);
  const t = lastValue(p, 't');
  if (t !== undefined && !/^\d+$/.test(t)) return fail(`failed to parse pid: ${quote(ctx.env, t)}`);
  const procs = ctx.sys.processes();
  let pid = t === undefined ? undefined : Number(t);
  const wanted = new Set<NamespaceType>();
  for (const o of p.opts) {
    const type = FLAGS[o.key];
    if (!type) continue;
    if (o.value !== undefined) {
      const owner = ownerOfFile(ctx, procs, type, o.value);
      if (owner === undefined) return fail(`cannot open ${o.value}: No such file or directory`);
      pid ??= owner;
    }
    wanted.add(type);
  }
  const all = p.opts.some((o) => o.key === 'a');
  if (all && pid === undefined) return fail('no target PID specified for --all');
  const target = procs.find((x) => x.pid === pid);
  if (all) {
    if (!target) return fail(`stat of /proc/${pid}/ns/user failed: No such file or directory`);
    const self = procs.find((x) => x.pid === ctx.sys.selfPid());
    for (const type of ORDER) if (type !== 'user' || target.ns.user !== self?.ns.user) wanted.add(type);
  }
  const namespaces = ORDER.filter((n) => wanted.has(n));
  const first = namespaces[0];
  if (first && pid === undefined) return fail(`neither filename nor target pid supplied for ns/${first}`);
  if (first && !target) return fail(`cannot open /proc/${pid}/ns/${first}: No such file or directory`);
  if (first && target && ctx.uid !== 0) {
    if (target.uid !== ctx.uid) return fail(`cannot open /proc/${pid}/ns/${first}: Permission denied`);
    return fail(`reassociate to namespace 'ns/${first}' failed: Operation not permitted`);
  }
  const argv = p.operands.length ? p.operands : [ctx.env.SHELL || '/bin/sh'];
  const run = out.exit(0);
  return {
    events: [{ at: 0, kind: 'nsenter', pid: pid ?? ctx.sys.selfPid(), namespaces, argv }, ...run.events],
  };
}

export const nsenterProgram: Program = { name: 'nsenter', run: runNsenter };

/** BusyBox nsenter: user, ipc, uts, net, pid and mnt; BusyBox's `can't open` wording. */
export function busyboxNsenter(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const p = getopt(ctx.argv.slice(1), {
    short: 't:U::i::u::n::p::m::S:G:r::w::F',
    long: { 'preserve-credentials': ['P', 'none'] },
    posix: true,
  });
  if (isGetoptError(p))
    return out.err(getoptMessage('nsenter', p, libcOf(ctx.fs)) + busyboxUsage('nsenter')).exit(1);
  const t = lastValue(p, 't');
  if (t !== undefined && !/^\d+$/.test(t)) return out.err(`nsenter: invalid number '${t}'\n`).exit(1);
  const pid = t === undefined ? 0 : Number(t);
  const order: NamespaceType[] = ['user', 'ipc', 'uts', 'net', 'pid', 'mnt'];
  const wanted = new Set(p.opts.map((o) => FLAGS[o.key]).filter((x): x is NamespaceType => x !== undefined));
  const namespaces = order.filter((n) => wanted.has(n));
  if (namespaces.length && pid === 0) return out.err(busyboxUsage('nsenter')).exit(1);
  const target = ctx.sys.processes().find((x) => x.pid === pid);
  if (namespaces.length && !target) {
    return out
      .err(`nsenter: can't open '/proc/${pid}/ns/${namespaces[0]}': No such file or directory\n`)
      .exit(1);
  }
  if (namespaces.length && ctx.uid !== 0) {
    return out
      .err(`nsenter: setns(): can't reassociate to namespace '${namespaces[0]}': Operation not permitted\n`)
      .exit(1);
  }
  const argv = p.operands.length ? p.operands : [ctx.env.SHELL || '/bin/sh'];
  const run = out.exit(0);
  return {
    events: [{ at: 0, kind: 'nsenter', pid: pid || ctx.sys.selfPid(), namespaces, argv }, ...run.events],
  };
}
