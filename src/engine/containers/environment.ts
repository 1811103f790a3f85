import { EngineError } from '../../api/errors.js';
import { decodeFiles, encodeFiles, type FileEntry, type StoredFile } from '../../fs/files.js';
import { UnionFs } from '../../fs/union.js';
import type { FsView } from '../../fs/view.js';
import type { ChainId } from '../../images/digest.js';
import type { Kernel } from '../../kernel/kernel.js';
import type { NetView } from '../../programs/types.js';
import type { StateStore } from '../../store/index.js';
import { initLayerEntries } from '../docker-root/layer-fs.js';
import { seconds } from '../docker-root/state.js';
import type { ImageServices } from '../images/services.js';
import { NetworkAllocator } from '../network/allocator.js';
import { EngineNetView } from '../network/netview.js';
import { hostResolverFiles, hostsFile, linkEntries, resolvConf } from '../network/resolver-files.js';
import { withNet } from '../network/runner-net.js';
import { isPredefined } from '../network/store.js';
import type { Runtime } from '../runtime.js';
import { ContainerMounts } from '../volumes/attach.js';
import { MountTableFs } from '../volumes/mountfs.js';
import { removeContainerVolumes } from '../volumes/verbs.js';
import { type FileMount, MountedFs } from './mounts.js';
import type { ContainerRecord } from './record.js';
import { type ProcessSpec, ProgramRunner } from './runner.js';
import type { ContainerEnvironment } from './runtime.js';
import { ContainerStore } from './store.js';

/** Limits that keep a runaway program from filling the host's disk through the state folder. */
const LAYER_LIMITS = { maxFileSize: 256 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024, maxDepth: 64 };

function parsePasswd(fs: FsView): { name: string; uid: number; gid: number; home: string }[] {
  let text = '';
  try {
    text = fs.readFile('/etc/passwd').toString();
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 7)
    .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]! }));
}

/**
 * What a container's processes see: its root filesystem (image layers + writable layer), the
 * files docker mounts into it, and /proc and /sys from the kernel as its PID namespace sees them.
 */
export class Environments implements ContainerEnvironment {
  private readonly open = new Map<string, { union: UnionFs; fs: FsView }>();
  private readonly stdin = new Map<string, string | null>();
  /** Containers whose files a client reached over the network (a psql -h writing a table). */
  private readonly reached = new Set<string>();
  /** The newest record seen of each container (a starting one has its addresses before it is saved). */
  private readonly latest = new Map<string, ContainerRecord>();
  private readonly mounts: ContainerMounts;
  private readonly containers: ContainerStore;

  /** What an attached client sends to the next start of a container (`docker run -i`). */
  stdinFor(id: string, data: string | null): void {
    this.stdin.set(id, data);
  }

  constructor(
    private readonly store: StateStore,
    private readonly images: ImageServices,
    private readonly kernel: Kernel,
    private readonly rt: Runtime,
    private readonly onAutoRemove: (rec: ContainerRecord) => void,
  ) {
    this.mounts = new ContainerMounts(store, () => rt.clock.now());
    this.containers = new ContainerStore(store);
  }

  private seen(rec: ContainerRecord): ContainerRecord {
    this.latest.set(rec.ID, rec);
    return rec;
  }

  private current(id: string): ContainerRecord | undefined {
    return this.latest.get(id) ?? this.containers.get(id);
  }

  private upperFile(rec: ContainerRecord): string {
    return `overlay2/${rec.RWLayer}/files.json`;
  }

  union(rec: ContainerRecord): UnionFs {
    return this.rootfs(rec).union;
  }

  private rootfs(rec: ContainerRecord): { union: UnionFs; fs: FsView } {
    this.seen(rec);
    const cached = this.open.get(rec.ID);
    if (cached) return cached;
    const lowers: FileEntry[][] = rec.ParentLayer
      ? this.images.layers.stack(rec.ParentLayer as ChainId).map((l) => this.images.layers.files(l.chainId))
      : [];
    // The init layer docker puts between the image and the container: /.dockerenv and the mount points.
    lowers.push(initLayerEntries(new UnionFs(lowers, [], { readOnly: true }), seconds(rec.Created)));
    const text = this.store.readText(this.upperFile(rec));
    const upper = text ? decodeFiles(JSON.parse(text) as StoredFile[]) : [];
    const union = new UnionFs(lowers, upper, {
      now: () => this.rt.clock.now(),
      readOnly: rec.HostConfig.ReadonlyRootfs,
      limits: LAYER_LIMITS,
    });
    const id = rec.ID;
    const files: FileMount[] = [
      { path: '/etc/hostname', content: () => Buffer.from(`${rec.Config.Hostname}\n`) },
      { path: '/etc/hosts', content: () => Buffer.from(this.hostsFile(id)) },
      { path: '/etc/resolv.conf', content: () => Buffer.from(this.resolvConf(id)) },
    ];
    const base = new MountedFs(union, files, () => this.rt.clock.now());
    // volumes: volumes, bind mounts and tmpfs over the root filesystem.
    const dirs = this.mounts.open(rec, base);
    const entry = { union, fs: dirs.length ? new MountTableFs(base, dirs) : (base as FsView) };
    this.open.set(rec.ID, entry);
    return entry;
  }

  /** /etc/hosts: docker's defaults, `--add-host`, `--link` entries, the container's addresses. */
  private hostsFile(id: string): string {
    const rec = this.current(id);
    if (!rec) return '';
    return hostsFile(
      rec,
      linkEntries(rec, this.containers),
      hostResolverFiles(this.kernel.hostView().uts().nodename).hosts,
    );
  }

  private resolvConf(id: string): string {
    const rec = this.current(id);
    if (!rec) return '';
    const user = Object.keys(rec.NetworkSettings.Networks).some((n) => !isPredefined(n));
    return resolvConf(rec, user, hostResolverFiles(this.kernel.hostView().uts().nodename).resolv);
  }

  /** What a container's processes see of the network (the host's view with `rec` undefined). */
  netView(rec: ContainerRecord | undefined): NetView {
    return new EngineNetView(
      {
        store: this.store,
        containers: this.containers,
        kernel: this.kernel,
        fsOf: (peer) => {
          this.reached.add(peer.ID);
          return this.view(this.current(peer.ID) ?? peer, () => peer.State.Pid || 1);
        },
      },
      rec && this.current(rec.ID),
    );
  }

  /** The container's view for processes: root filesystem plus /proc and /sys of `viewerPid`. */
  view(rec: ContainerRecord, viewerPid: () => number): FsView {
    const { fs } = this.rootfs(rec);
    return this.kernel.procFs(fs, viewerPid());
  }

  runner(rec: ContainerRecord, viewerPid: () => number): ProgramRunner {
    const base = this.rootfs(rec).fs;
    const passwd = parsePasswd(base);
    const fs = {
      // /proc depends on the viewer, which may exist only once the process is spawned.
      ...Object.fromEntries(
        [
          'stat',
          'lstat',
          'readFile',
          'readdir',
          'readlink',
          'realpath',
          'writeFile',
          'mkdir',
          'remove',
          'symlink',
          'rename',
          'chmod',
          'chown',
          'utimes',
        ].map((m) => [
          m,
          (...args: unknown[]) =>
            (
              this.kernel.procFs(base, viewerPid()) as unknown as Record<string, (...a: unknown[]) => unknown>
            )[m]!(...args),
        ]),
      ),
    } as unknown as FsView;
    const runner = new ProgramRunner(
      fs,
      () => this.kernel.view(viewerPid(), (uid) => passwd.find((p) => p.uid === uid)?.name),
      `${rec.ID}:${rec.RestartCount}`,
    );
    return withNet(runner, () => this.netView(rec));
  }

  processSpec(rec: ContainerRecord): ProcessSpec {
    let fs: FsView;
    try {
      fs = this.rootfs(rec).fs;
    } catch (e) {
      // A mount that cannot be set up fails the start: the endpoints made for it go again.
      if (e instanceof EngineError) new NetworkAllocator(this.store, this.rt.random).detach(rec);
      throw e;
    }
    const env: Record<string, string> = {};
    for (const kv of rec.Config.Env ?? []) {
      const eq = kv.indexOf('=');
      if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    const { uid, gid, name, home } = this.resolveUser(rec, fs);
    env.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    env.HOSTNAME = rec.Config.Hostname;
    if (rec.Config.Tty) env.TERM ??= 'xterm';
    env.HOME ??= home;
    return {
      argv: [rec.Path, ...rec.Args],
      env,
      cwd: rec.Config.WorkingDir || '/',
      uid,
      gid,
      user: name,
      tty: rec.Config.Tty,
      stdin: this.stdin.get(rec.ID) ?? null,
      // A terminal, or `-i` without a client piping data in, never reaches end of input.
      stdinOpen: rec.Config.Tty || (rec.Config.OpenStdin && !this.stdin.has(rec.ID)),
    };
  }

  /** `-u name`, `-u 1000`, `-u name:group`: looked up in the container's /etc/passwd. */
  resolveUser(
    rec: ContainerRecord,
    fs: FsView = this.rootfs(rec).fs,
  ): { uid: number; gid: number; name: string; home: string } {
    const user = rec.Config.User || '0';
    const [who, group] = user.split(':');
    const passwd = parsePasswd(fs);
    const entry = /^\d+$/.test(who!)
      ? passwd.find((p) => p.uid === Number(who))
      : passwd.find((p) => p.name === who);
    if (!entry && !/^\d+$/.test(who!)) {
      throw new Error(`unable to find user ${who}: no matching entries in passwd file`);
    }
    const uid = entry?.uid ?? Number(who);
    const gid = group && /^\d+$/.test(group) ? Number(group) : (entry?.gid ?? uid);
    return { uid, gid, name: entry?.name ?? (uid === 0 ? 'root' : String(uid)), home: entry?.home ?? '/' };
  }

  saveLayer(rec: ContainerRecord): void {
    this.saveOne(rec);
    // What a client wrote into a server over the network lands in the server's layer and volumes.
    for (const id of [...this.reached]) {
      this.reached.delete(id);
      const peer = id === rec.ID ? undefined : this.current(id);
      if (peer) this.saveOne(peer);
    }
  }

  private saveOne(rec: ContainerRecord): void {
    const entry = this.open.get(rec.ID);
    if (!entry) return;
    this.store.writeText(this.upperFile(rec), JSON.stringify(encodeFiles(entry.union.upperEntries())));
    this.mounts.save(rec);
  }

  /** `--rm`: the container goes, and with it the anonymous volumes only it used. */
  autoRemove(rec: ContainerRecord): void {
    this.onAutoRemove(rec);
    this.removeVolumesOf(rec);
  }

  /** Anonymous volumes of a removed container (`docker rm -v`, `--rm`). */
  removeVolumesOf(rec: ContainerRecord): void {
    removeContainerVolumes(this.store, this.containers, rec);
  }
}
