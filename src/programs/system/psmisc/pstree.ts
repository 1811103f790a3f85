import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { busyboxUsage } from '../busybox/usage.js';
import { getopt, getoptMessage, has, isGetoptError, type Parsed } from '../common/getopt.js';
import { libcOf, screenColumns } from '../common/host.js';
import { utf8Locale } from '../common/text.js';
import { userByName } from '../common/users.js';
import { ASCII, buildTree, drawTree, type Node, type TreeOptions, truncate, UTF8 } from './tree.js';

const USAGE = `Usage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]
              [ -A | -G | -U ] [ PID | USER ]
   or: pstree -V

Display a tree of processes.

  -a, --arguments     show command line arguments
  -A, --ascii         use ASCII line drawing characters
  -c, --compact-not   don't compact identical subtrees
  -C, --color=TYPE    color process by attribute
                      (age)
  -g, --show-pgids    show process group ids; implies -c
  -G, --vt100         use VT100 line drawing characters
  -h, --highlight-all highlight current process and its ancestors
  -H PID, --highlight-pid=PID
                      highlight this process and its ancestors
  -l, --long          don't truncate long lines
  -n, --numeric-sort  sort output by PID
  -N TYPE, --ns-sort=TYPE
                      sort output by this namespace type
                              (cgroup, ipc, mnt, net, pid, time, user, uts)
  -p, --show-pids     show PIDs; implies -c
  -s, --show-parents  show parents of the selected process
  -S, --ns-changes    show namespace transitions
  -t, --thread-names  show full thread names
  -T, --hide-threads  hide threads, show only processes
  -u, --uid-changes   show uid transitions
  -U, --unicode       use UTF-8 (Unicode) line drawing characters
  -V, --version       display version information
  -Z, --security-context
                      show security attributes

  PID    start at this PID; default is 1 (init)
  USER   show only trees rooted at processes of this user

`;

const LONG: Record<string, [string, 'none' | 'required' | 'optional']> = {
  arguments: ['a', 'none'],
  ascii: ['A', 'none'],
  'compact-not': ['c', 'none'],
  color: ['C', 'required'],
  'show-pgids': ['g', 'none'],
  vt100: ['G', 'none'],
  'highlight-all': ['h', 'none'],
  'highlight-pid': ['H', 'required'],
  long: ['l', 'none'],
  'numeric-sort': ['n', 'none'],
  'ns-sort': ['N', 'required'],
  'show-pids': ['p', 'none'],
  'show-parents': ['s', 'none'],
  'ns-changes': ['S', 'none'],
  'thread-names': ['t', 'none'],
  'hide-threads': ['T', 'none'],
  'uid-changes': ['u', 'none'],
  unicode: ['U', 'none'],
  version: ['V', 'none'],
  'security-context': ['Z', 'none'],
};

/** With `-s`: the chain of ancestors down to the chosen process, each showing only the next link. */
function withParents(nodes: Map<number, Node>, ppidOf: Map<number, number>, target: Node): Node {
  let node = target;
  let pid = ppidOf.get(target.pid) ?? 0;
  while (nodes.has(pid)) {
    const parent = nodes.get(pid)!;
    node = { ...parent, children: [node] };
    pid = ppidOf.get(pid) ?? 0;
  }
  return node;
}

/** Roots owned by `uid`: the first processes of that user met walking down from the top. */
function rootsOf(node: Node, uid: number): Node[] {
  if (!node.thread && node.uid === uid) return [node];
  return node.children.flatMap((c) => rootsOf(c, uid));
}

function psmiscRun(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const p = getopt(ctx.argv.slice(1), { short: 'aAcC:gGhH:lnN:psStTuUVZ', long: LONG });
  if (isGetoptError(p)) return out.err(getoptMessage('pstree', p, 'glibc') + USAGE).exit(1);
  if (has(p, 'V'))
    return out
      .err(
        'pstree (PSmisc) 23.7\nCopyright (C) 1993-2024 Werner Almesberger and Craig Small\n\nPSmisc comes with ABSOLUTELY NO WARRANTY.\nThis is free software, and you are welcome to redistribute it under\nthe terms of the GNU General Public License.\nFor more information about these matters, see the files named COPYING.\n',
      )
      .exit(0);
  if (p.operands.length > 1) return out.err(USAGE).exit(1);
  const utf = has(p, 'U') || has(p, 'G') || (!has(p, 'A') && ctx.tty && utf8Locale(ctx.env));
  const options: TreeOptions = {
    symbols: utf ? UTF8 : ASCII,
    pids: has(p, 'p'),
    args: has(p, 'a'),
    compact: !has(p, 'c') && !has(p, 'p') && !has(p, 'g'),
    uidChanges: has(p, 'u'),
  };
  const width = has(p, 'l') ? undefined : (screenColumns(ctx) ?? 132);
  return draw(ctx, p, { ...options, width }, width, out);
}

function draw(
  ctx: ProcessContext,
  p: Parsed,
  options: TreeOptions,
  width: number | undefined,
  out: Output,
): ProgramRun {
  const procs = ctx.sys.processes();
  const nodes = buildTree(procs, { byPid: has(p, 'n'), threads: !has(p, 'T'), threadsLast: true });
  const arg = p.operands[0];
  let roots: Node[];
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    const uid = userByName(ctx.fs, arg)?.uid;
    if (uid === undefined) return out.err(`No such user name: ${arg}\n`).exit(1);
    roots = nodes.has(1) ? rootsOf(nodes.get(1)!, uid) : [];
  } else {
    const target = nodes.get(arg === undefined ? 1 : Number(arg));
    if (!target) return out.exit(1);
    const ppidOf = new Map(procs.map((x) => [x.pid, x.ppid]));
    roots = [has(p, 's') ? withParents(nodes, ppidOf, target) : target];
  }
  const text = roots
    .map((r) =>
      drawTree(r, options)
        .map((l) => `${truncate(l, width)}\n`)
        .join(''),
    )
    .join('\n');
  return out.out(text).exit(0);
}

/** BusyBox pstree: ASCII only, `-p`, output cut at the terminal width (80 off a terminal). */
function busyboxRun(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const p = getopt(ctx.argv.slice(1), { short: 'p' });
  if (isGetoptError(p) || p.operands.length > 1) {
    const msg = isGetoptError(p) ? getoptMessage('pstree', p, libcOf(ctx.fs)) : '';
    return out.err(msg + busyboxUsage('pstree')).exit(1);
  }
  const options: TreeOptions = {
    symbols: ASCII,
    pids: has(p, 'p'),
    args: false,
    compact: true,
    uidChanges: false,
    mergeByPid: has(p, 'p'),
  };
  const procs = ctx.sys.processes();
  const nodes = buildTree(procs, { byPid: false, threads: true, threadsLast: false });
  const arg = p.operands[0];
  const width = screenColumns(ctx) ?? 80;
  let roots: Node[];
  if (arg !== undefined && !/^\d/.test(arg)) {
    const uid = userByName(ctx.fs, arg)?.uid;
    if (uid === undefined) return out.err(`pstree: unknown user ${arg}\n`).exit(1);
    roots = nodes.has(1) ? rootsOf(nodes.get(1)!, uid) : [];
    if (roots.length === 0) return out.err('pstree: no processes found\n').exit(1);
  } else {
    const target = nodes.get(arg === undefined ? 1 : Number.parseInt(arg, 10));
    roots = target ? [target] : [];
  }
  const cut = (l: string) => (l.length >= width ? `${l.slice(0, width - 1)}+` : l);
  return out
    .out(
      roots
        .map((r) =>
          drawTree(r, options)
            .map((l) => `${cut(l)}\n`)
            .join(''),
        )
        .join('\n'),
    )
    .exit(0);
}

export const pstreeProgram: Program = { name: 'pstree', run: psmiscRun };
export const busyboxPstree = busyboxRun;
