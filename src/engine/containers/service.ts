import type {
  ContainerCreateRequest,
  ContainerInspect,
  ContainerListOptions,
  ContainerSummary,
  ExecRequest,
  StatsSample,
  TopResult,
} from '../../api/containers.js';
import { conflict, invalidParameter, notFound } from '../../api/errors.js';
import type { RemovedFact } from '../../api/explain.js';
import type { FsView } from '../../fs/view.js';
import { parseNormalized, withDefaultTag } from '../../images/reference.js';
import { HOST_USERS } from '../../kernel/boot.js';
import type { HostSpec } from '../../kernel/host.js';
import type { Kernel } from '../../kernel/kernel.js';
import { findProgram } from '../../programs/registry.js';
import { stdoutOf } from '../../programs/run.js';
import type { TimelineEvent } from '../../programs/types.js';
import type { StateStore } from '../../store/index.js';
import { rfc3339Nano } from '../../util/text.js';
import { withDockerRoot } from '../docker-root/index.js';
import type { EventLog } from '../events.js';
import { hostFs } from '../host.js';
import type { ImageServices } from '../images/services.js';
import { addHostNetworkTools } from '../network/host-tools.js';
import { withNet } from '../network/runner-net.js';
import type { Runtime } from '../runtime.js';
import { createContainer } from './create.js';
import { Environments } from './environment.js';
import { graphDriverData, inspectContainer } from './inspect.js';
import { listContainers } from './list.js';
import { processFact, refOf } from './narrate.js';
import type { ContainerRecord } from './record.js';
import { loadPrograms, ProgramRunner } from './runner.js';
import { ContainerRuntime } from './runtime.js';
import { commandText } from './status.js';
import { ContainerStore } from './store.js';
import { loadRuntime, normalizeSignal } from './tracks.js';

const START_SETTLE_MS = 250;

/** The container verbs of one engine call, over the stores, the kernel and the runtime. */
export class ContainerService {
  readonly containers: ContainerStore;
  readonly env: Environments;
  readonly runtime: ContainerRuntime;

  constructor(
    readonly store: StateStore,
    readonly images: ImageServices,
    readonly kernel: Kernel,
    readonly rt: Runtime,
    readonly events: EventLog,
    private readonly networks: () => string[],
    readonly host: HostSpec,
  ) {
    this.containers = new ContainerStore(store);
    this.env = new Environments(store, images, kernel, rt, (rec) => this.removeRecord(rec));
    this.runtime = new ContainerRuntime(store, this.containers, kernel, rt, events, this.env, images);
  }

  now(): number {
    return this.rt.clock.now();
  }

  find(ref: string): ContainerRecord {
    return this.containers.find(ref);
  }

  create(req: ContainerCreateRequest): { Id: string; Warnings: string[] } {
    return createContainer(
      this.images,
      this.containers,
      this.rt,
      this.events,
      req,
      this.kernel.hostView().cpus(),
      this.networks(),
    );
  }

  async start(ref: string): Promise<ContainerRecord> {
    const rec = this.find(ref);
    if (rec.State.Paused) throw conflict('cannot start a paused container, try unpause instead');
    if (rec.State.Running) return rec;
    try {
      await this.runtime.start(rec);
    } catch (e) {
      this.events.emit(
        'container',
        'die',
        rec.ID,
        { name: rec.Name.slice(1), image: rec.Config.Image },
        this.now(),
      );
      throw e;
    }
    // `docker start` returns once the container runs; in deterministic mode the first quarter
    // second of its life passes with it, so its start-up output is there for the next command.
    if (this.rt.clock.deterministic) this.rt.clock.advance(START_SETTLE_MS);
    const started = this.containers.get(rec.ID) ?? rec;
    const before = new Set(this.pids(started));
    const command = this.kernel.process(started.State.Pid)?.comm;
    await this.runtime.advance(started, this.now());
    this.narrateChildren(started, before, command);
    // A `--rm` container that already finished is gone by now.
    return this.containers.get(rec.ID) ?? started;
  }

  /** SIGTERM (or the image's stop signal), then SIGKILL after the timeout; returns when it has stopped. */
  async stop(
    ref: string,
    opts: { timeout?: number; signal?: string },
    passTime: (ms: number) => Promise<void>,
  ): Promise<void> {
    const plan = await this.stopBegin(ref, opts);
    if (!plan) return;
    await passTime(Math.max(0, stopWaitsUntil(plan) - this.now()));
    await this.stopEnd(plan);
  }

  /**
   * The first half of a stop: the signal is sent. Returns when the container should be looked at
   * again (its exit, or the end of the grace period), or nothing when it is already stopped.
   */
  async stopBegin(ref: string, opts: { timeout?: number; signal?: string }): Promise<StopPlan | undefined> {
    const rec = this.find(ref);
    if (!rec.State.Running && !rec.State.Restarting) return undefined;
    rec.HasBeenManuallyStopped = true;
    this.containers.save(rec);
    if (rec.State.Restarting) {
      this.runtime.exitContainer(rec, loadRuntime(this.store, rec.ID), rec.State.ExitCode, this.now(), false);
      return undefined;
    }
    if (rec.State.Paused) this.runtime.unpause(rec);
    const signal = normalizeSignal(opts.signal ?? rec.Config.StopSignal ?? 'SIGTERM') ?? 'SIGTERM';
    const timeout = (opts.timeout ?? rec.Config.StopTimeout ?? 10) * 1000;
    const started = this.now();
    await this.runtime.signal(this.find(rec.ID), signal, started);
    const exitAt = this.runtime.exitTime(this.find(rec.ID));
    const graceful = exitAt !== undefined && exitAt <= started + timeout;
    return { id: rec.ID, started, timeout, ...(graceful ? { exitAt } : {}) };
  }

  /** The second half: the container has exited by now, or gets SIGKILL; then the stop event. */
  async stopEnd(plan: StopPlan): Promise<void> {
    const rec = this.containers.get(plan.id);
    if (!rec) return;
    if (rec.State.Running && plan.exitAt !== undefined) await this.runtime.advance(rec, plan.exitAt);
    if (this.find(rec.ID).State.Running)
      await this.runtime.signal(this.find(rec.ID), 'SIGKILL', this.now(), plan.timeout / 1000);
    this.events.emit(
      'container',
      'stop',
      rec.ID,
      { name: rec.Name.slice(1), image: rec.Config.Image },
      this.now(),
    );
  }

  async kill(ref: string, signal = 'SIGKILL'): Promise<void> {
    const rec = this.find(ref);
    if (!rec.State.Running || rec.State.Restarting) {
      throw conflict(`cannot kill container: ${ref}: container ${rec.ID} is not running`);
    }
    const sig = normalizeSignal(signal);
    if (!sig) throw invalidParameter(`Invalid signal: ${signal}`);
    if (sig === 'SIGKILL' || sig === 'SIGTERM') {
      rec.HasBeenManuallyStopped =
        rec.HostConfig.RestartPolicy.Name === 'unless-stopped' ? false : rec.HasBeenManuallyStopped;
    }
    this.events.emit(
      'container',
      'kill',
      rec.ID,
      { name: rec.Name.slice(1), image: rec.Config.Image, signal: String(sig) },
      this.now(),
    );
    await this.runtime.signal(rec, sig, this.now());
  }

  remove(ref: string, opts: { force?: boolean; volumes?: boolean }): void {
    const rec = this.find(ref);
    if (rec.State.Running && !opts.force) {
      if (rec.State.Paused)
        throw conflict(`cannot remove container "${ref}": container is paused and must be unpaused first`);
      if (rec.State.Restarting) {
        throw conflict(
          `cannot remove container "${ref}": container is restarting: stop the container before removing or force remove`,
        );
      }
      throw conflict(
        `cannot remove container "${ref}": container is running: stop the container before removing or force remove`,
      );
    }
    if (rec.State.Running) {
      // rm -f: the daemon kills the container first, and nothing restarts it.
      rec.HasBeenManuallyStopped = true;
      if (rec.State.Pid > 0)
        this.events.explain({
          kind: 'signal',
          ...refOf(rec),
          signal: 'SIGKILL',
          number: 9,
          hostPid: rec.State.Pid,
          outcome: 'killed',
        });
      this.runtime.exitContainer(rec, loadRuntime(this.store, rec.ID), 137, this.now(), false);
    }
    this.removeRecord(this.containers.get(rec.ID) ?? rec);
    // volumes: `docker rm -v` takes the container's anonymous volumes with it.
    if (opts.volumes) this.env.removeVolumesOf(rec);
  }

  /** `--explain`: what a starting container's PID 1 did in its first moments (execve, children). */
  private narrateChildren(rec: ContainerRecord, before: Set<number>, command: string | undefined): void {
    const now = this.containers.get(rec.ID);
    if (!now?.State.Running) return;
    const main = processFact(this.kernel, now, now.State.Pid, 'execve');
    if (main && command && main.command !== command) this.events.explain({ ...main, previous: command });
    for (const pid of this.pids(now)) {
      const fact = before.has(pid) ? undefined : processFact(this.kernel, now, pid, 'child');
      if (fact) this.events.explain(fact);
    }
  }

  private removeRecord(rec: ContainerRecord): void {
    const removed: RemovedFact = {
      kind: 'removed',
      ...refOf(rec),
      upperDir: graphDriverData(rec, this.images).UpperDir,
      bytes: this.writableBytes(rec),
      imageLayers: rec.ParentLayer ? this.images.layers.stack(rec.ParentLayer as never).length : 0,
    };
    this.store.remove(`overlay2/${rec.RWLayer}`);
    if (rec.ParentLayer) this.images.layers.release(rec.ParentLayer as never);
    this.containers.remove(rec);
    this.events.explain(removed);
    this.events.emit(
      'container',
      'destroy',
      rec.ID,
      { name: rec.Name.slice(1), image: rec.Config.Image },
      this.now(),
    );
  }

  rename(ref: string, name: string): void {
    const rec = this.find(ref);
    const clean = name.replace(/^\//, '');
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(clean)) {
      throw invalidParameter(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const old = rec.Name.slice(1);
    if (old === clean) throw invalidParameter('Renaming a container with the same name as its current name');
    this.containers.reserveName(clean, rec.ID);
    this.containers.releaseName(old);
    rec.Name = `/${clean}`;
    this.containers.save(rec);
    this.events.emit(
      'container',
      'rename',
      rec.ID,
      { name: clean, oldName: `/${old}`, image: rec.Config.Image },
      this.now(),
    );
  }

  list(opts: ContainerListOptions): ContainerSummary[] {
    return listContainers(this.containers, this.images, opts, this.now(), (rec) => this.sizes(rec));
  }

  /** Bytes in the writable layer. */
  writableBytes(rec: ContainerRecord): number {
    const text = this.store.readText(`overlay2/${rec.RWLayer}/files.json`) ?? '[]';
    const files = JSON.parse(text) as { t: string; c?: string; s?: number }[];
    return files.reduce(
      (n, f) => n + (f.t === 'file' ? (f.s ?? Buffer.from(f.c ?? '', 'base64').length) : 0),
      0,
    );
  }

  /** Bytes in the writable layer, and the image's size under it. */
  sizes(rec: ContainerRecord): [number, number] {
    const rw = this.writableBytes(rec);
    const image = this.images.images.get(rec.Image as never);
    return [rw, rw + (image ? this.images.size(image) : 0)];
  }

  inspect(ref: string, size = false): ContainerInspect {
    const rec = this.find(ref);
    return inspectContainer(rec, this.images, size ? this.sizes(rec) : undefined);
  }

  /** Host PIDs of a container's processes (all tracks and their children). */
  pids(rec: ContainerRecord): number[] {
    const cgroup = `/system.slice/docker-${rec.ID}.scope`;
    return this.kernel
      .processes()
      .filter((p) => p.cgroup === cgroup)
      .map((p) => p.pid);
  }

  /** `docker top`: the host's `ps` with the given options, rows kept for this container's PIDs. */
  async top(ref: string, psArgs: string): Promise<TopResult> {
    const rec = this.find(ref);
    if (rec.State.Restarting)
      throw conflict(`Container ${rec.ID} is restarting, wait until the container is running`);
    if (!rec.State.Running) throw conflict(`container ${rec.ID} is not running`);
    await loadPrograms();
    const ps = findProgram('procps:ps');
    if (!ps) throw new Error('ps is not available');
    const args = psArgs.trim() === '' ? ['-ef'] : psArgs.trim().split(/\s+/);
    const fs = this.kernel.procFs(
      hostFs(this.host, () => this.now()),
      1,
    );
    const run = await ps.run({
      argv: ['ps', ...args],
      path: '/usr/bin/ps',
      env: { PATH: '/usr/bin' },
      cwd: '/',
      uid: 0,
      gid: 0,
      user: 'root',
      tty: false,
      stdin: null,
      fs,
      sys: this.kernel.hostView(),
      exec: async () => ({ events: [{ at: 0, kind: 'exit', code: 127 }] }),
      random: () => 0.5,
    });
    const lines = stdoutOf(run).split('\n').filter(Boolean);
    const titles = (lines[0] ?? '').trim().split(/\s+/);
    const pidCol = titles.indexOf('PID');
    if (pidCol < 0) throw invalidParameter(`Couldn't find PID field in ps output`);
    const pids = new Set(this.pids(rec).map(String));
    const processes = lines
      .slice(1)
      .map((line) => splitColumns(line, titles.length))
      .filter((cols) => pids.has(cols[pidCol] ?? ''));
    return { Titles: titles, Processes: processes };
  }

  stats(ref: string): StatsSample {
    const rec = this.find(ref);
    const running = rec.State.Running && !rec.State.Restarting;
    const cgroup = `/system.slice/docker-${rec.ID}.scope`;
    const s = running ? this.kernel.cgroupStats(cgroup) : undefined;
    const host = this.kernel.hostView();
    const procs = running ? this.kernel.processes().filter((p) => p.cgroup === cgroup) : [];
    const cores = procs.reduce((n, p) => n + (p.cpuCores ?? 0), 0);
    const limit = s?.limits.memoryMax ?? host.meminfo().total;
    const uptime = running ? (this.now() - Date.parse(rec.State.StartedAt)) / 1000 : 0;
    return {
      read: rfc3339Nano(this.now()),
      id: rec.ID,
      name: rec.Name,
      cpuPercent: running
        ? Math.min(cores, s?.limits.cpuQuotaUsec ? s.limits.cpuQuotaUsec / s.limits.cpuPeriodUsec : cores) *
          100
        : 0,
      memoryUsage: s?.memoryCurrent ?? 0,
      memoryLimit: running ? limit : 0,
      netRx:
        running && rec.HostConfig.NetworkMode !== 'none' && rec.HostConfig.NetworkMode !== 'host'
          ? Math.round(866 + uptime * 2)
          : 0,
      netTx: 0,
      blockRead: 0,
      blockWrite: 0,
      pids: procs.length,
    };
  }

  /** `terminal`: a terminal session drives the process line by line (its stdin stays open). */
  async exec(ref: string, req: ExecRequest, execId: string, stdin: string | null = null, terminal = false) {
    const rec = this.find(ref);
    if (rec.State.Paused) throw conflict(`Container ${ref} is paused, unpause the container before exec`);
    if (rec.State.Restarting)
      throw conflict(`Container ${rec.ID} is restarting, wait until the container is running`);
    if (!rec.State.Running) throw conflict(`container ${rec.ID} is not running`);
    const base = this.env.processSpec(rec);
    const userRec = req.User ? { ...rec, Config: { ...rec.Config, User: req.User } } : rec;
    const user = this.env.resolveUser(userRec);
    const env = { ...base.env };
    for (const kv of req.Env ?? []) {
      const eq = kv.indexOf('=');
      if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    if (req.Tty) env.TERM ??= 'xterm';
    const spec = {
      ...base,
      argv: req.Cmd,
      env,
      cwd: req.WorkingDir || base.cwd,
      uid: user.uid,
      gid: user.gid,
      user: user.name,
      tty: req.Tty ?? false,
      stdin,
      // A terminal session: what the program reads comes line by line, later.
      stdinOpen: terminal || undefined,
    };
    this.events.emit(
      'container',
      `exec_start: ${req.Cmd.join(' ')}`,
      rec.ID,
      { name: rec.Name.slice(1), image: rec.Config.Image, execID: execId },
      this.now(),
    );
    return this.runtime.exec(rec, spec, execId);
  }

  /**
   * The host's root filesystem with its network tools (curl, ip, ping) and resolver files, and
   * docker's state computed at /var/lib/docker.
   */
  hostBaseFs(): FsView {
    const base = hostFs(this.host, () => this.now());
    addHostNetworkTools(base, this.host.hostname);
    const { store, images, host } = this;
    return withDockerRoot(base, { store, images, now: () => this.now(), hostname: host.hostname });
  }

  /**
   * A command on the host, as a root shell there would run it: a short-lived process in the
   * host's namespaces whose /proc shows everything, containers included.
   */
  async hostCommand(
    argv: string[],
    stdin: string | null,
    as: HostCommandOptions = {},
  ): Promise<{ events: TimelineEvent[]; code: number }> {
    const base = as.fs ?? this.hostBaseFs();
    const uid = as.uid ?? 0;
    const ns = this.kernel.hostNamespaces();
    const pid = this.kernel.spawn({
      ppid: this.kernel.hostShellPid(),
      args: argv,
      uid,
      gid: uid,
      ns,
      cgroup: '/user.slice/user-0.slice/session-1.scope',
      startTime: this.now(),
      tty: 'pts/0',
    });
    const passwd = (uid: number) => HOST_USERS[uid];
    const runner = withNet(
      new ProgramRunner(
        this.kernel.procFs(base, pid),
        () => this.kernel.view(pid, passwd),
        `host:${this.now()}`,
      ),
      () => this.env.netView(undefined), // network: the host's side of docker's networks
    );
    try {
      const outcome = await runner.run({
        argv,
        env: as.env ?? {
          PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          HOME: '/root',
          USER: 'root',
          LOGNAME: 'root',
          SHELL: '/bin/bash',
          TERM: 'xterm',
        },
        cwd: as.cwd ?? '/root',
        uid,
        gid: uid,
        user: HOST_USERS[uid] ?? String(uid),
        tty: false,
        stdin,
      });
      if (!outcome.ok) {
        const name = argv[0] ?? '';
        return { events: [{ at: 0, kind: 'stderr', text: `${name}: command not found\n` }], code: 127 };
      }
      let events = outcome.run.events;
      const enter = events.find((e) => e.kind === 'nsenter') as
        | { pid: number; namespaces: string[]; argv: string[] }
        | undefined;
      if (enter) events = await this.nsenter(enter, runner, stdin);
      for (const e of events) {
        if (e.kind === 'signal')
          await this.signalHostPid((e as { pid: number }).pid, (e as { signal: string }).signal);
      }
      const exit = events.find((e) => e.kind === 'exit');
      return { events, code: exit?.kind === 'exit' ? exit.code : 0 };
    } finally {
      this.kernel.exit(pid);
    }
  }

  /**
   * `nsenter -t PID -m -u -i -n -p CMD` on the host: the command runs where PID lives — in a
   * container's namespaces it sees the container's files, hostname and processes.
   */
  private async nsenter(
    enter: { pid: number; namespaces: string[]; argv: string[] },
    hostRunner: ProgramRunner,
    stdin: string | null,
  ): Promise<TimelineEvent[]> {
    const proc = this.kernel.process(enter.pid);
    const id = proc?.cgroup.match(/docker-([0-9a-f]{64})\.scope/)?.[1];
    const rec = id ? this.containers.get(id) : undefined;
    const inside = rec && enter.namespaces.includes('mnt');
    const runner = inside ? this.env.runner(rec, () => enter.pid) : hostRunner;
    const env = inside
      ? this.env.processSpec(rec).env
      : { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
    const outcome = await runner.run({
      argv: enter.argv,
      env,
      cwd: '/',
      uid: 0,
      gid: 0,
      user: 'root',
      tty: false,
      stdin,
    });
    if (!outcome.ok) {
      return [
        {
          at: 0,
          kind: 'stderr',
          text: `nsenter: failed to execute ${enter.argv[0]}: No such file or directory\n`,
        },
        { at: 1, kind: 'exit', code: 127 },
      ];
    }
    if (rec) this.env.saveLayer(rec);
    return outcome.run.events;
  }

  /** `kill PID` on the host: the container whose process it is receives the signal. */
  /** A signal sent on the host (`kill PID`, `sudo kill`): a container's main process answers, others end. */
  async signalHostPid(pid: number, signal: string): Promise<void> {
    const proc = this.kernel.process(pid);
    const id = proc?.cgroup.match(/docker-([0-9a-f]{64})\.scope/)?.[1];
    if (!id) return;
    const rec = this.containers.get(id);
    if (!rec) return;
    if (rec.State.Pid === pid)
      await this.runtime.signal(rec, normalizeSignal(signal) ?? 'SIGTERM', this.now());
    else this.kernel.exit(pid);
  }

  /** docker diff: the writable layer's changes as the overlay driver reports them. */
  diff(ref: string): { Kind: 0 | 1 | 2; Path: string }[] {
    const rec = this.find(ref);
    const kinds = { C: 0, A: 1, D: 2 } as const;
    return this.env
      .union(rec)
      .changes()
      .map((c) => ({ Kind: kinds[c.kind], Path: c.path }));
  }

  /**
   * docker commit: the container's writable layer becomes a read-only layer on top of its
   * image, with the container's config (and `--change` instructions applied).
   */
  commit(
    ref: string,
    opts: { repo?: string; comment?: string; author?: string; changes?: string[] },
  ): { Id: string } {
    const rec = this.find(ref);
    const image = this.images.images.get(rec.Image as never);
    if (!image) throw notFound(`No such image: ${rec.Image}`);
    const upper = this.env.union(rec).upperEntries();
    const registered = this.images.layers.register(image.topLayer, upper);
    const c = rec.Config;
    const config: Record<string, unknown> = {
      ...(image.config.config ?? {}),
      Env: c.Env,
      Cmd: c.Cmd,
      Entrypoint: c.Entrypoint,
      WorkingDir: c.WorkingDir,
      User: c.User,
      ...(c.ExposedPorts ? { ExposedPorts: c.ExposedPorts } : {}),
      Labels: c.Labels,
    };
    applyChanges(config, opts.changes ?? []);
    const created = rfc3339Nano(this.now());
    const json = JSON.stringify({
      architecture: 'amd64',
      ...(opts.author ? { author: opts.author } : {}),
      ...(opts.comment ? { comment: opts.comment } : {}),
      config,
      container: rec.ID,
      created,
      docker_version: '28.2.2',
      history: [
        ...image.config.history,
        {
          created,
          created_by: commandText(rec),
          ...(opts.author ? { author: opts.author } : {}),
          ...(opts.comment ? { comment: opts.comment } : {}),
        },
      ],
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [...image.config.rootfs.diff_ids, registered.info.diffId] },
    });
    const committed = this.images.images.create(json, image.id);
    this.images.layers.release(registered.info.chainId);
    if (opts.repo) this.images.tags.set(withDefaultTag(parseNormalized(opts.repo)), committed.id);
    this.events.emit(
      'container',
      'commit',
      rec.ID,
      { comment: opts.comment ?? '', imageID: committed.id, name: rec.Name.slice(1) },
      this.now(),
    );
    return { Id: committed.id };
  }

  prune(): { ContainersDeleted: string[] | null; SpaceReclaimed: number } {
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const rec of this.containers.all()) {
      if (rec.State.Running) continue;
      reclaimed += this.sizes(rec)[0];
      this.removeRecord(rec);
      deleted.push(rec.ID);
    }
    return { ContainersDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed };
  }

  notFound(ref: string): never {
    throw notFound(`No such container: ${ref}`);
  }
}

/** `docker commit --change 'CMD ["x"]'`: the Dockerfile instructions commit accepts. */
export function applyChanges(config: Record<string, unknown>, changes: string[]): void {
  for (const change of changes) {
    const m = /^\s*(\w+)\s+(.*)$/s.exec(change);
    if (!m) throw invalidParameter(`dockerfile parse error on line 1: unknown instruction: ${change}`);
    const [, word, rest] = m as unknown as [string, string, string];
    const value = (): string[] => {
      try {
        const parsed = JSON.parse(rest);
        if (Array.isArray(parsed)) return parsed.map(String);
      } catch {
        /* shell form */
      }
      return ['/bin/sh', '-c', rest];
    };
    switch (word.toUpperCase()) {
      case 'CMD':
        config.Cmd = value();
        break;
      case 'ENTRYPOINT':
        config.Entrypoint = value();
        break;
      case 'ENV': {
        const env = [...((config.Env as string[]) ?? [])];
        const [k, v] = rest.includes('=')
          ? [rest.slice(0, rest.indexOf('=')), rest.slice(rest.indexOf('=') + 1)]
          : rest.split(/\s+/, 2);
        const kept = env.filter((e) => !e.startsWith(`${k}=`));
        config.Env = [...kept, `${k}=${(v ?? '').replace(/^"(.*)"$/, '$1')}`];
        break;
      }
      case 'WORKDIR':
        config.WorkingDir = rest.trim();
        break;
      case 'USER':
        config.User = rest.trim();
        break;
      case 'EXPOSE':
        config.ExposedPorts = {
          ...((config.ExposedPorts as object) ?? {}),
          ...Object.fromEntries(
            rest
              .trim()
              .split(/\s+/)
              .map((p) => [p.includes('/') ? p : `${p}/tcp`, {}]),
          ),
        };
        break;
      case 'LABEL': {
        const eq = rest.indexOf('=');
        config.Labels = {
          ...((config.Labels as object) ?? {}),
          [rest.slice(0, eq).trim()]: rest
            .slice(eq + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1'),
        };
        break;
      }
      case 'VOLUME':
        config.Volumes = { ...((config.Volumes as object) ?? {}), [rest.trim()]: {} };
        break;
      case 'STOPSIGNAL':
        config.StopSignal = rest.trim();
        break;
      default:
        throw invalidParameter(`${word.toUpperCase()} is not a valid change command`);
    }
  }
}

/** Splits a `ps` row into `n` columns: the last one (CMD) keeps its spaces. */
export function splitColumns(line: string, n: number): string[] {
  const parts = line.trim().split(/\s+/);
  if (parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(' ')];
}

/** Who runs a host command, where, and on which filesystem (the playground keeps its own). */
export interface HostCommandOptions {
  uid?: number;
  cwd?: string;
  env?: Record<string, string>;
  fs?: FsView;
}

/** A stop in progress: the signal went at `started`; the container exits at `exitAt`, or is killed. */
export interface StopPlan {
  id: string;
  started: number;
  timeout: number;
  exitAt?: number;
}

/** When a stop looks at the container again. */
export function stopWaitsUntil(plan: StopPlan): number {
  return plan.exitAt ?? plan.started + plan.timeout;
}
