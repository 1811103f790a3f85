import { programContent } from '../../../src/fs/files.js';
import { type FileStat, FsError, type FsView, type WriteOptions } from '../../../src/fs/view.js';
import type { ProcInfo, SystemView } from '../../../src/kernel/view.js';
import { findProgram, resolveExecutable } from '../../../src/programs/registry.js';
import type { ProcessContext, ProgramRun } from '../../../src/programs/types.js';

interface Node {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  content: Buffer;
  target?: string;
}

/** A small in-memory file system with the FsView semantics the programs rely on. */
export class MemFs implements FsView {
  readonly nodes = new Map<string, Node>();

  constructor(private readonly now: () => number) {
    this.nodes.set('/', this.node('dir', 0o755));
  }

  private node(type: Node['type'], mode: number): Node {
    return { type, mode, uid: 0, gid: 0, mtime: Math.floor(this.now() / 1000), content: Buffer.alloc(0) };
  }

  private norm(path: string): string {
    const parts: string[] = [];
    for (const p of path.split('/')) {
      if (p === '' || p === '.') continue;
      if (p === '..') parts.pop();
      else parts.push(p);
    }
    return `/${parts.join('/')}`;
  }

  private parent(path: string): string {
    return path.slice(0, path.lastIndexOf('/')) || '/';
  }

  realpath(path: string): string {
    let p = this.norm(path);
    for (let i = 0; i < 40; i++) {
      const parts = p.split('/').slice(1);
      let cur = '';
      let changed = false;
      for (let j = 0; j < parts.length; j++) {
        cur = `${cur}/${parts[j]}`;
        const n = this.nodes.get(cur);
        if (n?.type === 'symlink') {
          const base = n.target!.startsWith('/') ? n.target! : `${this.parent(cur)}/${n.target}`;
          p = this.norm(`${base}/${parts.slice(j + 1).join('/')}`);
          changed = true;
          break;
        }
      }
      if (!changed) return p;
    }
    throw new FsError('ELOOP', path);
  }

  private stats(n: Node): FileStat {
    return { type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, size: n.content.length, mtime: n.mtime, ...(n.target ? { target: n.target } : {}) };
  }

  stat(path: string): FileStat | undefined {
    const n = this.nodes.get(this.realpath(path));
    return n ? this.stats(n) : undefined;
  }

  lstat(path: string): FileStat | undefined {
    const p = this.norm(path);
    const n = this.nodes.get(`${this.realpath(this.parent(p))}/${p.slice(p.lastIndexOf('/') + 1)}`.replace('//', '/'));
    return n ? this.stats(n) : undefined;
  }

  readFile(path: string): Buffer {
    const n = this.nodes.get(this.realpath(path));
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    return n.content;
  }

  readdir(path: string): string[] {
    const p = this.realpath(path);
    const n = this.nodes.get(p);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    const prefix = p === '/' ? '/' : `${p}/`;
    return [...this.nodes.keys()]
      .filter((k) => k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .map((k) => k.slice(prefix.length))
      .sort();
  }

  readlink(path: string): string {
    const n = this.nodes.get(this.norm(path));
    if (n?.type !== 'symlink') throw new FsError('EINVAL', path);
    return n.target!;
  }

  writeFile(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
    const p = this.realpath(path);
    if (this.nodes.get(this.parent(p))?.type !== 'dir') throw new FsError('ENOENT', path);
    const old = this.nodes.get(p);
    if (old?.type === 'dir') throw new FsError('EISDIR', path);
    const n = old ?? this.node('file', opts.mode ?? 0o644);
    const bytes = Buffer.from(data);
    n.content = opts.append ? Buffer.concat([n.content, bytes]) : bytes;
    n.mtime = Math.floor(this.now() / 1000);
    if (opts.uid !== undefined) n.uid = opts.uid;
    if (opts.gid !== undefined) n.gid = opts.gid;
    this.nodes.set(p, n);
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    const p = this.norm(path);
    if (this.nodes.has(p)) {
      if (opts.recursive) return;
      throw new FsError('EEXIST', path);
    }
    if (!this.nodes.has(this.parent(p))) {
      if (!opts.recursive) throw new FsError('ENOENT', path);
      this.mkdir(this.parent(p), opts);
    }
    this.nodes.set(p, this.node('dir', opts.mode ?? 0o755));
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const p = this.norm(path);
    if (!this.nodes.has(p)) throw new FsError('ENOENT', path);
    for (const k of [...this.nodes.keys()]) {
      if (k.startsWith(`${p}/`)) {
        if (!opts.recursive) throw new FsError('ENOTEMPTY', path);
        this.nodes.delete(k);
      }
    }
    this.nodes.delete(p);
  }

  symlink(target: string, path: string): void {
    const n = this.node('symlink', 0o777);
    n.target = target;
    this.nodes.set(this.norm(path), n);
  }

  rename(from: string, to: string): void {
    const n = this.nodes.get(this.norm(from));
    if (!n) throw new FsError('ENOENT', from);
    this.nodes.delete(this.norm(from));
    this.nodes.set(this.norm(to), n);
  }

  chmod(path: string, mode: number): void {
    this.get(path).mode = mode;
  }

  chown(path: string, uid: number, gid: number): void {
    const n = this.get(path);
    n.uid = uid;
    n.gid = gid;
  }

  utimes(path: string, mtime: number): void {
    this.get(path).mtime = mtime;
  }

  private get(path: string): Node {
    const n = this.nodes.get(this.realpath(path));
    if (!n) throw new FsError('ENOENT', path);
    return n;
  }

  /** Test helper: a file with parents. */
  put(path: string, content: string, mode = 0o644): this {
    this.mkdir(this.parent(this.norm(path)), { recursive: true });
    this.writeFile(path, content, { mode });
    return this;
  }

  /** Test helper: an executable that names its program. */
  program(path: string, name: string): this {
    this.mkdir(this.parent(this.norm(path)), { recursive: true });
    this.writeFile(path, programContent(name), { mode: 0o755 });
    return this;
  }
}

export const T0 = Date.UTC(2024, 6, 20, 10, 0, 0);

export interface FakeOptions {
  argv: string[];
  path?: string;
  env?: Record<string, string>;
  uid?: number;
  user?: string;
  tty?: boolean;
  stdin?: string | null;
  fs?: MemFs;
  now?: number;
  cpus?: number;
  processes?: Partial<ProcInfo>[];
}

/** A clock that tests move forward (between a first and a second start). */
export const clock = { now: T0 };

function proc(p: Partial<ProcInfo>): ProcInfo {
  return {
    pid: 1,
    hostPid: 1000,
    ppid: 0,
    uid: 0,
    gid: 0,
    user: 'root',
    comm: 'sh',
    args: ['sh'],
    state: 'S',
    startTime: T0,
    cpuTime: 0,
    cpuCores: 0,
    rss: 0,
    vsz: 0,
    tty: null,
    threads: 1,
    nice: 0,
    ns: { pid: 1, net: 1, mnt: 1, uts: 1, ipc: 1, user: 1, cgroup: 1, time: 1 },
    cgroup: '/',
    kernelThread: false,
    ...p,
  };
}

export function fakeSystem(o: { now?: number; cpus?: number; processes?: Partial<ProcInfo>[] } = {}): SystemView {
  return {
    now: () => o.now ?? clock.now,
    bootTime: () => T0 - 3_600_000,
    uts: () => ({ sysname: 'Linux', nodename: '3f2b1c9d8e7a', release: '6.8.0-45-generic', version: '#45-Ubuntu', machine: 'x86_64', domainname: '(none)' }),
    cpus: () => o.cpus ?? 4,
    meminfo: () => ({ total: 8e9, free: 4e9, available: 6e9, buffers: 0, cached: 0, shared: 0, swapTotal: 0, swapFree: 0 }),
    loadavg: () => [0, 0, 0],
    processes: () => (o.processes ?? [{ pid: 1 }]).map(proc),
    selfPid: () => 1,
    isHost: () => false,
  };
}

/** A process context over an in-memory file system, with a fixed clock and 4 CPUs. */
export function fakeContext(o: FakeOptions): ProcessContext {
  const fs = o.fs ?? new MemFs(() => o.now ?? clock.now);
  const sys = fakeSystem(o);
  let seed = 12345;
  const ctx: ProcessContext = {
    argv: o.argv,
    path: o.path ?? o.argv[0]!,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...o.env },
    cwd: '/',
    uid: o.uid ?? 0,
    gid: o.uid ?? 0,
    user: o.user ?? 'root',
    tty: o.tty ?? false,
    stdin: o.stdin ?? null,
    fs,
    sys,
    exec: async (argv, opts = {}): Promise<ProgramRun> => {
      const found = resolveExecutable(fs, argv[0]!, ctx.env.PATH, ctx.cwd);
      if ('kind' in found) return { events: [{ at: 0, kind: 'stderr', text: `${found.message}\n` }, { at: 1, kind: 'exit', code: 127 }] };
      const program = findProgram(found.program);
      if (!program) return { events: [{ at: 0, kind: 'exit', code: 126 }] };
      return program.run(fakeContext({ ...o, argv, path: found.path, fs, env: opts.env ?? ctx.env, stdin: opts.stdin ?? ctx.stdin }));
    },
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
  };
  return ctx;
}
