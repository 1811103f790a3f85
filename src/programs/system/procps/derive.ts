import type { ProcInfo } from '../../../kernel/view.js';

/**
 * What procps reads from /proc/PID/stat besides ProcInfo: session, process group, the terminal's
 * foreground group, and the STAT letters built from them. The kernel view gives pgid/sid/tpgid;
 * when it does not, they are inferred the way a Docker host sets them up: systemd starts each
 * service in its own session, runc makes a container's PID 1 (and `docker exec` processes) a
 * session leader, a login shell leads its session and puts each command in its own group, and
 * a shim is a process-group leader.
 */
export interface Job {
  sid: number;
  pgid: number;
  tpgid: number;
}

export type Jobs = Map<number, Job>;

function leadsSession(p: ProcInfo, parent: ProcInfo | undefined): boolean {
  if (p.kernelThread) return false;
  if (!parent) return true;
  if (p.ns.pid !== parent.ns.pid) return true;
  if (p.args[0]?.startsWith('-')) return true;
  if (p.tty !== null && parent.tty !== p.tty) return true;
  return parent.pid === 1 && parent.ppid === 0 && p.comm !== 'containerd-shim';
}

function inferJobs(procs: ProcInfo[]): Jobs {
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const jobs: Jobs = new Map();
  const resolve = (p: ProcInfo): Job => {
    const known = jobs.get(p.pid);
    if (known) return known;
    const parent = p.ppid ? byPid.get(p.ppid) : undefined;
    let job: Job;
    if (p.kernelThread) job = { sid: 0, pgid: 0, tpgid: -1 };
    else if (leadsSession(p, parent)) job = { sid: p.pid, pgid: p.pid, tpgid: -1 };
    else {
      const up = resolve(parent!);
      const ownGroup = p.comm === 'containerd-shim' || (p.tty !== null && up.sid === parent!.pid);
      job = { sid: up.sid, pgid: ownGroup ? p.pid : up.pgid, tpgid: -1 };
    }
    jobs.set(p.pid, job);
    return job;
  };
  for (const p of procs) resolve(p);
  // A terminal's foreground group: the group of the newest process on it.
  const newest = new Map<string, ProcInfo>();
  for (const p of procs) {
    if (p.tty === null) continue;
    const cur = newest.get(p.tty);
    if (!cur || p.startTime > cur.startTime || (p.startTime === cur.startTime && p.pid > cur.pid))
      newest.set(p.tty, p);
  }
  for (const p of procs) {
    const fg = p.tty === null ? undefined : newest.get(p.tty);
    if (fg) jobs.get(p.pid)!.tpgid = jobs.get(fg.pid)!.pgid;
  }
  return jobs;
}

export function jobsOf(procs: ProcInfo[]): Jobs {
  if (procs.every((p) => p.pgid !== undefined && p.sid !== undefined && p.tpgid !== undefined)) {
    return new Map(procs.map((p) => [p.pid, { sid: p.sid!, pgid: p.pgid!, tpgid: p.tpgid! }]));
  }
  return inferJobs(procs);
}

/** procps' STAT: state, then `<` `N` (nice), `s` session leader, `l` threads, `+` foreground. */
export function statLetters(p: ProcInfo, job: Job | undefined): string {
  let s: string = p.state;
  if (p.nice < 0) s += '<';
  if (p.nice > 0) s += 'N';
  if (job && job.sid === p.pid) s += 's';
  if (p.threads > 1) s += 'l';
  if (job && job.tpgid !== -1 && job.pgid === job.tpgid) s += '+';
  return s;
}

/**
 * Thread IDs for the threads beyond each process's main one. The simulated kernel counts
 * threads without numbering them, so they get the next numbers after their process that no
 * visible process uses, which is where Linux usually puts them.
 */
export function threadIds(procs: ProcInfo[]): Map<number, number[]> {
  const used = new Set(procs.map((p) => p.pid));
  const out = new Map<number, number[]>();
  for (const p of [...procs].sort((a, b) => a.pid - b.pid)) {
    const tids: number[] = [];
    let next = p.pid + 1;
    while (tids.length < p.threads - 1) {
      if (!used.has(next)) {
        tids.push(next);
        used.add(next);
      }
      next++;
    }
    out.set(p.pid, tids);
  }
  return out;
}
