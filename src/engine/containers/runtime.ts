import { conflict, EngineError } from '../../api/errors.js';
import type { Kernel } from '../../kernel/kernel.js';
import { limitsFromFlags } from '../../kernel/limits.js';
import type { NamespaceType } from '../../kernel/view.js';
import type { ProgramRun, TimelineEvent } from '../../programs/types.js';
import type { StateStore } from '../../store/index.js';
import { signalNumber } from '../../util/signals.js';
import { rfc3339Nano } from '../../util/text.js';
import type { EventLog } from '../events.js';
import type { ImageServices } from '../images/services.js';
import { NetworkAllocator, type ProxySpec } from '../network/allocator.js';
import type { Runtime } from '../runtime.js';
import { execFact, refOf, startFacts } from './narrate.js';
import type { ContainerRecord } from './record.js';
import type { ProcessSpec, ProgramRunner } from './runner.js';
import type { ContainerStore } from './store.js';
import {
  loadRuntime,
  normalizeSignal,
  type RuntimeDoc,
  saveRuntime,
  schedule,
  type Track,
} from './tracks.js';

/** The key suffix of the processes an exec's process left behind when it exited. */
const ORPHANS = '-orphans';

/** Opens what a container's processes see; supplied by the engine. */
export interface ContainerEnvironment {
  runner(rec: ContainerRecord, viewerPid: () => number): ProgramRunner;
  processSpec(rec: ContainerRecord): ProcessSpec;
  /** Persists the container's writable layer after programs wrote to it. */
  saveLayer(rec: ContainerRecord): void;
  /** Called when a container with --rm has exited. */
  autoRemove(rec: ContainerRecord): void;
}

const SHIM = '/usr/bin/containerd-shim-runc-v2';
const BACKOFF_START = 100;
const BACKOFF_MAX = 60_000;

function cgroupOf(id: string): string {
  return `/system.slice/docker-${id}.scope`;
}

export class StartError extends EngineError {}

/**
 * Runs containers on the simulated kernel: namespaces and a cgroup per container, a shim and
 * the container's processes, and their timelines revealed as simulated time passes.
 */
export class ContainerRuntime {
  private readonly network: NetworkAllocator;

  constructor(
    private readonly store: StateStore,
    private readonly containers: ContainerStore,
    readonly kernel: Kernel,
    private readonly rt: Runtime,
    private readonly events: EventLog,
    private readonly env: ContainerEnvironment,
    /** For `--explain`: the image layers under a starting container. */
    private readonly images?: ImageServices,
  ) {
    // network: the clock dates the predefined networks made on first use.
    this.network = new NetworkAllocator(store, rt.random, () => rt.clock.now());
  }

  /** dockerd forks one docker-proxy per published address and port. */
  private spawnProxies(proxies: ProxySpec[], at: number): number[] {
    const dockerd = this.kernel.processes().find((p) => p.comm === 'dockerd');
    return proxies.map((p) =>
      this.kernel.spawn({
        ppid: dockerd?.pid ?? 1,
        args: [
          '/usr/bin/docker-proxy',
          '-proto',
          p.proto,
          '-host-ip',
          p.hostIp,
          '-host-port',
          String(p.hostPort),
          '-container-ip',
          p.containerIp,
          '-container-port',
          String(p.containerPort),
          '-use-listen-fd',
        ],
        uid: 0,
        gid: 0,
        ns: this.kernel.hostNamespaces(),
        cgroup: '/system.slice/docker.service',
        startTime: at,
        memory: 4 * 1024 * 1024,
        threads: 6,
      }),
    );
  }

  private now(): number {
    return this.rt.clock.now();
  }

  private attrs(rec: ContainerRecord): Record<string, string> {
    const labels = rec.Config.Labels ?? {};
    return { ...labels, image: rec.Config.Image, name: rec.Name.slice(1) };
  }

  private active(): Set<string> {
    const text = this.store.readText('dockersim/active.json');
    return new Set(text ? (JSON.parse(text) as string[]) : []);
  }

  private setActive(id: string, on: boolean): void {
    const set = this.active();
    if (on === set.has(id)) return;
    if (on) set.add(id);
    else set.delete(id);
    this.store.writeJson('dockersim/active.json', [...set].sort());
  }

  /** Namespaces for a container from its host config (host modes share the host's). */
  private namespaces(rec: ContainerRecord): Record<NamespaceType, number> {
    const host = this.kernel.hostNamespaces();
    const h = rec.HostConfig;
    const share: Partial<Record<NamespaceType, number>> = {};
    if (h.PidMode === 'host') share.pid = host.pid;
    if (h.NetworkMode === 'host') {
      share.net = host.net;
      share.uts = host.uts;
    }
    if (h.UTSMode === 'host') share.uts = host.uts;
    if (h.IpcMode === 'host') share.ipc = host.ipc;
    if (h.CgroupnsMode === 'host') share.cgroup = host.cgroup;
    return this.kernel.createNamespaces(share);
  }

  private cgroupLimits(rec: ContainerRecord) {
    const h = rec.HostConfig;
    return limitsFromFlags({
      memory: h.Memory,
      memorySwap: h.MemorySwap,
      memoryReservation: h.MemoryReservation,
      nanoCpus: h.NanoCpus,
      cpuQuota: h.CpuQuota,
      cpuPeriod: h.CpuPeriod,
      cpuShares: h.CpuShares,
      pidsLimit: h.PidsLimit ?? 0,
    });
  }

  /** `POST /containers/{id}/start` at time `at`. Throws StartError (126/127) when the command cannot run. */
  async start(rec: ContainerRecord, at = this.now()): Promise<void> {
    // A restarting container counts as running, but its restart is a real start.
    if (rec.State.Running && !rec.State.Restarting) return;
    const proxies = this.network.attach(rec);
    const spec = this.env.processSpec(rec);
    const ns = this.namespaces(rec);
    const cgroup = cgroupOf(rec.ID);
    const limits = this.cgroupLimits(rec);
    this.kernel.createCgroup(cgroup, limits);
    this.kernel.setHostname(
      ns.uts,
      rec.HostConfig.NetworkMode === 'host' ? this.kernel.hostView().uts().nodename : rec.Config.Hostname,
    );
    const hostNs = this.kernel.hostNamespaces();
    const shim = this.kernel.spawn({
      ppid: 1,
      args: [SHIM, '-namespace', 'moby', '-id', rec.ID, '-address', '/run/containerd/containerd.sock'],
      comm: 'containerd-shim',
      uid: 0,
      gid: 0,
      ns: hostNs,
      cgroup: '/system.slice/containerd.service',
      startTime: at,
      memory: 12 * 1024 * 1024,
      threads: 11,
    });
    // The process exists before its program runs, so the program sees itself as PID 1.
    const mainPid = this.kernel.spawn({
      ppid: shim,
      args: spec.argv,
      uid: spec.uid,
      gid: spec.gid,
      env: spec.env,
      cwd: spec.cwd,
      ns,
      cgroup,
      startTime: at,
      tty: rec.Config.Tty ? 'pts/0' : null,
      container: rec.ID,
    });
    const runner = this.env.runner(rec, () => mainPid);
    const narrate = (extra: { proxies?: ProxySpec[]; proxyPids?: number[]; unstarted?: boolean } = {}) => {
      const s = { ns, cgroup, limits, shim, main: mainPid, ...extra };
      for (const f of startFacts(this.kernel, this.images, rec, s)) this.events.explain(f);
    };
    let outcome: Awaited<ReturnType<typeof runner.run>>;
    try {
      outcome = await runner.run(spec);
    } catch (e) {
      this.kernel.exit(mainPid);
      this.kernel.exit(shim);
      this.kernel.removeCgroup(cgroup);
      this.network.detach(rec);
      this.containers.save(rec);
      throw e;
    }
    if (!outcome.ok) {
      const code = outcome.failure.kind === 'not-found' ? 127 : 126;
      narrate({ unstarted: true });
      this.events.explain({
        kind: 'exit',
        ...refOf(rec),
        hostPid: mainPid,
        code,
        oomKilled: false,
        ended: [...this.kernel.exit(mainPid), ...this.kernel.exit(shim)],
        cgroup: `/sys/fs/cgroup${cgroup}`,
        execFailed: outcome.failure.message,
      });
      this.kernel.removeCgroup(cgroup);
      this.network.detach(rec);
      const message = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${outcome.failure.message}: unknown`;
      rec.State = { ...rec.State, ExitCode: code, Error: message };
      this.containers.save(rec);
      throw new StartError('invalid-parameter', message, { exitCode: code });
    }
    if (outcome.argv.join('\0') !== spec.argv.join('\0')) this.kernel.setIdentity(mainPid, outcome.argv);
    this.env.saveLayer(rec);
    const doc = loadRuntime(this.store, rec.ID);
    doc.tracks = [
      {
        key: 'main',
        hostPid: mainPid,
        startedAt: at,
        spec: { ...spec, argv: outcome.argv },
        pending: schedule(outcome.run.events, at),
        children: { '': shim },
        memory: {},
        isInit: rec.HostConfig.PidMode !== 'host',
      },
    ];
    doc.listening = [];
    doc.proxies = this.spawnProxies(proxies, at);
    narrate({ proxies, proxyPids: doc.proxies });
    delete doc.pausedAt;
    saveRuntime(this.store, rec.ID, doc);
    rec.State = {
      ...rec.State,
      Status: 'running',
      Running: true,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: mainPid,
      ExitCode: 0,
      Error: '',
      StartedAt: rfc3339Nano(at),
    };
    rec.HasBeenStartedBefore = true;
    rec.HasBeenManuallyStopped = false;
    delete rec.RestartAt;
    this.containers.save(rec);
    this.setActive(rec.ID, true);
    this.events.emit('container', 'start', rec.ID, this.attrs(rec), at);
  }

  /** Brings every active container up to `now`: output, children, exits, OOM kills, restarts. */
  async catchUp(until = this.now()): Promise<void> {
    for (const id of this.active()) {
      const rec = this.containers.get(id);
      if (!rec) {
        this.setActive(id, false);
        continue;
      }
      await this.advance(rec, until);
    }
  }

  /** Reveals one container's events up to `until`. */
  async advance(rec: ContainerRecord, until: number): Promise<void> {
    for (let guard = 0; guard < 100_000; guard++) {
      if (rec.State.Restarting && rec.RestartAt !== undefined) {
        if (rec.RestartAt > until) return;
        rec.RestartCount += 1;
        this.events.emit('container', 'restart', rec.ID, this.attrs(rec), rec.RestartAt);
        try {
          await this.start(rec, rec.RestartAt);
        } catch {
          rec.State = { ...rec.State, Restarting: false, Status: 'exited', Running: false };
          this.containers.save(rec);
          this.setActive(rec.ID, false);
          return;
        }
        continue;
      }
      if (rec.State.Paused) return;
      const doc = loadRuntime(this.store, rec.ID);
      const next = this.nextEvent(doc);
      if (!next || next.event.at > until) {
        if (doc.tracks.length === 0 && !rec.State.Restarting) this.setActive(rec.ID, false);
        return;
      }
      next.track.pending.shift();
      this.apply(rec, doc, next.track, next.event);
      if (rec.State.Running || rec.State.Restarting) saveRuntime(this.store, rec.ID, doc);
      if (!rec.State.Running && !rec.State.Restarting) return;
      if (next.event.kind === 'signal') await this.deliver(rec, next.track, next.event);
    }
  }

  private nextEvent(doc: RuntimeDoc): { track: Track; event: TimelineEvent } | undefined {
    let best: { track: Track; event: TimelineEvent } | undefined;
    for (const track of doc.tracks) {
      const event = track.pending[0];
      if (event && (!best || event.at < best.event.at)) best = { track, event };
    }
    return best;
  }

  private log(rec: ContainerRecord, stream: 'stdout' | 'stderr', text: string, at: number): void {
    const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    const body = lines
      .map((line) => `${JSON.stringify({ log: line, stream, time: rfc3339Nano(at) })}\n`)
      .join('');
    this.store.appendText(this.containers.logPath(rec.ID), body);
  }

  private apply(rec: ContainerRecord, doc: RuntimeDoc, track: Track, e: TimelineEvent): void {
    switch (e.kind) {
      case 'stdout':
      case 'stderr':
        if (track.key === 'main') this.log(rec, e.kind, e.text, e.at);
        else
          this.store.appendText(
            `containers/${rec.ID}/exec-${track.key}.log`,
            JSON.stringify({ stream: e.kind, text: e.text, at: e.at }) + '\n',
          );
        break;
      case 'spawn': {
        const parent = e.parent ? track.children[e.parent] : track.hostPid;
        const main = this.kernel.process(track.hostPid);
        if (!main) break;
        track.children[e.key] = this.kernel.spawn({
          ppid: parent ?? track.hostPid,
          args: e.cmdline ? [e.cmdline] : e.argv,
          ...(e.comm ? { comm: e.comm } : {}),
          uid: e.uid ?? main.uid,
          gid: e.uid !== undefined ? e.uid : main.gid,
          ns: main.ns,
          cgroup: main.cgroup,
          startTime: e.at,
          ...(e.memory ? { memory: e.memory } : {}),
          container: rec.ID,
        });
        if (e.memory) this.setMemory(rec, doc, track, e.key, e.memory, e.at);
        break;
      }
      case 'child-exit': {
        const pid = track.children[e.key];
        if (pid) this.endedChildren(rec.ID).push(...this.kernel.exit(pid));
        delete track.children[e.key];
        delete track.memory[e.key];
        if (track.key.endsWith(ORPHANS) && Object.keys(track.children).length === 0)
          doc.tracks = doc.tracks.filter((t) => t !== track);
        break;
      }
      case 'memory':
        this.setMemory(rec, doc, track, e.key ?? '', e.bytes, e.at);
        break;
      case 'cpu': {
        const pid = e.key ? track.children[e.key] : track.hostPid;
        if (pid) this.kernel.setUsage(pid, { cpuCores: e.cores }, e.at);
        break;
      }
      case 'listen':
        doc.listening.push({ port: e.port, proto: e.proto });
        break;
      case 'exec':
        this.kernel.setIdentity(track.hostPid, e.cmdline ? [e.cmdline] : e.argv, e.comm);
        if (e.uid !== undefined) this.kernel.setCredentials(track.hostPid, e.uid, e.uid);
        break;
      case 'exit':
        if (track.key === 'main') this.exitContainer(rec, doc, e.code, e.at, false);
        else this.exitTrack(rec, doc, track, e.code);
        break;
      default:
        break;
    }
  }

  private setMemory(
    rec: ContainerRecord,
    doc: RuntimeDoc,
    track: Track,
    key: string,
    bytes: number,
    at: number,
  ): void {
    track.memory[key] = bytes;
    const pid = key ? track.children[key] : track.hostPid;
    if (pid) this.kernel.setUsage(pid, { memory: bytes }, at);
    const h = rec.HostConfig;
    if (!h.Memory || h.MemorySwap === -1 || h.OomKillDisable) return;
    const limit = h.MemorySwap > 0 ? h.MemorySwap : h.Memory * 2;
    const used = doc.tracks.reduce((n, t) => n + Object.values(t.memory).reduce((a, b) => a + b, 0), 0);
    if (used > limit) {
      // The cgroup's OOM killer picks the biggest process: the container's main process here.
      this.kernel.recordOomKill(cgroupOf(rec.ID));
      this.exitContainer(rec, doc, 137, at, true);
    }
  }

  private exitTrack(rec: ContainerRecord, doc: RuntimeDoc, track: Track, code: number): void {
    this.kernel.exit(track.hostPid);
    // Its background jobs outlive it, adopted by the container's PID 1 (`docker exec box sh -c
    // 'sleep 100 &'`): they keep their own ends; one without an end runs until the container stops.
    const orphans = Object.entries(track.children).filter(([, pid]) => this.kernel.process(pid));
    const ends = track.pending.filter(
      (e) => e.kind === 'child-exit' && orphans.some(([key]) => key === (e as { key: string }).key),
    );
    doc.tracks = doc.tracks.filter((t) => t !== track);
    if (orphans.length) {
      doc.tracks.push({
        key: `${track.key}${ORPHANS}`,
        hostPid: -1,
        startedAt: track.startedAt,
        spec: track.spec,
        pending: ends,
        children: Object.fromEntries(orphans),
        memory: Object.fromEntries(Object.entries(track.memory).filter(([k]) => k !== '')),
        isInit: false,
      });
    }
    if (track.execId)
      this.store.writeJson(`containers/${rec.ID}/exec-${track.key}.exit.json`, { ExitCode: code });
  }

  /**
   * `kill PID` typed in the container: the PID as the sender sees it. PID 1 answers as the
   * container's main process does (its handlers, or nothing for what it does not handle); any
   * other process takes the default action and ends.
   */
  private async deliver(
    rec: ContainerRecord,
    sender: Track,
    e: { pid: number; signal: string; at: number },
  ): Promise<void> {
    const viewer = sender.hostPid > 0 && this.kernel.process(sender.hostPid) ? sender.hostPid : rec.State.Pid;
    const target = this.kernel
      .view(viewer)
      .processes()
      .find((p) => p.pid === e.pid)?.hostPid;
    const signal = normalizeSignal(e.signal);
    if (!target || signal === undefined) return;
    const doc = loadRuntime(this.store, rec.ID);
    const main = doc.tracks.find((t) => t.key === 'main');
    if (target === main?.hostPid) {
      // From inside its own namespace, PID 1 cannot even be SIGKILLed: the kernel drops it.
      if (main.isInit && (signal === 'SIGKILL' || signal === 'SIGSTOP')) return;
      await this.signal(rec, signal, e.at);
      return;
    }
    const owner = doc.tracks.find((t) => t.hostPid === target);
    if (owner) {
      this.exitTrack(rec, doc, owner, 128 + (signalNumber(signal) ?? 15));
    } else {
      const track = doc.tracks.find((t) => Object.values(t.children).includes(target));
      if (!track) return;
      const key = Object.entries(track.children).find(([, pid]) => pid === target)![0];
      track.pending = track.pending.filter((x) => !(x.kind === 'child-exit' && x.key === key));
      this.apply(rec, doc, track, {
        at: e.at,
        kind: 'child-exit',
        key,
        code: 128 + (signalNumber(signal) ?? 15),
      });
    }
    saveRuntime(this.store, rec.ID, doc);
  }

  /** Child processes that ended in this engine call, by container (for the exit's narration). */
  private readonly ended = new Map<string, number[]>();

  private endedChildren(id: string): number[] {
    const list = this.ended.get(id) ?? [];
    this.ended.set(id, list);
    return list;
  }

  /** The main process ended: every process of the container goes, then the restart policy decides. */
  exitContainer(rec: ContainerRecord, doc: RuntimeDoc, code: number, at: number, oom: boolean): void {
    const ended = this.endedChildren(rec.ID).splice(0);
    const mainPid = doc.tracks.find((t) => t.key === 'main')?.hostPid ?? rec.State.Pid;
    for (const track of doc.tracks) {
      for (const [key, pid] of Object.entries(track.children))
        if (key !== '') ended.push(...this.kernel.exit(pid));
      ended.push(...this.kernel.exit(track.hostPid));
      if (track.key !== 'main' && track.execId) {
        this.store.writeJson(`containers/${rec.ID}/exec-${track.key}.exit.json`, { ExitCode: 137 });
      }
    }
    const shim = doc.tracks.find((t) => t.key === 'main')?.children[''];
    if (shim) ended.push(...this.kernel.exit(shim));
    for (const pid of doc.proxies ?? []) ended.push(...this.kernel.exit(pid));
    doc.proxies = [];
    this.network.detach(rec);
    this.kernel.removeCgroup(cgroupOf(rec.ID));
    doc.tracks = [];
    saveRuntime(this.store, rec.ID, doc);
    const ranFor = at - Date.parse(rec.State.StartedAt);
    rec.State = {
      ...rec.State,
      Status: 'exited',
      Running: false,
      Paused: false,
      Restarting: false,
      OOMKilled: oom,
      Pid: 0,
      ExitCode: code,
      FinishedAt: rfc3339Nano(at),
    };
    if (oom) this.events.emit('container', 'oom', rec.ID, this.attrs(rec), at);
    this.events.emit('container', 'die', rec.ID, { ...this.attrs(rec), exitCode: String(code) }, at);
    const restart = this.shouldRestart(rec, code);
    const delay = !restart
      ? 0
      : ranFor >= 10_000
        ? BACKOFF_START
        : Math.min(BACKOFF_MAX, (rec.RestartDelay ?? BACKOFF_START / 2) * 2);
    // A restarting container has no process to end: only its restart is called off.
    if (mainPid > 0)
      this.events.explain({
        kind: 'exit',
        ...refOf(rec),
        hostPid: mainPid,
        code,
        oomKilled: oom,
        ...(oom ? { memoryMax: rec.HostConfig.Memory } : {}),
        ended: [...new Set(ended)].sort((a, b) => a - b),
        cgroup: `/sys/fs/cgroup${cgroupOf(rec.ID)}`,
        ...(restart ? { restart: { policy: rec.HostConfig.RestartPolicy.Name, delayMs: delay } } : {}),
      });
    if (restart) {
      rec.RestartDelay = delay;
      rec.RestartAt = at + delay;
      rec.State = { ...rec.State, Status: 'restarting', Restarting: true, Running: true };
      this.containers.save(rec);
      return;
    }
    delete rec.RestartAt;
    this.containers.save(rec);
    this.setActive(rec.ID, false);
    if (rec.HostConfig.AutoRemove) {
      // Whoever is attached still needs the output and the exit code once the container is gone.
      this.store.writeJson(`dockersim/exits/${rec.ID}.json`, {
        code,
        log: this.store.readText(this.containers.logPath(rec.ID)) ?? '',
      });
      this.env.autoRemove(rec);
    }
  }

  private shouldRestart(rec: ContainerRecord, code: number): boolean {
    if (rec.HasBeenManuallyStopped) return false;
    const p = rec.HostConfig.RestartPolicy;
    switch (p.Name) {
      case 'always':
      case 'unless-stopped':
        return true;
      case 'on-failure':
        return code !== 0 && (p.MaximumRetryCount === 0 || rec.RestartCount < p.MaximumRetryCount);
      default:
        return false;
    }
  }

  /** Delivers a signal to the container's main process at `at`. */
  async signal(rec: ContainerRecord, signal: string, at = this.now(), afterTimeout?: number): Promise<void> {
    const doc = loadRuntime(this.store, rec.ID);
    const main = doc.tracks.find((t) => t.key === 'main');
    if (!main) return;
    const number = signalNumber(signal) ?? 15;
    const told = (outcome: 'exits' | 'handled' | 'ignored' | 'killed') =>
      this.events.explain({
        kind: 'signal',
        ...refOf(rec),
        signal,
        number,
        hostPid: main.hostPid,
        outcome,
        ...(afterTimeout !== undefined ? { afterTimeout } : {}),
      });
    if (signal === 'SIGKILL') {
      told('killed');
      this.exitContainer(rec, doc, 137, at, false);
      return;
    }
    const run = await this.rerun(rec, main);
    const response = run?.onSignal?.(signal, at - main.startedAt);
    if (response === undefined) {
      // PID 1 has no default signal actions: what it does not handle, it ignores.
      told(main.isInit ? 'ignored' : 'exits');
      if (main.isInit) return;
      main.pending = [{ at, kind: 'exit', code: 128 + number }];
    } else {
      told(response.length === 0 ? 'ignored' : 'handled');
      if (response.length === 0) return;
      main.pending = schedule(response, at);
    }
    saveRuntime(this.store, rec.ID, doc);
    await this.advance(rec, at);
  }

  /** Computes a track's program again (programs are deterministic) to ask it how it answers a signal. */
  private async rerun(rec: ContainerRecord, track: Track): Promise<ProgramRun | undefined> {
    const runner = this.env.runner(rec, () => track.hostPid);
    const outcome = await runner.run(track.spec);
    return outcome.ok ? outcome.run : undefined;
  }

  /** When the main process will exit if nothing else happens (undefined: it runs on). */
  exitTime(rec: ContainerRecord): number | undefined {
    const main = loadRuntime(this.store, rec.ID).tracks.find((t) => t.key === 'main');
    return main?.pending.find((e) => e.kind === 'exit')?.at;
  }

  /** The time of the next pending event of a container, if any. */
  nextEventTime(rec: ContainerRecord): number | undefined {
    if (rec.State.Restarting) return rec.RestartAt;
    return this.nextEvent(loadRuntime(this.store, rec.ID))?.event.at;
  }

  pause(rec: ContainerRecord, at = this.now()): void {
    if (!rec.State.Running || rec.State.Restarting) throw conflict(`Container ${rec.ID} is not running`);
    if (rec.State.Paused) throw conflict(`Container ${rec.ID} is already paused`);
    this.kernel.setFrozen(cgroupOf(rec.ID), true);
    const doc = loadRuntime(this.store, rec.ID);
    doc.pausedAt = at;
    saveRuntime(this.store, rec.ID, doc);
    rec.State = { ...rec.State, Status: 'paused', Paused: true };
    this.containers.save(rec);
    this.events.emit('container', 'pause', rec.ID, this.attrs(rec), at);
  }

  unpause(rec: ContainerRecord, at = this.now()): void {
    if (!rec.State.Paused) throw conflict(`Container ${rec.ID} is not paused`);
    this.kernel.setFrozen(cgroupOf(rec.ID), false);
    const doc = loadRuntime(this.store, rec.ID);
    // Frozen processes did nothing: their timelines resume where they stopped.
    const shift = at - (doc.pausedAt ?? at);
    for (const t of doc.tracks) t.pending = t.pending.map((e) => ({ ...e, at: e.at + shift }));
    delete doc.pausedAt;
    saveRuntime(this.store, rec.ID, doc);
    rec.State = { ...rec.State, Status: 'running', Paused: false };
    this.containers.save(rec);
    this.events.emit('container', 'unpause', rec.ID, this.attrs(rec), at);
  }

  /** Starts a `docker exec` process beside the container's main process; returns the track key. */
  async exec(
    rec: ContainerRecord,
    spec: ProcessSpec,
    execId: string,
    at = this.now(),
  ): Promise<{ key: string; run: ProgramRun } | { failure: string; code: number }> {
    const doc = loadRuntime(this.store, rec.ID);
    const main = doc.tracks.find((t) => t.key === 'main');
    const mainProc = main ? this.kernel.process(main.hostPid) : undefined;
    if (!main || !mainProc) throw conflict(`container ${rec.ID} is not running`);
    const pid = this.kernel.spawn({
      ppid: main.children[''] ?? 1,
      args: spec.argv,
      uid: spec.uid,
      gid: spec.gid,
      env: spec.env,
      cwd: spec.cwd,
      ns: mainProc.ns,
      cgroup: mainProc.cgroup,
      startTime: at,
      tty: spec.tty ? 'pts/1' : null,
      container: rec.ID,
    });
    const runner = this.env.runner(rec, () => pid);
    const outcome = await runner.run(spec);
    if (!outcome.ok) {
      this.kernel.exit(pid);
      // The daemon reports any exec start failure as exit code 126.
      return { failure: outcome.failure.message, code: 126 };
    }
    if (outcome.argv.join('\0') !== spec.argv.join('\0')) this.kernel.setIdentity(pid, outcome.argv);
    const joined = execFact(this.kernel, rec, pid);
    if (joined) this.events.explain(joined);
    this.env.saveLayer(rec);
    const key = execId.slice(0, 12);
    doc.tracks.push({
      key,
      hostPid: pid,
      startedAt: at,
      spec: { ...spec, argv: outcome.argv },
      pending: schedule(outcome.run.events, at),
      children: {},
      memory: {},
      isInit: false,
      execId,
    });
    saveRuntime(this.store, rec.ID, doc);
    this.setActive(rec.ID, true);
    return { key, run: outcome.run };
  }
}
