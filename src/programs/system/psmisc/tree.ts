import type { ProcInfo } from '../../../kernel/view.js';
import { threadIds } from '../procps/derive.js';

/**
 * The process tree as psmisc's pstree draws it (BusyBox's applet is a port of the same code):
 * a node's first child goes on its line after `-+-` (or `---` when it is the only one), the
 * others below it after `|-` and `` `- ``; identical sibling subtrees merge into `N*[...]`.
 * One quirk is kept because it shows in real output: a merged subtree's closing `]` is handed
 * to every child, so `2*[shim-+-sleep]` closes on its first child's line.
 */
export interface Node {
  name: string;
  pid: number;
  uid: number;
  user: string;
  args: string[];
  thread: boolean;
  children: Node[];
}

export interface Symbols {
  empty: string;
  branch: string;
  vert: string;
  last: string;
  single: string;
  first: string;
}

export const ASCII: Symbols = {
  empty: '  ',
  branch: '|-',
  vert: '| ',
  last: '`-',
  single: '---',
  first: '-+-',
};
export const UTF8: Symbols = {
  empty: '  ',
  branch: '\u251c\u2500',
  vert: '\u2502 ',
  last: '\u2514\u2500',
  single: '\u2500\u2500\u2500',
  first: '\u2500\u252c\u2500',
};

export interface TreeOptions {
  symbols: Symbols;
  pids: boolean;
  args: boolean;
  compact: boolean;
  /** Show `(user)` where the UID changes from the parent's (`-u`). */
  uidChanges: boolean;
  /** Compare PIDs in merging (BusyBox's `-p` keeps merging on but no two PIDs are equal). */
  mergeByPid?: boolean;
  /** Output width: with `-a`, arguments that would not fit become `...`. */
  width?: number;
}

function sorted(nodes: Node[], byPid: boolean, threadsLast: boolean): Node[] {
  return nodes.sort((a, b) => {
    if (threadsLast && a.thread !== b.thread) return a.thread ? 1 : -1;
    if (byPid) return a.pid - b.pid;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : a.uid - b.uid || a.pid - b.pid;
  });
}

/** Builds the forest of processes (and their threads as `{name}` leaves). */
export function buildTree(
  procs: ProcInfo[],
  o: { byPid: boolean; threads: boolean; threadsLast: boolean },
): Map<number, Node> {
  const nodes = new Map<number, Node>();
  const tids = o.threads ? threadIds(procs) : new Map<number, number[]>();
  for (const p of procs) {
    const children: Node[] = (tids.get(p.pid) ?? []).map((tid) => ({
      name: `{${p.comm}}`,
      pid: tid,
      uid: p.uid,
      user: p.user,
      args: [],
      thread: true,
      children: [],
    }));
    nodes.set(p.pid, {
      name: p.comm,
      pid: p.pid,
      uid: p.uid,
      user: p.user,
      args: p.args.slice(1),
      thread: false,
      children,
    });
  }
  for (const p of procs) {
    const parent = p.ppid === p.pid ? undefined : nodes.get(p.ppid);
    if (parent) parent.children.push(nodes.get(p.pid)!);
  }
  for (const n of nodes.values()) sorted(n.children, o.byPid, o.threadsLast);
  return nodes;
}

function equal(a: Node, b: Node, o: TreeOptions): boolean {
  if (a.name !== b.name || (o.uidChanges && a.uid !== b.uid)) return false;
  if (o.mergeByPid && a.pid !== b.pid) return false;
  // -a keeps every process on its own line; only threads still merge.
  if (o.args && !a.thread) return false;
  if (a.children.length !== b.children.length) return false;
  return a.children.every((c, i) => equal(c, b.children[i]!, o));
}

/** Draws the tree under `root`; lines are returned untruncated. */
export function drawTree(root: Node, o: TreeOptions): string[] {
  const lines: string[] = [];
  const width: number[] = [];
  const more: boolean[] = [];
  let cur = '';
  const newline = () => {
    lines.push(cur);
    cur = '';
  };
  const appendArgs = (args: string[]) => {
    const width = o.width ?? Number.POSITIVE_INFINITY;
    for (const [i, a] of args.entries()) {
      cur += ' ';
      if (cur.length + 1 + a.length > width - (i === args.length - 1 ? 0 : 4)) {
        cur += '...';
        return;
      }
      cur += a;
    }
  };
  const dump = (
    n: Node,
    level: number,
    rep: number,
    leaf: boolean,
    last: boolean,
    parentUid: number,
    closing: number,
  ) => {
    if (!leaf) {
      for (let lvl = 0; lvl < level; lvl++) {
        cur += ' '.repeat(width[lvl]! + 1);
        if (lvl === level - 1) cur += last ? o.symbols.last : o.symbols.branch;
        else cur += more[lvl + 1] ? o.symbols.vert : o.symbols.empty;
      }
    }
    const prefix = rep > 1 ? `${rep}*[` : '';
    cur += prefix + n.name;
    const start = cur.length;
    const info = [
      ...(o.pids ? [String(n.pid)] : []),
      ...(o.uidChanges && n.uid !== parentUid ? [n.user] : []),
    ];
    if (info.length) cur += o.args ? `,${info.join(',')}` : `(${info.join(',')})`;
    if (o.args) appendArgs(n.args);
    more[level] = !last;
    if (o.args || n.children.length === 0) {
      cur += ']'.repeat(closing);
      newline();
      width[level] = 1;
      if (!o.args) return;
    } else width[level] = n.name.length + (cur.length - start) + prefix.length;
    const kids = [...n.children];
    let first = true;
    while (kids.length) {
      const kid = kids.shift()!;
      let count = 0;
      if (o.compact) {
        for (let i = 0; i < kids.length; ) {
          if (equal(kid, kids[i]!, o)) {
            kids.splice(i, 1);
            count++;
          } else i++;
        }
      }
      if (first && !o.args) cur += kids.length ? o.symbols.first : o.symbols.single;
      dump(kid, level + 1, count + 1, first && !o.args, kids.length === 0, n.uid, closing + (count ? 1 : 0));
      first = false;
    }
  };
  dump(root, 0, 1, true, true, root.uid, 0);
  return lines;
}

/** psmisc cuts lines at the output width, ending a cut line with `+`. */
export function truncate(line: string, width: number | undefined): string {
  return width !== undefined && line.length > width ? `${line.slice(0, width - 1)}+` : line;
}
