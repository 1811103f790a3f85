import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  ContainerCreateRequest,
  ContainerInspect,
  ContainerListOptions,
  ContainerSummary,
  EndpointConfig,
  EngineEvent,
  ExecRequest,
  LogChunk,
  LogOptions,
  NetworkCreateRequest,
  NetworkResource,
  StatsSample,
  TopResult,
  Volume,
  VolumeCreateRequest,
  VolumePruneReport,
  WaitResult,
} from '../api/containers.js';
import type { DiskUsage, Engine, HostClient } from '../api/engine.js';
import { EngineError, systemError } from '../api/errors.js';
import type { BuildRecord, ExplainFact } from '../api/explain.js';
import type {
  BuildEvent,
  BuildOptions,
  BuildResult,
  ContextFile,
  Filters,
  HistoryItem,
  ImageDeleteItem,
  ImageInspect,
  ImageListOptions,
  ImagePruneReport,
  ImageRemoveOptions,
  ImageSummary,
  JsonMessage,
  PullOptions,
  SearchResult,
} from '../api/images.js';
import type { SystemInfo, SystemVersion } from '../api/system.js';
import type { VmApi } from '../api/vm.js';
import type { ImageId } from '../images/digest.js';
import { DEFAULT_HOST, type HostSpec } from '../kernel/host.js';
import { type StateStore, withStateLock } from '../store/index.js';
import { generateId } from '../util/ids.js';
import { rfc3339Nano } from '../util/text.js';
import { parseLogLines, readLogs } from './containers/logs.js';
import { ContainerStore } from './containers/store.js';
import { EventLog } from './events.js';
import type { ImageUsers } from './images/remove.js';
import { Runtime } from './runtime.js';
import { buildInfo, buildVersion } from './system.js';
import { passTime } from './time.js';

/** The top-level entries of a state folder, the only ones `dockersim reset` removes. */
const STATE_ENTRIES = [
  'builder',
  'containers',
  'dockersim',
  'engine-id',
  'image',
  'kernel',
  'network',
  'overlay2',
  'volumes',
];

/** Where the last build's cache decisions are kept (for lessons and `--explain`). */
const LAST_BUILD = 'dockersim/last-build.json';

export interface EngineOptions {
  store: StateStore;
  env: NodeJS.ProcessEnv;
  host?: HostSpec;
}

/**
 * The simulated daemon, in the CLI's own process. Each API call reads the state folder,
 * and each mutating call holds the state lock from its first read to its last write.
 */
export class LocalEngine implements Engine {
  readonly store: StateStore;
  readonly host: HostSpec;
  readonly env: NodeJS.ProcessEnv;

  constructor(opts: EngineOptions) {
    this.store = opts.store;
    this.env = opts.env;
    this.host = opts.host ?? DEFAULT_HOST;
  }

  /**
   * The session a host shell line holds while `docker` commands typed in that line run: they
   * are engine calls nested in it, so they share its lock, clock and kernel instead of taking
   * their own.
   */
  private active: { rt: Runtime; svc: import('./containers/service.js').ContainerService } | undefined;
  /** `--explain` facts gathered since the client last asked. */
  private readonly facts: ExplainFact[] = [];
  private interrupted = false;

  /** Clock and randomness for a read-only call. */
  runtime(): Runtime {
    return this.active?.rt ?? Runtime.load(this.store, this.env);
  }

  /** Runs `fn` under the state lock with a freshly loaded runtime, then saves the runtime. */
  async mutate<T>(fn: (rt: Runtime) => Promise<T> | T): Promise<T> {
    if (this.active) return fn(this.active.rt);
    return withStateLock(this.store.root, () =>
      this.store.cached(async () => {
        const rt = Runtime.load(this.store, this.env);
        try {
          return await fn(rt);
        } finally {
          rt.save();
        }
      }),
    );
  }

  async version(): Promise<SystemVersion> {
    return buildVersion(this.host);
  }

  async info(): Promise<SystemInfo> {
    const rt = this.runtime();
    const all = new ContainerStore(this.store).all();
    const paused = all.filter((c) => c.State.Paused).length;
    const running = all.filter((c) => c.State.Running).length - paused;
    return buildInfo(this.host, {
      containers: { running, paused, stopped: all.length - running - paused },
      images: this.store.list('image/overlay2/imagedb/content/sha256').length,
      systemTime: rfc3339Nano(rt.clock.now()),
      id: this.engineId(),
    });
  }

  /** Image verbs and stores, loaded on first use (most commands never touch images). */
  private async img() {
    const m = await import('./images/verbs.js');
    // Inside a host shell line, `docker pull` and `docker run` share the line's image stores.
    return { m, svc: this.active?.svc.images ?? new m.ImageServices(this.store, this.facts) };
  }

  /** Which containers stand on an image. */
  imageUsers(): ImageUsers {
    const all = new ContainerStore(this.store).all();
    return {
      containersUsing: (id: ImageId) =>
        all.filter((c) => c.Image === id).map((c) => ({ id: c.ID, running: c.State.Running })),
    };
  }

  /** A container session: kernel, runtime and programs are loaded only for commands that need them. */
  async session<T>(
    fn: (svc: import('./containers/service.js').ContainerService) => Promise<T> | T,
  ): Promise<T> {
    if (this.active) return fn(this.active.svc);
    const { inSession } = await import('./session.js');
    return this.mutate((rt) => inSession(this.store, this.host, rt, fn, this.facts));
  }

  narration(): ExplainFact[] {
    return this.facts.splice(0);
  }

  interrupt(): void {
    this.interrupted = true;
  }

  async vm(): Promise<VmApi> {
    const { openVms } = await import('./vm/index.js');
    return openVms(this);
  }

  async lastBuild(): Promise<BuildRecord | undefined> {
    return this.store.readJson(LAST_BUILD, (v) => v as BuildRecord);
  }

  private hostShell: import('./host-shell.js').HostShell | undefined;

  private async withHostShell<T>(
    fn: (
      shell: import('./host-shell.js').HostShell,
      svc: import('./containers/service.js').ContainerService,
    ) => Promise<T> | T,
  ): Promise<T> {
    const { HostShell } = await import('./host-shell.js');
    this.hostShell ??= new HostShell();
    const shell = this.hostShell;
    return this.session(async (svc) => {
      this.active = { rt: svc.rt, svc };
      try {
        return await fn(shell, svc);
      } finally {
        this.active = undefined;
      }
    });
  }

  async hostShellPrompt(): Promise<string> {
    const none: HostClient = async () => ({ stdout: '', stderr: '', code: 0 });
    return this.withHostShell((shell, svc) => shell.prompt(svc, none));
  }

  async hostShellLine(
    line: string,
    onChunk: (c: LogChunk) => void,
    client: HostClient,
  ): Promise<{ exited: boolean; code: number }> {
    return this.withHostShell(async (shell, svc) => {
      const r = await shell.run(svc, line, client, onChunk);
      await svc.runtime.catchUp();
      return r;
    });
  }

  async containerCreate(req: ContainerCreateRequest): Promise<{ Id: string; Warnings: string[] }> {
    return this.session((svc) => svc.create(req));
  }

  async containerStart(ref: string, opts: { stdin?: string | null } = {}): Promise<void> {
    await this.session(async (svc) => {
      if (opts.stdin !== undefined) svc.env.stdinFor(svc.find(ref).ID, opts.stdin);
      await svc.start(ref);
    });
  }

  /**
   * Stops containers. With the wall clock the grace period is waited for outside the lock (as
   * other clients of a real daemon carry on meanwhile); simulated time just jumps.
   */
  private async stopAll(
    refs: string[],
    opts: { timeout?: number; signal?: string },
  ): Promise<(EngineError | null)[]> {
    const caught = (e: unknown) => {
      if (e instanceof EngineError) return e;
      throw e;
    };
    if (this.active || this.runtime().clock.deterministic) {
      return this.session((svc) =>
        Promise.all(
          refs.map((ref) => svc.stop(ref, opts, (ms) => passTime(svc.rt, ms)).then(() => null, caught)),
        ),
      );
    }
    const { stopWaitsUntil } = await import('./containers/service.js');
    const begun = await this.session((svc) =>
      Promise.all(
        refs.map((ref) =>
          svc.stopBegin(ref, opts).then(
            (plan) => ({ plan }),
            (e) => ({ error: caught(e) }),
          ),
        ),
      ),
    );
    const plans = begun.flatMap((b) => ('plan' in b && b.plan ? [b.plan] : []));
    if (plans.length) {
      const until = Math.max(...plans.map(stopWaitsUntil));
      await new Promise((r) => setTimeout(r, Math.max(0, until - this.runtime().clock.now())));
      await this.session(async (svc) => {
        for (const plan of plans) await svc.stopEnd(plan);
      });
    }
    return begun.map((b) => ('error' in b ? b.error : null));
  }

  async containerStop(ref: string, opts: { timeout?: number; signal?: string }): Promise<void> {
    const [error] = await this.stopAll([ref], opts);
    if (error) throw error;
  }

  async containerRestart(ref: string, opts: { timeout?: number; signal?: string }): Promise<void> {
    await this.containerStop(ref, opts);
    await this.session(async (svc) => {
      const rec = svc.find(ref);
      rec.HasBeenManuallyStopped = false;
      svc.containers.save(rec);
      await svc.start(ref);
    });
  }

  async containerKill(ref: string, signal?: string): Promise<void> {
    await this.session((svc) => svc.kill(ref, signal));
  }

  async containerPause(ref: string): Promise<void> {
    await this.session((svc) => svc.runtime.pause(svc.find(ref)));
  }

  async containerUnpause(ref: string): Promise<void> {
    await this.session((svc) => svc.runtime.unpause(svc.find(ref)));
  }

  async containerRemove(ref: string, opts: { force?: boolean; volumes?: boolean }): Promise<void> {
    await this.session((svc) => svc.remove(ref, opts));
  }

  async containerRename(ref: string, name: string): Promise<void> {
    await this.session((svc) => svc.rename(ref, name));
  }

  async containerList(opts: ContainerListOptions): Promise<ContainerSummary[]> {
    // With nothing running there is nothing to bring up to now: list without the lock and kernel.
    const active = this.store.readText('dockersim/active.json');
    if (!this.active && !opts.size && (!active || active.trim() === '[]')) {
      const { listContainers } = await import('./containers/list.js');
      const { ImageServices } = await import('./images/services.js');
      return listContainers(
        new ContainerStore(this.store),
        new ImageServices(this.store),
        opts,
        this.runtime().clock.now(),
      );
    }
    return this.session((svc) => svc.list(opts));
  }

  async containerInspect(ref: string, opts: { size?: boolean } = {}): Promise<ContainerInspect> {
    return this.session((svc) => svc.inspect(ref, opts.size));
  }

  async containerTop(ref: string, psArgs: string): Promise<TopResult> {
    return this.session((svc) => svc.top(ref, psArgs));
  }

  async containerStats(ref: string): Promise<StatsSample> {
    return this.session((svc) => svc.stats(ref));
  }

  async containerPrune(): Promise<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }> {
    return this.session((svc) => svc.prune());
  }

  async hostCommand(argv: string[], stdin: string | null, onChunk: (c: LogChunk) => void): Promise<number> {
    if (this.env.DOCKERSIM_DESKTOP) {
      // Docker Desktop: the host is macOS or Windows; the engine and its containers are inside a VM.
      const { desktopHostCommand } = await import('./vm/desktop.js');
      return desktopHostCommand(this, argv, stdin, onChunk);
    }
    const { events, code, start } = await this.session(async (svc) => {
      const start = svc.now();
      const result = await svc.hostCommand(argv, stdin);
      // A host command takes the time it takes (`dockersim host sleep 5` lets five seconds pass).
      const exit = result.events.find((e) => e.kind === 'exit');
      if (exit) await passTime(svc.rt, exit.at);
      await svc.runtime.catchUp();
      return { ...result, start };
    });
    for (const e of events) {
      if (e.kind === 'stdout' || e.kind === 'stderr')
        onChunk({ stream: e.kind, text: e.text, time: start + e.at });
    }
    return code;
  }

  async containerUpdate(
    ref: string,
    update: Partial<import('../api/containers.js').HostConfig>,
  ): Promise<{ Warnings: string[] }> {
    const { limitsFromFlags } = await import('../kernel/limits.js');
    return this.session((svc) => {
      const rec = svc.find(ref);
      const h = { ...rec.HostConfig };
      for (const [k, v] of Object.entries(update)) if (v !== undefined) (h as Record<string, unknown>)[k] = v;
      if (h.Memory && h.MemorySwap > 0 && h.MemorySwap < h.Memory) {
        throw new EngineError(
          'invalid-parameter',
          'Minimum memoryswap limit should be larger than memory limit, see usage',
        );
      }
      if (update.Memory && update.Memory < 6 * 1024 * 1024)
        throw new EngineError('invalid-parameter', 'Minimum memory limit allowed is 6MB');
      rec.HostConfig = h;
      svc.containers.save(rec);
      if (rec.State.Running) {
        svc.kernel.updateCgroup(
          `/system.slice/docker-${rec.ID}.scope`,
          limitsFromFlags({
            memory: h.Memory,
            memorySwap: h.MemorySwap,
            memoryReservation: h.MemoryReservation,
            nanoCpus: h.NanoCpus,
            cpuQuota: h.CpuQuota,
            cpuPeriod: h.CpuPeriod,
            cpuShares: h.CpuShares,
            pidsLimit: h.PidsLimit ?? 0,
          }),
        );
      }
      svc.events.emit(
        'container',
        'update',
        rec.ID,
        { name: rec.Name.slice(1), image: rec.Config.Image },
        svc.now(),
      );
      return { Warnings: [] };
    });
  }

  async containerDiff(ref: string): Promise<{ Kind: 0 | 1 | 2; Path: string }[]> {
    return this.session((svc) => svc.diff(ref));
  }

  async containerCommit(
    ref: string,
    opts: { repo?: string; comment?: string; author?: string; changes?: string[]; pause?: boolean },
  ): Promise<{ Id: string }> {
    return this.session((svc) => svc.commit(ref, opts));
  }

  private readonly shells = new Map<
    string,
    { shell: import('./containers/interactive.js').InteractiveShell; id: string; key: string }
  >();

  async shellOpen(ref: string, exec?: ExecRequest): Promise<string> {
    const { InteractiveShell } = await import('./containers/interactive.js');
    const { id, key } = await this.session(async (svc) => {
      const rec = svc.find(ref);
      if (!exec) return { id: rec.ID, key: 'main' };
      const started = await svc.exec(ref, { ...exec, Tty: true }, generateId(svc.rt.random), null, true);
      if ('failure' in started)
        throw new EngineError('invalid-parameter', started.failure, { exitCode: started.code });
      return { id: rec.ID, key: started.key };
    });
    const handle = `${id}:${key}`;
    this.shells.set(handle, { shell: new InteractiveShell(id, key), id, key });
    return handle;
  }

  async readsLines(ref: string, exec?: Pick<ExecRequest, 'Cmd' | 'Env' | 'WorkingDir'>): Promise<boolean> {
    const { readsLines } = await import('./containers/interactive.js');
    return this.session((svc) => {
      const rec = svc.find(ref);
      const argv = exec ? exec.Cmd : [rec.Path, ...rec.Args];
      return readsLines(svc, rec, argv, { env: exec?.Env, cwd: exec?.WorkingDir });
    });
  }

  private shellFor(session: string) {
    const s = this.shells.get(session);
    if (!s) throw new EngineError('not-found', `No such exec instance: ${session}`);
    return s;
  }

  async shellPrompt(session: string): Promise<string> {
    const s = this.shellFor(session);
    return this.session((svc) => s.shell.prompt(svc));
  }

  async shellLine(
    session: string,
    line: string,
    onChunk: (c: LogChunk) => void,
  ): Promise<{ exited: boolean; code: number }> {
    const s = this.shellFor(session);
    return this.session((svc) => s.shell.run(svc, line, onChunk));
  }

  async shellClose(session: string, code: number): Promise<void> {
    const s = this.shellFor(session);
    this.shells.delete(session);
    await this.session(async (svc) => {
      const { loadRuntime } = await import('./containers/tracks.js');
      const rec = svc.containers.get(s.id);
      if (!rec) return;
      const doc = loadRuntime(this.store, rec.ID);
      const track = doc.tracks.find((t) => t.key === s.key);
      if (!track) return;
      // The shell leaves at once: its exit replaces whatever it was waiting for.
      track.pending = [{ at: svc.now(), kind: 'exit', code }];
      const { saveRuntime } = await import('./containers/tracks.js');
      saveRuntime(this.store, rec.ID, doc);
      await svc.runtime.advance(rec, svc.now());
    });
  }

  async containerArchiveGet(ref: string, path: string, opts: { follow?: boolean }): Promise<Buffer> {
    const { archiveGet } = await import('./containers/copy.js');
    return this.session((svc) => archiveGet(svc, ref, path, opts.follow ?? false));
  }

  async containerArchivePut(ref: string, dir: string, tar: Buffer): Promise<void> {
    const { archivePut } = await import('./containers/copy.js');
    await this.session((svc) => archivePut(svc, ref, dir, tar));
  }

  async containerExport(ref: string): Promise<Buffer> {
    const { exportContainer } = await import('./containers/copy.js');
    return this.session((svc) => exportContainer(svc, ref));
  }

  async imageImport(
    tar: Buffer,
    opts: { ref?: string; message?: string; changes?: string[] },
  ): Promise<string> {
    const { tarLayer } = await import('./containers/copy.js');
    const { readTar } = await import('../fs/tar.js');
    const { applyChanges } = await import('./containers/service.js');
    const { serializeConfig } = await import('../images/config.js');
    const { parseNormalized, withDefaultTag } = await import('../images/reference.js');
    const { svc } = await this.img();
    return this.mutate((rt) => {
      const registered = svc.layers.register(undefined, tarLayer(readTar(tar)));
      const config: Record<string, unknown> = {};
      applyChanges(config, opts.changes ?? []);
      const created = rfc3339Nano(rt.clock.now());
      const json = serializeConfig({
        architecture: 'amd64',
        ...(opts.message ? { comment: opts.message } : {}),
        config,
        created,
        docker_version: '28.2.2',
        history: [{ created, created_by: '', comment: opts.message || 'Imported from -' }],
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [registered.info.diffId] },
      });
      const image = svc.images.create(json);
      svc.layers.release(registered.info.chainId);
      if (opts.ref) svc.tags.set(withDefaultTag(parseNormalized(opts.ref)), image.id);
      return image.id;
    });
  }

  async events(opts: { since?: number; until?: number }): Promise<EngineEvent[]> {
    return new EventLog(this.store)
      .all()
      .filter(
        (e) =>
          (opts.since === undefined || e.timeNano / 1e6 >= opts.since) &&
          (opts.until === undefined || e.timeNano / 1e6 <= opts.until),
      );
  }

  /**
   * Follows a container until it stops, one step per lock: bring it up to now, hand out new
   * output, then let time pass to its next event (the simulated clock jumps there; the wall
   * clock is waited for) without holding the lock, so other commands can run meanwhile.
   */
  private async follow(
    ref: string,
    fromLine: number | undefined,
    onChunk: (c: LogChunk) => void,
    opts: LogOptions = {},
    sigProxy = false,
  ): Promise<number> {
    let seen = fromLine;
    let id = /^[0-9a-f]{64}$/.test(ref) ? ref : '';
    this.interrupted = false;
    let proxied = false;
    for (;;) {
      if (this.interrupted) {
        this.interrupted = false;
        if (sigProxy && !proxied && id) {
          // docker's signal proxy: the container gets the SIGINT; its exit ends the attach.
          proxied = true;
          await this.containerKill(id, 'SIGINT').catch(() => undefined);
        } else {
          // Ctrl-C at the terminal: the client stops following (the container keeps running).
          return 130;
        }
      }
      const step = await this.session(async (svc) => {
        // Nested in a host shell line, the line's session is not brought up to now by itself.
        if (this.active) await svc.runtime.catchUp();
        const rec = svc.containers.lookup(id || ref);
        if (!rec) return { gone: true as const };
        id = rec.ID;
        const chunks = readLogs(this.store, svc.containers, rec.ID, {});
        if (seen === undefined) seen = chunks.length;
        const fresh = chunks.slice(seen);
        seen = chunks.length;
        const running = rec.State.Running || rec.State.Restarting;
        let next = running ? svc.runtime.nextEventTime(rec) : undefined;
        if (running && next !== undefined && svc.rt.clock.deterministic) {
          // Simulated time passes only by the simulation: jump to the container's next event.
          svc.rt.clock.advance(Math.max(0, next - svc.now()));
          await svc.runtime.catchUp();
          next = undefined;
        }
        return {
          gone: false as const,
          fresh,
          running,
          code: rec.State.ExitCode,
          next,
          now: svc.now(),
          deterministic: svc.rt.clock.deterministic,
        };
      });
      if (step.gone) {
        const last = await this.mutate(() => this.lastExit(id));
        for (const c of last.chunks.slice(seen ?? last.chunks.length)) onChunk(c);
        return last.code;
      }
      for (const c of step.fresh) {
        if (
          (opts.since === undefined || c.time >= opts.since) &&
          (opts.until === undefined || c.time < opts.until)
        )
          onChunk(c);
      }
      if (!step.running) return step.code;
      if (!step.deterministic || step.next === undefined) {
        const wait = step.next === undefined ? 250 : Math.min(1000, Math.max(5, step.next - step.now));
        await new Promise((r) => setTimeout(r, step.deterministic ? 250 : wait));
      }
    }
  }

  /** Output and exit code of a container that was removed as it exited (`--rm`); read once. */
  private lastExit(id: string): { code: number; chunks: LogChunk[] } {
    const file = `dockersim/exits/${id}.json`;
    const text = id ? this.store.readText(file) : undefined;
    if (!text) return { code: 0, chunks: [] };
    this.store.remove(file);
    const { code, log } = JSON.parse(text) as { code: number; log: string };
    return { code, chunks: parseLogLines(log) };
  }

  async containerAttach(
    ref: string,
    opts: { fromStart?: boolean; sigProxy?: boolean },
    onChunk: (c: LogChunk) => void,
  ): Promise<number> {
    return this.follow(ref, opts.fromStart ? 0 : undefined, onChunk, {}, opts.sigProxy);
  }

  async containerLogs(
    ref: string,
    opts: LogOptions & { follow?: boolean },
    onChunk: (c: LogChunk) => void,
  ): Promise<void> {
    const { chunks, id } = await this.session((svc) => {
      const rec = svc.find(ref);
      return { chunks: readLogs(this.store, svc.containers, rec.ID, {}), id: rec.ID };
    });
    const shown = readLogs(this.store, new ContainerStore(this.store), id, opts);
    for (const c of shown) onChunk(c);
    if (opts.follow) await this.follow(id, chunks.length, onChunk, opts);
  }

  async containerWait(ref: string): Promise<WaitResult> {
    const code = await this.follow(ref, undefined, () => {});
    return { StatusCode: code };
  }

  async containerExec(
    ref: string,
    req: ExecRequest,
    onChunk: (c: LogChunk) => void,
    stdin: string | null = null,
  ): Promise<number> {
    const started = await this.session(async (svc) => {
      const execId = generateId(svc.rt.random);
      const result = await svc.exec(ref, req, execId, stdin);
      return { result, containerId: svc.find(ref).ID };
    });
    if ('failure' in started.result) {
      onChunk({
        stream: 'stdout',
        text: `OCI runtime exec failed: exec failed: unable to start container process: ${started.result.failure}: unknown\r\n`,
        time: 0,
      });
      return started.result.code;
    }
    if (req.Detach) return 0;
    const key = started.result.key;
    let seen = 0;
    for (;;) {
      const step = await this.session(async (svc) => {
        if (this.active) await svc.runtime.catchUp();
        const lines = (this.store.readText(`containers/${started.containerId}/exec-${key}.log`) ?? '')
          .split('\n')
          .filter(Boolean);
        const fresh = lines
          .slice(seen)
          .map((l) => JSON.parse(l) as { stream: 'stdout' | 'stderr'; text: string; at: number });
        seen = lines.length;
        const exit = this.store.readText(`containers/${started.containerId}/exec-${key}.exit.json`);
        if (exit || !svc.containers.lookup(started.containerId)) {
          return {
            fresh,
            code: exit ? (JSON.parse(exit) as { ExitCode: number }).ExitCode : 137,
            done: true,
          };
        }
        const rec = svc.find(started.containerId);
        const next = svc.runtime.nextEventTime(rec);
        if (svc.rt.clock.deterministic && next !== undefined) {
          svc.rt.clock.advance(Math.max(0, next - svc.now()));
          await svc.runtime.catchUp();
        }
        return {
          fresh,
          code: 0,
          done: false,
          wait: svc.rt.clock.deterministic
            ? 250
            : Math.max(5, Math.min(1000, (next ?? svc.now() + 250) - svc.now())),
        };
      });
      for (const f of step.fresh) onChunk({ stream: f.stream, text: f.text, time: f.at });
      if (step.done) return step.code;
      await new Promise((r) => setTimeout(r, step.wait));
    }
  }

  async imagePull(ref: string, opts: PullOptions, onMessage: (m: JsonMessage) => void): Promise<void> {
    const { m, svc } = await this.img();
    await this.mutate((rt) => {
      if (opts.allTags) m.pullAllTags(svc, rt, ref, onMessage);
      else m.pullImage(svc, rt, ref, onMessage);
    });
  }

  async imageList(opts: ImageListOptions): Promise<ImageSummary[]> {
    const { m, svc } = await this.img();
    return m.listImages(svc, opts);
  }

  async imageInspect(name: string): Promise<ImageInspect> {
    const { m, svc } = await this.img();
    return m.inspectImage(svc, name);
  }

  async imageHistory(name: string): Promise<HistoryItem[]> {
    const { m, svc } = await this.img();
    return m.imageHistory(svc, name);
  }

  async imageTag(source: string, target: string): Promise<void> {
    const { m, svc } = await this.img();
    await this.mutate((rt) => m.tagImage(svc, rt, source, target));
  }

  async imageRemove(name: string, opts: ImageRemoveOptions): Promise<ImageDeleteItem[]> {
    const { m, svc } = await this.img();
    return this.mutate(() => m.removeImage(svc, this.imageUsers(), name, opts));
  }

  async buildCachePrune(opts: {
    all?: boolean;
    until?: number;
    keepStorage?: number;
  }): Promise<import('../api/images.js').BuildCacheRecord[]> {
    const { m, svc } = await this.img();
    const { CACHE, cacheRecords, readCache } = await import('./build/cache-records.js');
    return this.mutate((rt) => {
      const doc = readCache(this.store);
      const now = rt.clock.now();
      let gone = cacheRecords(svc, doc).filter(
        ({ record }) => opts.until === undefined || Date.parse(record.LastUsedAt ?? '') < now - opts.until,
      );
      if (opts.keepStorage) {
        // Keep the most recently used records that fit in the space to keep.
        let kept = 0;
        const byUse = [...gone].sort((a, b) =>
          (b.record.LastUsedAt ?? '').localeCompare(a.record.LastUsedAt ?? ''),
        );
        const keep = new Set<string>();
        for (const g of byUse) {
          const size = g.record.Shared ? 0 : g.record.Size;
          if (kept + size > opts.keepStorage) break;
          kept += size;
          keep.add(g.key);
        }
        gone = gone.filter((g) => !keep.has(g.key));
      }
      const images = new Set<string>();
      for (const { key } of gone) {
        if (!doc[key]!.snapshot) images.add(doc[key]!.image);
        delete doc[key];
      }
      // Keys of steps without a layer go with the build cache too, unless a filter keeps them.
      if (opts.until === undefined && !opts.keepStorage) for (const key of Object.keys(doc)) delete doc[key];
      this.store.writeJson(CACHE, doc);
      // BuildKit's snapshots no record holds any more leave the disk, with the layers only they held.
      const held = new Set(Object.values(doc).map((e) => e.image));
      for (const id of svc.images.ids())
        if (svc.images.isCacheOnly(id) && !held.has(id)) svc.images.delete(id);
      // The classic builder's untagged step results nothing stands on leave with their records.
      const users = this.imageUsers();
      for (let progress = true; progress; ) {
        progress = false;
        for (const id of images) {
          const image = svc.images.get(id as ImageId);
          if (!image || svc.tags.referencesTo(image.id).length || svc.images.children(image.id).length)
            continue;
          if (users.containersUsing(image.id).length) continue;
          m.deleteImage(svc, users, image.id, { force: true, noprune: true }, true);
          images.delete(id);
          progress = true;
        }
      }
      return gone.map((g) => g.record);
    });
  }

  async imagePrune(opts: { all?: boolean; filters?: Filters }): Promise<ImagePruneReport> {
    const { m, svc } = await this.img();
    return this.mutate(() => m.pruneImages(svc, this.imageUsers(), opts.all ?? false));
  }

  async imageSave(names: string[]): Promise<Buffer> {
    const { m, svc } = await this.img();
    return m.saveImages(svc, names);
  }

  async imageLoad(archive: Buffer, onMessage: (m: JsonMessage) => void): Promise<void> {
    const { m, svc } = await this.img();
    await this.mutate(() => m.loadImages(svc, archive, onMessage));
  }

  async imageBuild(
    context: ContextFile[],
    opts: BuildOptions,
    onEvent: (e: BuildEvent) => void,
  ): Promise<BuildResult> {
    const { build } = await import('../builder/build.js');
    const { Kernel } = await import('../kernel/kernel.js');
    const { EngineBuilderBackend } = await import('./build/backend.js');
    const { svc } = await this.img();
    return this.mutate(async (rt) => {
      let kernel: import('../kernel/kernel.js').Kernel | undefined;
      const kernelOf = () => {
        kernel ??= Kernel.load(this.store, this.host, () => rt.clock.now());
        return kernel;
      };
      const steps: { name: string; cached: boolean }[] = [];
      const record = (e: BuildEvent) => {
        if (e.kind === 'vertex' && /^\[/.test(e.name)) steps[e.id] = { name: e.name, cached: !!e.cached };
        if (e.kind === 'vertex-done' && steps[e.id] && e.cached) steps[e.id]!.cached = true;
        onEvent(e);
      };
      const backend = new EngineBuilderBackend(svc, rt, kernelOf, this.facts, {
        buildkit: opts.builder !== 'legacy',
      });
      try {
        const result = await build(backend, context, opts, record);
        backend.exported(result.imageId);
        const done: BuildRecord = {
          time: rt.clock.now(),
          tags: opts.tags ?? [],
          imageId: result.imageId,
          steps: steps.filter(Boolean),
        };
        this.store.writeJson(LAST_BUILD, done);
        return result;
      } catch (e) {
        // The builder's failures are the daemon's answer (`failed to solve: …`, a step's exit code).
        if (e instanceof Error && e.name === 'BuildError') {
          throw new EngineError('invalid-parameter', e.message, {
            exitCode: (e as Error & { exitCode?: number }).exitCode ?? 1,
          });
        }
        throw e;
      } finally {
        // The steps that ran are cache records even when a later step failed.
        backend.flush();
        kernel?.save();
      }
    });
  }

  async imageSearch(term: string, opts: { limit?: number; filters?: Filters }): Promise<SearchResult[]> {
    const { m, svc } = await this.img();
    return m.searchImages(svc, term, opts.limit ?? 25, opts.filters ?? {});
  }

  async systemDf(): Promise<DiskUsage> {
    const users = this.imageUsers();
    const { m, svc } = await this.img();
    const images = m.imageDiskUsage(svc, (id) => users.containersUsing(id as ImageId).length);
    const { volumeUsage, volumeContext } = await import('./volumes/api.js');
    const volumes = volumeUsage(volumeContext(this.store, this.runtime(), new EventLog(this.store)));
    const containers = await this.containerList({ all: true, size: true });
    const { cacheRecords, readCache } = await import('./build/cache-records.js');
    const cache = cacheRecords(svc, readCache(this.store)).map((r) => r.record);
    const builderSize = cache.filter((r) => !r.Shared).reduce((n, r) => n + r.Size, 0);
    return {
      ...images,
      Containers: containers,
      Volumes: volumes,
      BuildCache: cache,
      BuilderSize: builderSize,
    };
  }

  async now(): Promise<number> {
    return this.runtime().clock.now();
  }

  stateLocation(): string {
    return this.store.root;
  }

  async resetState(): Promise<void> {
    const root = this.store.root;
    // Only a folder dockersim laid out is ever wiped; the marker says so.
    if (!fs.existsSync(path.join(root, 'dockersim', 'home.json'))) {
      throw systemError(`refusing to reset ${root}: it is not a dockersim state folder`);
    }
    await withStateLock(root, async () => {
      // Only what dockersim itself keeps there: anything else in the folder is left alone.
      for (const entry of fs.readdirSync(root)) {
        if (STATE_ENTRIES.includes(entry))
          fs.rmSync(path.join(root, entry), { recursive: true, force: true });
      }
      this.store.forget();
    });
  }

  /** The daemon's ID, made once per state folder. */
  private engineId(): string {
    return this.store.readText('engine-id')?.trim() ?? '';
  }

  // Networks and volumes: `network/` and `volumes/` of the state folder.

  /** Runs a network or volume verb under the state lock, with an event log flushed after it. */
  private async withEvents<T>(fn: (rt: Runtime, events: EventLog) => T): Promise<T> {
    return this.mutate((rt) => {
      const events = new EventLog(this.store);
      try {
        return fn(rt, events);
      } finally {
        events.flush();
      }
    });
  }

  private async networks<T>(
    fn: (v: ReturnType<typeof import('./network/api.js').networkVerbs>) => T,
  ): Promise<T> {
    const { networkVerbs } = await import('./network/api.js');
    return this.withEvents((rt, events) => fn(networkVerbs(this.store, rt, events)));
  }

  async networkCreate(req: NetworkCreateRequest): Promise<{ Id: string; Warning: string }> {
    return this.networks((v) => v.create(req));
  }

  async networkList(opts: { filters?: Filters }): Promise<NetworkResource[]> {
    return this.networks((v) => v.list(opts.filters));
  }

  async networkInspect(ref: string): Promise<NetworkResource> {
    return this.networks((v) => v.inspect(ref));
  }

  async networkRemove(ref: string): Promise<void> {
    await this.networks((v) => v.remove(ref));
  }

  async networkPrune(opts: { filters?: Filters }): Promise<{ NetworksDeleted: string[] | null }> {
    return this.networks((v) => v.prune(opts.filters));
  }

  async networkConnect(network: string, container: string, config?: EndpointConfig): Promise<void> {
    const { connectNetwork } = await import('./network/connect.js');
    await this.session((svc) => connectNetwork(svc, network, container, config));
  }

  async networkDisconnect(network: string, container: string, force?: boolean): Promise<void> {
    const { disconnectNetwork } = await import('./network/connect.js');
    await this.session((svc) => disconnectNetwork(svc, network, container, force));
  }

  private async volumes<T>(
    fn: (m: typeof import('./volumes/api.js'), ctx: import('./volumes/verbs.js').VolumeContext) => T,
  ): Promise<T> {
    const m = await import('./volumes/api.js');
    return this.withEvents((rt, events) => fn(m, m.volumeContext(this.store, rt, events)));
  }

  async volumeCreate(req: VolumeCreateRequest): Promise<Volume> {
    return this.volumes((m, ctx) => m.createVolume(ctx, req));
  }

  async volumeList(opts: { filters?: Filters }): Promise<{ Volumes: Volume[]; Warnings: string[] | null }> {
    return this.volumes((m, ctx) => ({ Volumes: m.listVolumes(ctx, opts.filters), Warnings: null }));
  }

  async volumeInspect(name: string): Promise<Volume> {
    return this.volumes((_m, ctx) => ctx.volumes.get(name));
  }

  async volumeRemove(name: string, opts: { force?: boolean }): Promise<void> {
    await this.volumes((m, ctx) => m.removeVolume(ctx, name, opts.force));
  }

  async volumePrune(opts: { all?: boolean; filters?: Filters }): Promise<VolumePruneReport> {
    return this.volumes((m, ctx) => m.pruneVolumes(ctx, opts.all ?? false, opts.filters));
  }

  async containerStopMany(
    refs: string[],
    opts: { timeout?: number; signal?: string },
  ): Promise<(EngineError | null)[]> {
    return this.stopAll(refs, opts);
  }
}
