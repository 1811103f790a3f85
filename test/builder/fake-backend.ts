import { createHash } from 'node:crypto';
import type { BaseImage, BuilderBackend, RunResult, StepOutput } from '../../src/builder/backend.js';
import type { FileEntry } from '../../src/fs/files.js';
import { UnionFs } from '../../src/fs/union.js';
import type { FsView } from '../../src/fs/view.js';
import type { ContainerConfigSpec, HistoryEntry } from '../../src/images/config.js';
import { fullString, parseDockerRef } from '../../src/images/reference.js';

/**
 * A BuilderBackend for tests: images are lists of layers held in maps, a tiny command
 * interpreter stands in for the kernel (`echo`, `mkdir`, `touch`, `cat`, `exit N`, `>`), the
 * cache is a map, and the clock only moves when told.
 */
export interface FakeImage {
  id: string;
  parent?: string;
  layers: FileEntry[][];
  config: ContainerConfigSpec;
  history: HistoryEntry[];
  digest?: string;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export function f(path: string, content: string, mode = 0o644): FileEntry {
  return { path, type: 'file', mode, uid: 0, gid: 0, mtime: 1_700_000_000, content: Buffer.from(content) };
}

export function d(path: string, mode = 0o755): FileEntry {
  return { path, type: 'dir', mode, uid: 0, gid: 0, mtime: 1_700_000_000 };
}

export class FakeBackend implements BuilderBackend {
  readonly images = new Map<string, FakeImage>();
  readonly tags = new Map<string, string>();
  /** Images that a pull can fetch, by full reference. */
  readonly registry = new Map<string, FakeImage>();
  readonly cache = new Map<string, string>();
  readonly runs: { argv: string[]; config: ContainerConfigSpec }[] = [];
  clock = Date.UTC(2026, 0, 1);
  private n = 0;

  /** An image in the local store (`local`) or only in the registry. */
  addImage(
    ref: string,
    files: FileEntry[],
    config: ContainerConfigSpec = {},
    where: 'local' | 'registry' = 'local',
  ) {
    const key = fullString(parseDockerRef(ref));
    const id = `sha256:${hash(`base ${key}`)}`;
    const image: FakeImage = {
      id,
      layers: [files],
      config,
      history: [{ created: '2025-01-01T00:00:00Z', created_by: `/bin/sh -c #(nop) ADD file:x in / ` }],
      digest: `sha256:${hash(`digest ${key}`)}`,
    };
    if (where === 'local') {
      this.images.set(id, image);
      this.tags.set(key, id);
    } else this.registry.set(key, image);
    return image;
  }

  async resolveImage(
    ref: string,
    opts: { pull: boolean },
    onPullLine: (line: string) => void,
  ): Promise<BaseImage> {
    const key = fullString(parseDockerRef(ref));
    let id = opts.pull ? undefined : this.tags.get(key);
    if (!id) {
      const remote =
        this.registry.get(key) ?? (this.tags.get(key) ? this.images.get(this.tags.get(key)!) : undefined);
      if (!remote) {
        throw new Error(
          `pull access denied for ${ref.split(':')[0]}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
        );
      }
      onPullLine(`${key.split(':').pop()}: Pulling from ${key.split('/').slice(1).join('/').split(':')[0]}`);
      onPullLine('0123456789ab: Pull complete');
      onPullLine(`Digest: ${remote.digest}`);
      this.clock += 1500;
      this.images.set(remote.id, remote);
      this.tags.set(key, remote.id);
      id = remote.id;
    }
    const image = this.images.get(id)!;
    return {
      id,
      config: image.config,
      history: image.history,
      ...(image.digest ? { digest: image.digest } : {}),
    };
  }

  imageFs(imageId: string | undefined): FsView {
    return new UnionFs(this.layersOf(imageId), [], { readOnly: true, now: () => this.now() });
  }

  layersOf(imageId: string | undefined): FileEntry[][] {
    return imageId ? (this.images.get(imageId)?.layers ?? []) : [];
  }

  /** The files of an image as one merged view, for assertions. */
  fs(imageId: string): FsView {
    return this.imageFs(imageId);
  }

  async run(imageId: string | undefined, config: ContainerConfigSpec, argv: string[]): Promise<RunResult> {
    this.runs.push({ argv, config });
    const fs = new UnionFs(this.layersOf(imageId), [], { now: () => this.now() });
    const output: StepOutput[] = [];
    const script = argv[0] === '/bin/sh' && argv[1] === '-c' ? (argv[2] ?? '') : argv.join(' ');
    let exitCode = 0;
    let at = 0;
    for (const raw of script.split(/\n|&&|;/)) {
      const cmd = raw.trim();
      if (!cmd || cmd.startsWith('#')) continue;
      at += 100;
      exitCode = interpret(fs, cmd, config, (text) => output.push({ stream: 'stdout', text, at }));
      if (exitCode !== 0) break;
    }
    return { output, exitCode, changes: fs.upperEntries(), duration: at + 50 };
  }

  async commit(
    parent: string | undefined,
    layer: FileEntry[] | undefined,
    config: ContainerConfigSpec,
    history: HistoryEntry,
  ): Promise<string> {
    const base = parent ? this.images.get(parent) : undefined;
    const id = `sha256:${hash(`${parent}|${JSON.stringify(config)}|${JSON.stringify(history)}|${this.n++}`)}`;
    this.images.set(id, {
      id,
      ...(parent ? { parent } : {}),
      layers: [...(base?.layers ?? []), ...(layer ? [layer] : [])],
      config: structuredClone(config),
      history: [...(base?.history ?? []), history],
    });
    return id;
  }

  async findCached(parent: string | undefined, key: string): Promise<string | undefined> {
    return this.cache.get(`${parent}|${key}`);
  }

  async remember(parent: string | undefined, key: string, result: string): Promise<void> {
    this.cache.set(`${parent}|${key}`, result);
  }

  async tag(imageId: string, ref: string): Promise<void> {
    this.tags.set(fullString(parseDockerRef(ref)), imageId);
  }

  now(): number {
    return this.clock;
  }

  elapse(ms: number): void {
    this.clock += ms;
  }
}

function words(cmd: string): string[] {
  return (cmd.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^(['"])(.*)\1$/, '$2'));
}

/** A few commands, enough for build steps in tests. */
function interpret(fs: UnionFs, cmd: string, config: ContainerConfigSpec, out: (t: string) => void): number {
  const [redirect, target] = cmd.split(/\s>\s/);
  const argv = words(redirect!);
  const cwd = config.WorkingDir || '/';
  const abs = (p: string) => (p.startsWith('/') ? p : `${cwd === '/' ? '' : cwd}/${p}`);
  const env = new Map((config.Env ?? []).map((kv) => [kv.split('=')[0]!, kv.slice(kv.indexOf('=') + 1)]));
  const expand = (w: string) => w.replace(/\$(\w+)/g, (_, n: string) => env.get(n) ?? '');
  const write = (text: string) => (target ? fs.writeFile(abs(target.trim()), text) : out(text));
  switch (argv[0]) {
    case 'echo':
      write(`${argv.slice(1).map(expand).join(' ')}\n`);
      return 0;
    case 'mkdir':
      for (const p of argv.slice(1).filter((a) => a !== '-p')) fs.mkdir(abs(p), { recursive: true });
      return 0;
    case 'touch':
      for (const p of argv.slice(1)) fs.writeFile(abs(p), '');
      return 0;
    case 'cat':
      write(fs.readFile(abs(argv[1]!)).toString());
      return 0;
    case 'exit':
      return Number(argv[1] ?? 0);
    case 'sh':
      return interpret(fs, argv.slice(2).join(' '), config, out);
    default:
      out(`sh: ${argv[0]}: not found\n`);
      return 127;
  }
}
