import type { ExplainFact } from '../../api/explain.js';
import type { BaseImage, BuilderBackend, CacheStep, RunResult, StepOutput } from '../../builder/backend.js';
import type { FileEntry } from '../../fs/files.js';
import { UnionFs } from '../../fs/union.js';
import type { FsView } from '../../fs/view.js';
import {
  type ContainerConfigSpec,
  type HistoryEntry,
  type ImageConfig,
  serializeConfig,
} from '../../images/config.js';
import { type ChainId, hexOf, type ImageId, sha256 } from '../../images/digest.js';
import { parseNormalized, withDefaultTag } from '../../images/reference.js';
import type { Kernel } from '../../kernel/kernel.js';
import { generateId } from '../../util/ids.js';
import { rfc3339Nano } from '../../util/text.js';
import { ProgramRunner } from '../containers/runner.js';
import { pullImage } from '../images/pull.js';
import type { ImageServices } from '../images/services.js';
import type { Runtime } from '../runtime.js';
import { explainCacheStep } from './cache-narration.js';
import { CACHE, type CacheDoc, readCache, recordId } from './cache-records.js';

function envRecord(env: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of env ?? []) {
    const eq = kv.indexOf('=');
    if (eq > 0) out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

/**
 * The engine side of `docker build`: base images from the image store (pulled when missing),
 * RUN steps in short-lived containers on the simulated kernel, and each step's result recorded.
 * The classic builder keeps a result as an image whose parent is the previous step; BuildKit
 * keeps it as a snapshot of its build cache (no parent, not listed) until the build exports it.
 */
export class EngineBuilderBackend implements BuilderBackend {
  constructor(
    private readonly svc: ImageServices,
    private readonly rt: Runtime,
    /** The kernel, loaded on first use: a build served wholly from the cache never runs a step. */
    private readonly kernelOf: () => Kernel,
    /** Where `--explain` facts about the cache's decisions go. */
    readonly narration: ExplainFact[] = [],
    /** BuildKit (the default) or the classic builder, which keeps every step as an image. */
    private readonly mode: { buildkit: boolean } = { buildkit: true },
  ) {}

  private kernel(): Kernel {
    return this.kernelOf();
  }

  now(): number {
    return this.rt.clock.now();
  }

  elapse(ms: number): void {
    this.rt.clock.advance(ms);
  }

  async resolveImage(
    ref: string,
    opts: { pull: boolean },
    onPullLine: (line: string) => void,
  ): Promise<BaseImage> {
    let record = opts.pull ? undefined : this.svc.lookup(ref);
    if (!record) {
      const pulled = pullImage(this.svc, this.rt, ref, (m) => {
        if (m.progressDetail && ((m.progressDetail.current ?? 0) > 0 || (m.progressDetail.total ?? 0) > 0))
          return;
        onPullLine(`${m.id ? `${m.id}: ` : ''}${m.status ?? ''}`);
      });
      if (this.svc.narration !== this.narration) this.narration.push(pulled.fact);
      record = this.svc.find(ref);
    }
    const digest = this.svc.names(record.id).digests[0]?.split('@')[1];
    return {
      id: record.id,
      config: record.config.config ?? {},
      history: record.config.history ?? [],
      ...(digest ? { digest } : {}),
    };
  }

  private lowers(imageId: string | undefined): FileEntry[][] {
    const record = imageId ? this.svc.images.get(imageId as ImageId) : undefined;
    if (!record?.topLayer) return [];
    return this.svc.layers.stack(record.topLayer).map((l) => this.svc.layers.files(l.chainId));
  }

  imageFs(imageId: string | undefined): FsView {
    return new UnionFs(this.lowers(imageId), [], { now: () => this.now(), readOnly: true });
  }

  async run(imageId: string | undefined, config: ContainerConfigSpec, argv: string[]): Promise<RunResult> {
    const root = new UnionFs(this.lowers(imageId), [], { now: () => this.now() });
    const at = this.now();
    const ns = this.kernel().createNamespaces({});
    const id = generateId(this.rt.random);
    this.kernel().setHostname(ns.uts, id.slice(0, 12));
    const cgroup = `/system.slice/docker-${id}.scope`;
    this.kernel().createCgroup(cgroup, { cpuPeriodUsec: 100000, cpuWeight: 100 });
    const env: Record<string, string> = {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      ...envRecord(config.Env),
      HOSTNAME: id.slice(0, 12),
    };
    env.HOME ??= '/root';
    const pid = this.kernel().spawn({
      ppid: 1,
      args: argv,
      uid: 0,
      gid: 0,
      env,
      cwd: config.WorkingDir || '/',
      ns,
      cgroup,
      startTime: at,
    });
    const runner = new ProgramRunner(
      this.kernel().procFs(root, pid),
      () => this.kernel().view(pid),
      `build:${id}`,
    );
    try {
      const outcome = await runner.run({
        argv,
        env,
        cwd: config.WorkingDir || '/',
        uid: 0,
        gid: 0,
        user: 'root',
        tty: false,
        stdin: null,
      });
      if (!outcome.ok) {
        const message = `${outcome.failure.message}\n`;
        return {
          output: [{ stream: 'stderr', text: message, at: 0 }],
          exitCode: outcome.failure.kind === 'not-found' ? 127 : 126,
          changes: [],
          duration: 1,
        };
      }
      const output: StepOutput[] = [];
      let exitCode = 0;
      let duration = 0;
      for (const e of outcome.run.events) {
        if (e.kind === 'stdout' || e.kind === 'stderr')
          output.push({ stream: e.kind, text: e.text, at: e.at });
        if (e.kind === 'exit') {
          exitCode = e.code;
          duration = e.at;
        }
      }
      // A step that never ends (a server started by RUN) would hang a real build; stop it at a minute.
      if (!outcome.run.events.some((e) => e.kind === 'exit')) {
        duration = 60_000;
        exitCode = 137;
      }
      this.narration.push({
        kind: 'build-run',
        step: argv.join(' '),
        hostPid: pid,
        cgroup: `/sys/fs/cgroup${cgroup}`,
        exitCode,
        namespaces: (['mnt', 'uts', 'ipc', 'pid', 'net', 'cgroup'] as const).map((type) => ({
          type,
          inode: ns[type],
        })),
      });
      return { output, exitCode, changes: root.upperEntries(), duration };
    } finally {
      this.kernel().exit(pid);
      this.kernel().removeCgroup(cgroup);
    }
  }

  async commit(
    parent: string | undefined,
    layer: FileEntry[] | undefined,
    config: ContainerConfigSpec,
    history: HistoryEntry,
  ): Promise<string> {
    const base = parent ? this.svc.images.get(parent as ImageId) : undefined;
    let top: ChainId | undefined = base?.topLayer;
    const diffIds = [...(base?.config.rootfs.diff_ids ?? [])];
    if (layer) {
      const registered = this.svc.layers.register(top, layer).info;
      top = registered.chainId;
      diffIds.push(registered.diffId);
    }
    const image: ImageConfig = {
      architecture: 'amd64',
      config,
      created: history.created || rfc3339Nano(this.now()),
      history: [...(base?.config.history ?? []), history],
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: diffIds },
    };
    const buildkit = this.mode.buildkit;
    const record = this.svc.images.create(serializeConfig(image), buildkit ? undefined : base?.id, {
      cacheOnly: buildkit,
    });
    // The image holds its own reference on the layer now.
    if (layer && top) this.svc.layers.release(top);
    return record.id;
  }

  private doc: CacheDoc | undefined;
  private dirty = false;

  private cache(): CacheDoc {
    this.doc ??= readCache(this.svc.store);
    return this.doc;
  }

  async findCached(parent: string | undefined, key: string): Promise<string | undefined> {
    const entry = this.cache()[hexOf(sha256(`${parent ?? 'scratch'}\n${key}`))];
    if (!entry || !this.svc.images.exists(entry.image as ImageId)) return undefined;
    entry.lastUsed = this.now();
    entry.usage += 1;
    this.dirty = true;
    return entry.image;
  }

  async remember(parent: string | undefined, key: string, result: string): Promise<void> {
    const now = this.now();
    this.cache()[hexOf(sha256(`${parent ?? 'scratch'}\n${key}`))] = {
      image: result,
      id: recordId(this.rt.random),
      created: now,
      lastUsed: now,
      usage: 1,
      ...(this.mode.buildkit ? { snapshot: true } : {}),
    };
    this.dirty = true;
  }

  /** The build's result becomes an image the daemon lists (`writing image sha256:…`). */
  exported(imageId: string): void {
    this.svc.images.setCacheOnly(imageId as ImageId, false);
  }

  /** Writes what the build did to the cache's records (once, at the end of the build). */
  flush(): void {
    if (this.dirty && this.doc) this.svc.store.writeJson(CACHE, this.doc);
    this.dirty = false;
  }

  explainStep(step: CacheStep): void {
    this.narration.push(explainCacheStep(this.svc.store, step));
  }

  async tag(imageId: string, ref: string): Promise<void> {
    const parsed = withDefaultTag(parseNormalized(ref));
    this.svc.tags.set(parsed, imageId as ImageId);
    this.svc.images.setLastTagTime(imageId as ImageId, new Date(this.now()).toISOString());
  }
}
