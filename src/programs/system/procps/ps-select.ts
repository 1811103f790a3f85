import type { ProcInfo } from '../../../kernel/view.js';
import type { Jobs } from './derive.js';
import type { FormatSpec, ListKind, PsOptions } from './ps-args.js';

/** Which processes `ps` lists (procps select.c): simple selections, lists, `-N`, `r`. */
export interface Me {
  uid: number;
  tty: string | null;
  /** Resolves a user name or number to a UID (undefined when unknown). */
  uidOf(user: string): number | undefined;
  gidOf(group: string): number | undefined;
}

function simpleAccept(o: PsOptions, p: ProcInfo, jobs: Jobs, me: Me): boolean {
  const leader = jobs.get(p.pid)?.sid === p.pid;
  const s = o.simple;
  if (s.has('a') && s.has('x')) return true;
  if (s.has('-a')) return !leader && p.tty !== null;
  if (s.has('-d')) return !leader;
  if (s.has('a')) return p.tty !== null;
  if (s.has('x')) return p.uid === me.uid;
  // No selection at all: my processes on my terminal (BSD style: on any terminal).
  return p.uid === me.uid && (o.preferBsd ? p.tty !== null : p.tty === me.tty);
}

function matches(kind: ListKind, v: string, p: ProcInfo, jobs: Jobs, me: Me): boolean {
  switch (kind) {
    case 'pid':
      return Number(v) === p.pid;
    case 'ppid':
      return Number(v) === p.ppid;
    case 'sid':
      return Number(v) === jobs.get(p.pid)?.sid;
    case 'pgrp':
      return Number(v) === jobs.get(p.pid)?.pgid;
    case 'comm':
      return p.comm === v || (p.comm.length === 15 && v.startsWith(p.comm));
    case 'euser':
    case 'ruser':
      return me.uidOf(v) === p.uid;
    case 'group':
      return me.gidOf(v) === p.gid;
    case 'tty':
      return (p.tty ?? '?') === v.replace(/^\/dev\//, '') || (v === '-' && p.tty === null);
  }
}

function listed(o: PsOptions, p: ProcInfo, jobs: Jobs, me: Me): boolean {
  return o.lists.some(({ kind, values }) => values.some((v) => matches(kind, v, p, jobs, me)));
}

export function selectProcs(o: PsOptions, procs: ProcInfo[], jobs: Jobs, me: Me): ProcInfo[] {
  const lists = o.thisTty ? [...o.lists, { kind: 'tty' as const, values: [me.tty ?? '-'] }] : o.lists;
  const opts = { ...o, lists };
  return procs.filter((p) => {
    let ok = o.all || ((o.simple.size > 0 || lists.length === 0) && simpleAccept(opts, p, jobs, me));
    if (!ok) ok = listed(opts, p, jobs, me);
    if (o.running && p.state !== 'R' && p.state !== 'D') ok = false;
    return o.negate ? !ok : ok;
  });
}

/** The selection options that cannot be combined (procps: "process selection options conflict"). */
export function selectionConflict(o: PsOptions): boolean {
  const s = new Set([...o.simple].filter((x) => x !== 'g'));
  if (s.size <= 1) return false;
  return !(s.size === 2 && ((s.has('a') && s.has('x')) || (s.has('-a') && s.has('-d'))));
}

const keys = (text: string): FormatSpec[] => text.split(',').map((key) => ({ key }));

function insertAfterPid(list: FormatSpec[], extra: FormatSpec[]): FormatSpec[] {
  const at = list.findIndex((s) => s.key === 'pid');
  return [...list.slice(0, at + 1), ...extra, ...list.slice(at + 1)];
}

function unixFormat(f: Set<string>): string | undefined {
  const full = f.has('f');
  if (f.has('l')) {
    return full
      ? 'f,s,uid_hack,pid,ppid,c,opri,ni,addr_1,sz,wchan,stime,tname,time,cmd'
      : 'f,s,uid,pid,ppid,c,opri,ni,addr_1,sz,wchan,tname,time,ucmd';
  }
  if (f.has('F')) return 'uid_hack,pid,ppid,c,sz,rss,psr,stime,tname,time,cmd';
  if (f.has('j'))
    return full ? 'uid_hack,pid,ppid,pgid,sid,c,stime,tname,time,cmd' : 'pid,pgid,sid,tname,time,ucmd';
  if (full) return 'uid_hack,pid,ppid,c,stime,tname,time,cmd';
  return undefined;
}

const BSD_FORMATS: Record<string, string> = {
  Bu: 'user,pid,%cpu,%mem,vsz,rss,tname,stat,start_time,bsdtime,args',
  Bj: 'ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args',
  Bl: 'flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args',
  Bv: 'pid,tname,stat,bsdtime,maj_flt,m_trs,m_drs,rss,pmem,args',
  Bs: 'uid,pid,stat,tname,bsdtime,args',
  BX: 'pid,stat,tname,bsdtime,args',
};

/** The columns to print: `-o`, else the format the flags pick (procps sortformat.c). */
export function chooseFormat(o: PsOptions): FormatSpec[] | string {
  if (o.format) {
    if (o.flags.size > 0) return 'conflicting format options';
    return o.format;
  }
  const bsd = Object.keys(BSD_FORMATS).find((k) => o.flags.has(k));
  let list = keys(
    (bsd && BSD_FORMATS[bsd]) ||
      unixFormat(o.flags) ||
      (o.preferBsd ? 'pid,tname,stat,bsdtime,args' : 'pid,tname,time,ucmd'),
  );
  if (o.threads === 'L') {
    list = o.flags.has('f')
      ? keys('uid_hack,pid,ppid,lwp,c,nlwp,stime,tname,time,cmd')
      : insertAfterPid(list, keys('lwp'));
  } else if (o.threads === 'T') list = insertAfterPid(list, keys('spid'));
  if (o.extraFormat) list = insertAfterPid(list, o.extraFormat);
  return list;
}

/**
 * `--forest` order and art: the kernel-thread tree (kthreadd, PID 2) first, then PID 1's tree,
 * then any other roots, children in PID order; each line gets ` |  ` or four spaces per level
 * between its root and its parent, then ` \_ `.
 */
export function forestOrder(procs: ProcInfo[], style: 'ascii' | 'indent'): { p: ProcInfo; art: string }[] {
  const selected = new Set(procs.map((p) => p.pid));
  const children = new Map<number, ProcInfo[]>();
  const roots: ProcInfo[] = [];
  for (const p of procs) {
    if (p.ppid !== p.pid && selected.has(p.ppid)) {
      const list = children.get(p.ppid) ?? [];
      list.push(p);
      children.set(p.ppid, list);
    } else roots.push(p);
  }
  roots.sort((a, b) => (a.pid === 2 ? -1 : b.pid === 2 ? 1 : a.pid - b.pid));
  const out: { p: ProcInfo; art: string }[] = [];
  const walk = (p: ProcInfo, trail: boolean[]) => {
    let art = '';
    if (style === 'indent') art = '  '.repeat(trail.length);
    else if (trail.length > 0)
      art = `${trail
        .slice(0, -1)
        .map((more) => (more ? ' |  ' : '    '))
        .join('')} \\_ `;
    out.push({ p, art });
    const kids = (children.get(p.pid) ?? []).sort((a, b) => a.pid - b.pid);
    for (const [i, k] of kids.entries()) walk(k, [...trail, i < kids.length - 1]);
  };
  for (const r of roots) walk(r, []);
  return out;
}
