import * as fs from 'node:fs';
import { createRequire } from 'node:module';
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

type WriteFileAtomic = typeof import('write-file-atomic');
let writeFileAtomic: WriteFileAtomic | undefined;

/** write-file-atomic, loaded on the first write: read-only commands never need it. */
function atomicWriter(): WriteFileAtomic {
  writeFileAtomic ??= createRequire(import.meta.url)('write-file-atomic') as WriteFileAtomic;
  return writeFileAtomic;
}

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

  path(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  exists(rel: string): boolean {
    return fs.existsSync(this.path(rel));
  }

  readText(rel: string): string | undefined {
    try {
      return fs.readFileSync(this.path(rel), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
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
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CorruptStateError(this.path(rel), text.trim() === '' ? 'empty file' : 'not valid JSON');
    }
    try {
      return check(parsed, '');
    } catch (e) {
      if (e instanceof SchemaError) throw new CorruptStateError(this.path(rel), e.message);
      throw e;
    }
  }

  writeText(rel: string, content: string | Buffer, mode?: number): void {
    const file = this.path(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    atomicWriter().sync(file, content, mode === undefined ? {} : { mode });
  }

  /** Appends to a log-like file (container logs, the event log); callers hold the state lock. */
  appendText(rel: string, content: string): void {
    const file = this.path(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, content);
  }

  writeJson(rel: string, value: unknown): void {
    this.writeText(rel, `${JSON.stringify(value)}\n`);
  }

  /** Names of the entries of a folder (sorted); empty when it does not exist. */
  list(rel: string): string[] {
    try {
      return fs.readdirSync(this.path(rel)).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  mkdir(rel: string): void {
    fs.mkdirSync(this.path(rel), { recursive: true });
  }

  remove(rel: string): void {
    fs.rmSync(this.path(rel), { recursive: true, force: true });
  }
}
