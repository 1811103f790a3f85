import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Check, SchemaError } from './schema.js';

/** A document in the state folder that cannot be read back: the message names the file. */
export class CorruptStateError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`corrupt state file ${file}: ${reason}; remove it or run 'dockersim reset'`);
    this.name = 'CorruptStateError';
  }
}

let temporaries = 0;

/**
 * Writes a file so that a reader sees the old content or the new, never half: the bytes go to a
 * temporary file beside it, and the temporary takes the file's name. There is no fsync: the state
 * is a simulation's, and a rename is what keeps another dockersim process from reading half a
 * document; surviving a power cut is not worth a millisecond on every command.
 */
export function writeAtomic(file: string, content: string | Buffer, mode?: number): void {
  const tmp = `${file}.${process.pid}.${++temporaries}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w', mode ?? 0o644);
    try {
      fs.writeFileSync(fd, content);
    } finally {
      fs.closeSync(fd);
    }
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Names the state's current generation: any write by any process gives it a new name. */
const GENERATION = 'dockersim/generation';
let generations = 0;

export function defaultHome(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.DOCKERSIM_HOME;
  if (configured && configured.trim() !== '') return path.resolve(configured);
  return path.join(os.homedir(), '.dockersim');
}

/**
 * The state folder, laid out like /var/lib/docker. Paths given to its methods are relative
 * to the root and use `/`. Every write is atomic (write to a temporary file, then rename),
 * so a reader never sees half a document.
 */
export class StateStore {
  constructor(readonly root: string) {}

  /**
   * What this process last read or wrote, reused while nobody else has written: a long-lived
   * client (the playground) then reads a document once, not once per command. Valid only
   * inside `cached()` (under the state lock) and only while the generation file is the one this
   * process last saw; every write goes through to disk and names a new generation.
   */
  private cache:
    | {
        gen: string;
        texts: Map<string, string | null>;
        lists: Map<string, string[]>;
        memos: Map<string, unknown>;
      }
    | undefined;
  private inCached = false;
  /** The text of each document that passed its schema check and what the check made of it. */
  private readonly checked = new Map<string, { text: string; value: unknown }>();
  private dirty = false;

  /** Runs `fn` (the caller holds the state lock) with reads served from the cache when valid. */
  async cached<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inCached) return fn();
    const gen = this.readDisk(GENERATION) ?? '';
    if (!this.cache || this.cache.gen !== gen)
      this.cache = { gen, texts: new Map(), lists: new Map(), memos: new Map() };
    this.inCached = true;
    this.dirty = false;
    try {
      return await fn();
    } finally {
      this.inCached = false;
      if (this.dirty) this.newGeneration();
    }
  }

  private newGeneration(): void {
    const gen = `${process.pid}-${++generations}-${process.hrtime.bigint()}`;
    fs.mkdirSync(path.dirname(this.path(GENERATION)), { recursive: true });
    writeAtomic(this.path(GENERATION), gen);
    if (this.cache) this.cache.gen = gen;
  }

  /**
   * An object built from the state (the kernel's tables), kept with the cache and dropped with
   * it when another process writes. Its owner keeps it equal to what it saved.
   */
  memo(key: string): unknown {
    return this.inCached ? this.cache!.memos.get(key) : undefined;
  }

  remember(key: string, value: unknown): void {
    if (this.inCached) this.cache!.memos.set(key, value);
  }

  /** Something changed on disk: drop what the cache knew of `rel` and the folders above it. */
  private changed(rel: string, content?: string): void {
    if (!this.inCached) {
      this.cache = undefined;
      this.newGeneration();
      this.cache = undefined;
      return;
    }
    this.dirty = true;
    const c = this.cache!;
    if (content === undefined) {
      for (const k of [...c.texts.keys()]) if (k === rel || k.startsWith(`${rel}/`)) c.texts.delete(k);
      for (const k of [...c.lists.keys()]) if (k === rel || k.startsWith(`${rel}/`)) c.lists.delete(k);
    } else c.texts.set(rel, content);
    for (let at = rel.lastIndexOf('/'); ; at = rel.lastIndexOf('/', at - 1)) {
      c.lists.delete(at < 0 ? '' : rel.slice(0, at));
      if (at <= 0) break;
    }
  }

  private readDisk(rel: string): string | undefined {
    try {
      return fs.readFileSync(this.path(rel), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  path(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  exists(rel: string): boolean {
    return fs.existsSync(this.path(rel));
  }

  readText(rel: string): string | undefined {
    if (!this.inCached) return this.readDisk(rel);
    const texts = this.cache!.texts;
    const hit = texts.get(rel);
    if (hit !== undefined) return hit ?? undefined;
    const text = this.readDisk(rel);
    texts.set(rel, text ?? null);
    return text;
  }

  readBytes(rel: string): Buffer | undefined {
    try {
      return fs.readFileSync(this.path(rel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** Reads and checks a JSON document; undefined when it does not exist. */
  readJson<T>(rel: string, check: Check<T>): T | undefined {
    const text = this.readText(rel);
    if (text === undefined) return undefined;
    let parsed: unknown;
    // A document this process already checked, unchanged since, needs no second check.
    const known = this.inCached ? this.checked.get(rel) : undefined;
    if (known && known.text === text) return structuredClone(known.value) as T;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CorruptStateError(this.path(rel), text.trim() === '' ? 'empty file' : 'not valid JSON');
    }
    try {
      const value = check(parsed, '');
      if (this.inCached) this.checked.set(rel, { text, value: structuredClone(value) });
      return value;
    } catch (e) {
      if (e instanceof SchemaError) throw new CorruptStateError(this.path(rel), e.message);
      throw e;
    }
  }

  writeText(rel: string, content: string | Buffer, mode?: number): void {
    // A document written again unchanged (a clock or kernel table nobody moved) costs nothing.
    if (
      this.inCached &&
      typeof content === 'string' &&
      mode === undefined &&
      this.cache!.texts.get(rel) === content
    )
      return;
    const file = this.path(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeAtomic(file, content, mode);
    this.changed(rel, typeof content === 'string' ? content : undefined);
  }

  /** Appends to a log-like file (container logs, the event log); callers hold the state lock. */
  appendText(rel: string, content: string): void {
    const file = this.path(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, content);
    this.changed(rel);
  }

  writeJson(rel: string, value: unknown): void {
    this.writeText(rel, `${JSON.stringify(value)}\n`);
  }

  /** Names of the entries of a folder (sorted); empty when it does not exist. */
  list(rel: string): string[] {
    const hit = this.inCached ? this.cache!.lists.get(rel) : undefined;
    if (hit) return [...hit];
    let names: string[];
    try {
      names = fs.readdirSync(this.path(rel)).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') names = [];
      else throw e;
    }
    if (this.inCached) this.cache!.lists.set(rel, names);
    return [...names];
  }

  mkdir(rel: string): void {
    fs.mkdirSync(this.path(rel), { recursive: true });
    this.changed(rel);
  }

  remove(rel: string): void {
    fs.rmSync(this.path(rel), { recursive: true, force: true });
    this.changed(rel);
  }

  /** Everything in the folder was removed or replaced behind the store's back (`dockersim reset`). */
  forget(): void {
    this.cache = undefined;
    this.newGeneration();
  }
}
