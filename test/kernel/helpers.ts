import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type FileStat, FsError, type FsView, type WriteOptions } from '../../src/fs/view.js';
import { DEFAULT_HOST } from '../../src/kernel/host.js';
import { Kernel } from '../../src/kernel/kernel.js';
import { limitsFromFlags, type ResourceFlags } from '../../src/kernel/limits.js';
import type { NamespaceType } from '../../src/kernel/view.js';
import { StateStore } from '../../src/store/index.js';

/** 2026-11-23T09:15:00Z, the simulated instant the tests start at. */
export const T0 = Date.UTC(2026, 10, 23, 9, 15, 0);

export class TestClock {
  constructor(public t = T0) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export function tempStore(): StateStore {
  return new StateStore(fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-kernel-')));
}

export function newKernel(store = tempStore(), clock = new TestClock()) {
  return { kernel: Kernel.load(store, DEFAULT_HOST, clock.now), store, clock };
}

export const ID_WEB = '9c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c';
export const ID_DB = '3f4e8c2a9b1d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f';

export interface StartedContainer {
  shim: number;
  pid1: number;
  ns: Record<NamespaceType, number>;
  cgroup: string;
}

/** What the engine does for `docker run`: namespaces, scope, shim, then the container's first process. */
export function startContainer(
  kernel: Kernel,
  clock: TestClock,
  id: string,
  args: string[],
  opts: {
    share?: Partial<Record<NamespaceType, number>>;
    flags?: ResourceFlags;
    uid?: number;
    memory?: number;
  } = {},
): StartedContainer {
  const ns = kernel.createNamespaces(opts.share ?? {});
  if (opts.share?.uts === undefined) kernel.setHostname(ns.uts, id.slice(0, 12));
  const cgroup = `/system.slice/docker-${id}.scope`;
  kernel.createCgroup(cgroup, limitsFromFlags(opts.flags ?? {}));
  const host = kernel.hostNamespaces();
  const shim = kernel.spawn({
    ppid: 1,
    args: [
      '/usr/bin/containerd-shim-runc-v2',
      '-namespace',
      'moby',
      '-id',
      id,
      '-address',
      '/run/containerd/containerd.sock',
    ],
    uid: 0,
    gid: 0,
    ns: host,
    cgroup: '/system.slice/containerd.service',
    startTime: clock.now(),
    threads: 11,
    memory: 13120 * 1024,
  });
  const pid1 = kernel.spawn({
    ppid: shim,
    args,
    uid: opts.uid ?? 0,
    gid: opts.uid ?? 0,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: id.slice(0, 12) },
    ns,
    cgroup,
    startTime: clock.now(),
    memory: opts.memory ?? 2 * 1024 * 1024,
    container: id,
  });
  return { shim, pid1, ns, cgroup };
}

interface Entry {
  type: FileStat['type'];
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  content?: Buffer;
  target?: string;
}

/** A tiny in-memory filesystem standing for a container's or the host's root. */
export class MemFs implements FsView {
  private entries = new Map<string, Entry>([['/', { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }]]);

  constructor(files: Record<string, string> = {}) {
    for (const [p, text] of Object.entries(files)) {
      this.mkdir(p.slice(0, p.lastIndexOf('/')) || '/', { recursive: true });
      this.writeFile(p, text);
    }
  }

  private norm(p: string): string {
    const out: string[] = [];
    for (const part of p.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return `/${out.join('/')}`;
  }

  realpath(p: string, depth = 0): string {
    if (depth > 20) throw new FsError('ELOOP', p);
    let cur = '/';
    for (const part of this.norm(p).split('/').filter(Boolean)) {
      const next = cur === '/' ? `/${part}` : `${cur}/${part}`;
      const e = this.entries.get(next);
      if (!e) throw new FsError('ENOENT', p);
      cur =
        e.type === 'symlink'
          ? this.realpath(e.target!.startsWith('/') ? e.target! : `${cur}/${e.target}`, depth + 1)
          : next;
    }
    return cur;
  }

  private toStat(e: Entry): FileStat {
    const size = e.content?.length ?? 0;
    return {
      type: e.type,
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      size,
      mtime: e.mtime,
      ...(e.target ? { target: e.target } : {}),
    };
  }

  stat(p: string): FileStat | undefined {
    try {
      return this.toStat(this.entries.get(this.realpath(p))!);
    } catch {
      return undefined;
    }
  }

  lstat(p: string): FileStat | undefined {
    const n = this.norm(p);
    const dir = n.slice(0, n.lastIndexOf('/')) || '/';
    try {
      const e = this.entries.get(
        `${this.realpath(dir).replace(/\/$/, '')}/${n.slice(n.lastIndexOf('/') + 1)}`,
      );
      return n === '/' ? this.stat('/') : e && this.toStat(e);
    } catch {
      return undefined;
    }
  }

  readFile(p: string): Buffer {
    const e = this.entries.get(this.realpath(p))!;
    if (e.type === 'dir') throw new FsError('EISDIR', p);
    return e.content ?? Buffer.alloc(0);
  }

  readdir(p: string): string[] {
    const dir = this.realpath(p);
    if (this.entries.get(dir)!.type !== 'dir') throw new FsError('ENOTDIR', p);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    return [...this.entries.keys()]
      .filter((k) => k !== dir && k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .map((k) => k.slice(prefix.length))
      .sort();
  }

  readlink(p: string): string {
    const e = this.entries.get(this.norm(p));
    if (!e) throw new FsError('ENOENT', p);
    if (e.type !== 'symlink') throw new FsError('EINVAL', p);
    return e.target!;
  }

  writeFile(p: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
    const n = this.norm(p);
    const prev = opts.append ? (this.entries.get(n)?.content ?? Buffer.alloc(0)) : Buffer.alloc(0);
    const content = Buffer.concat([prev, Buffer.from(data)]);
    this.entries.set(n, {
      type: 'file',
      mode: opts.mode ?? 0o644,
      uid: opts.uid ?? 0,
      gid: opts.gid ?? 0,
      mtime: 0,
      content,
    });
  }

  mkdir(p: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    const n = this.norm(p);
    if (this.entries.has(n)) {
      if (opts.recursive) return;
      throw new FsError('EEXIST', p);
    }
    const parent = n.slice(0, n.lastIndexOf('/')) || '/';
    if (!this.entries.has(parent)) {
      if (!opts.recursive) throw new FsError('ENOENT', p);
      this.mkdir(parent, opts);
    }
    this.entries.set(n, { type: 'dir', mode: opts.mode ?? 0o755, uid: 0, gid: 0, mtime: 0 });
  }

  remove(p: string): void {
    const n = this.norm(p);
    for (const k of [...this.entries.keys()]) if (k === n || k.startsWith(`${n}/`)) this.entries.delete(k);
  }

  symlink(target: string, p: string): void {
    this.entries.set(this.norm(p), { type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 0, target });
  }

  rename(from: string, to: string): void {
    const e = this.entries.get(this.norm(from));
    if (!e) throw new FsError('ENOENT', from);
    this.entries.delete(this.norm(from));
    this.entries.set(this.norm(to), e);
  }

  chmod(p: string, mode: number): void {
    this.entries.get(this.realpath(p))!.mode = mode;
  }

  chown(p: string, uid: number, gid: number): void {
    Object.assign(this.entries.get(this.realpath(p))!, { uid, gid });
  }

  utimes(p: string, mtime: number): void {
    this.entries.get(this.realpath(p))!.mtime = mtime;
  }
}

export const text = (fsv: FsView, p: string): string => fsv.readFile(p).toString();
