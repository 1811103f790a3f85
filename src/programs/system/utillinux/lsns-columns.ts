import type { ProcInfo } from '../../../kernel/view.js';
import { commandOf, type NsEntry } from './namespaces.js';
import type { Column } from './smartcols.js';

/** lsns' columns: header, libsmartcols width hint and alignment, and where each cell comes from. */
export type Cell = (ns: NsEntry, p: ProcInfo, env: Env) => string;
export interface Env {
  byPid: Map<number, ProcInfo>;
  netnsid: Map<number, string>;
  nsfs: Map<number, string>;
}

export const COLUMNS: Record<string, Column & { cell: Cell; help: string }> = {
  NS: {
    header: 'NS',
    hint: 10,
    right: true,
    json: 'number',
    cell: (ns) => String(ns.ino),
    help: 'namespace identifier (inode number)',
  },
  TYPE: {
    header: 'TYPE',
    hint: 5,
    right: false,
    json: 'string',
    cell: (ns) => ns.type,
    help: 'kind of namespace',
  },
  PATH: {
    header: 'PATH',
    hint: 0,
    right: false,
    json: 'string',
    cell: (ns, p) => `/proc/${p.pid}/ns/${ns.type}`,
    help: 'path to the namespace',
  },
  NPROCS: {
    header: 'NPROCS',
    hint: 5,
    right: true,
    json: 'number',
    cell: (ns) => String(ns.procs.length),
    help: 'number of processes in the namespace',
  },
  PID: {
    header: 'PID',
    hint: 5,
    right: true,
    json: 'number',
    cell: (_, p) => String(p.pid),
    help: 'lowest PID in the namespace',
  },
  PPID: {
    header: 'PPID',
    hint: 5,
    right: true,
    json: 'number',
    cell: (_, p) => String(p.ppid),
    help: 'PPID of the PID',
  },
  COMMAND: {
    header: 'COMMAND',
    hint: 0,
    right: false,
    trunc: true,
    json: 'string',
    cell: (_, p) => commandOf(p),
    help: 'command line of the PID',
  },
  UID: {
    header: 'UID',
    hint: 0,
    right: true,
    json: 'number',
    cell: (_, p) => String(p.uid),
    help: 'UID of the PID',
  },
  USER: {
    header: 'USER',
    hint: 0,
    right: false,
    json: 'string',
    cell: (_, p) => p.user,
    help: 'username of the PID',
  },
  NETNSID: {
    header: 'NETNSID',
    hint: 0,
    right: true,
    json: 'string',
    cell: (ns, _, e) => (ns.type === 'net' ? (e.netnsid.get(ns.ino) ?? '') : ''),
    help: 'namespace ID as used by network subsystem',
  },
  NSFS: {
    header: 'NSFS',
    hint: 0,
    right: false,
    json: 'string',
    cell: (ns, _, e) => (ns.type === 'net' ? (e.nsfs.get(ns.ino) ?? '') : ''),
    help: 'nsfs mountpoint (usually used network subsystem)',
  },
  PNS: {
    header: 'PNS',
    hint: 10,
    right: true,
    json: 'number',
    cell: () => '',
    help: 'parent namespace identifier (inode number)',
  },
  ONS: {
    header: 'ONS',
    hint: 10,
    right: true,
    json: 'number',
    cell: () => '',
    help: 'owner namespace identifier (inode number)',
  },
};

export const USAGE = `
Usage:
 lsns [options] [<namespace>]

List system namespaces.

Options:
 -J, --json             use JSON output format
 -l, --list             use list format output
 -n, --noheadings       don't print headings
 -o, --output <list>    define which output columns to use
     --output-all       output all columns
 -P, --persistent       namespaces without processes
 -p, --task <pid>       print process namespaces
 -r, --raw              use the raw output format
 -u, --notruncate       don't truncate text in columns
 -W, --nowrap           don't use multi-line representation
 -t, --type <name>      namespace type (mnt, net, ipc, user, pid, uts, cgroup, time)
 -T, --tree <rel>       use tree format (parent, owner, or process)

 -h, --help             display this help
 -V, --version          display version

Available output columns:
${Object.entries(COLUMNS)
  .map(([name, c]) => `${name.padStart(12)}  ${c.help}`)
  .join('\n')}

For more details see lsns(8).
`;
