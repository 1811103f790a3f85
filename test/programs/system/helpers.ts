import { type FileStat, FsError, type FsView } from '../../../src/fs/view.js';
import type { MemInfo, ProcInfo, SystemView, UtsInfo } from '../../../src/kernel/view.js';
import { exitOf, stderrOf, stdoutOf } from '../../../src/programs/run.js';
import type { ProcessContext, ProgramRun } from '../../../src/programs/types.js';

type Entry =
  | { type: 'file'; content: Buffer; mode: number }
  | { type: 'dir' }
  | { type: 'symlink'; target: string };

/** An in-memory file system: just what the system tools read (files, directories, symlinks). */
export class FakeFs implements FsView {
  private readonly entries = new Map<string, Entry>([['/', { type: 'dir' }]]);

  constructor(files: Record<string, string> = {}) {
    for (const [path, content] of Object.entries(files)) this.writeFile(path, content);
  }

  private parentsOf(path: string): void {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!this.entries.has(dir)) this.entries.set(dir, { type: 'dir' });
    }
  }

  private resolve(path: string, depth = 0): string {
    const e = this.entries.get(path);
    if (e?.type === 'symlink' && depth < 8) return this.resolve(e.target, depth + 1);
    return path;
  }

  private statOf(e: Entry | undefined): FileStat | undefined {
    if (!e) return undefined;
    const base = { uid: 0, gid: 0, mtime: 0 };
    if (e.type === 'dir') return { ...base, type: 'dir', mode: 0o755, size: 4096 };
    if (e.type === 'symlink')
      return { ...base, type: 'symlink', mode: 0o777, size: e.target.length, target: e.target };
    return { ...base, type: 'file', mode: e.mode, size: e.content.length };
  }

  stat(path: string): FileStat | undefined {
    return this.statOf(this.entries.get(this.resolve(path)));
  }

  lstat(path: string): FileStat | undefined {
    return this.statOf(this.entries.get(path));
  }

  readFile(path: string): Buffer {
    const e = this.entries.get(this.resolve(path));
    if (!e) throw new FsError('ENOENT', path);
    if (e.type !== 'file') throw new FsError('EISDIR', path);
    return e.content;
  }

  readdir(path: string): string[] {
    const dir = this.resolve(path);
    const e = this.entries.get(dir);
    if (!e) throw new FsError('ENOENT', path);
    if (e.type !== 'dir') throw new FsError('ENOTDIR', path);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    return [...this.entries.keys()]
      .filter((k) => k !== dir && k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .map((k) => k.slice(prefix.length))
      .sort();
  }

  readlink(path: string): string {
    const e = this.entries.get(path);
    if (e?.type !== 'symlink') throw new FsError('EINVAL', path);
    return e.target;
  }

  realpath(path: string): string {
    return this.resolve(path);
  }

  writeFile(path: string, data: string | Uint8Array, opts?: { mode?: number }): void {
    this.parentsOf(path);
    this.entries.set(path, { type: 'file', content: Buffer.from(data), mode: opts?.mode ?? 0o644 });
  }

  mkdir(path: string): void {
    this.parentsOf(path);
    this.entries.set(path, { type: 'dir' });
  }

  remove(path: string): void {
    this.entries.delete(path);
  }

  symlink(target: string, path: string): void {
    this.parentsOf(path);
    this.entries.set(path, { type: 'symlink', target });
  }

  rename(from: string, to: string): void {
    const e = this.entries.get(from);
    if (!e) throw new FsError('ENOENT', from);
    this.entries.delete(from);
    this.entries.set(to, e);
  }

  chmod(): void {}
  chown(): void {}
  utimes(): void {}
}

export interface FakeSystem {
  now: number;
  boot: number;
  uts: UtsInfo;
  cpus: number;
  mem: MemInfo;
  load: [number, number, number];
  procs: ProcInfo[];
  self: number;
  host: boolean;
}

export function fakeSystemView(s: FakeSystem): SystemView {
  return {
    now: () => s.now,
    bootTime: () => s.boot,
    uts: () => s.uts,
    cpus: () => s.cpus,
    meminfo: () => s.mem,
    loadavg: () => s.load,
    processes: () => s.procs.map((p) => ({ ...p, args: [...p.args], ns: { ...p.ns } })),
    selfPid: () => s.self,
    isHost: () => s.host,
  };
}

export interface CtxOptions {
  fs?: FsView;
  uid?: number;
  gid?: number;
  user?: string;
  tty?: boolean;
  env?: Record<string, string>;
  stdin?: string | null;
  exec?: ProcessContext['exec'];
}

export function makeCtx(argv: string[], sys: FakeSystem, o: CtxOptions = {}): ProcessContext {
  return {
    argv,
    path: `/usr/bin/${argv[0]}`,
    env: o.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
    cwd: '/',
    uid: o.uid ?? 0,
    gid: o.gid ?? 0,
    user: o.user ?? 'root',
    tty: o.tty ?? false,
    stdin: o.stdin ?? null,
    fs: o.fs ?? new FakeFs(),
    sys: fakeSystemView(sys),
    exec: o.exec ?? (async () => ({ events: [{ at: 1, kind: 'exit', code: 0 }] })),
    random: () => 0.5,
  };
}

export interface Ran {
  stdout: string;
  stderr: string;
  code: number | undefined;
  run: ProgramRun;
}

/** Runs a program's function and collects what it printed. */
export async function run(
  fn: (ctx: ProcessContext) => ProgramRun | Promise<ProgramRun>,
  ctx: ProcessContext,
): Promise<Ran> {
  const r = await fn(ctx);
  return { stdout: stdoutOf(r), stderr: stderrOf(r), code: exitOf(r), run: r };
}
