import { posix } from 'node:path';
import { FsError, type FsErrorCode } from '../../fs/view.js';
import { Output } from '../run.js';
import type { ProcessContext, ProgramRun } from '../types.js';

/**
 * GNU (coreutils, findutils, grep, sed, gawk as Debian and Ubuntu images ship them) or BusyBox
 * (alpine, busybox). The two print the same results in different words, and learners meet both.
 */
export type Flavour = 'gnu' | 'busybox';

/** What a tool implementation is: the same function serves both flavours. */
export type ToolImpl = (t: Tool) => ProgramRun | Promise<ProgramRun>;

export type Errno = FsErrorCode | 'EPERM' | 'EBUSY';

const STRERROR: Partial<Record<Errno, string>> & Record<string, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  ELOOP: 'Too many levels of symbolic links',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  EXDEV: 'Invalid cross-device link',
  EPERM: 'Operation not permitted',
  EBUSY: 'Device or resource busy',
  ENOSPC: 'No space left on device',
  ENAMETOOLONG: 'File name too long',
};

/** The C library's text for an errno (`strerror`). */
export function strerror(code: Errno): string {
  return STRERROR[code] ?? code;
}

/** The errno of a thrown filesystem error (anything else is rethrown: it is a bug). */
export function errnoOf(e: unknown): Errno {
  if (e instanceof FsError) return e.code;
  throw e;
}

/** Runs a filesystem call, turning its FsError into an errno. */
export function attempt(fn: () => void): Errno | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return errnoOf(e);
  }
}

/**
 * One run of a tool: its context, its flavour, and what it prints so far. Messages are
 * prefixed with the program name as each flavour does it: GNU uses argv[0] as invoked
 * (`/bin/ls: ...`), BusyBox its applet name.
 */
export class Tool {
  readonly name: string;
  readonly args: string[];
  readonly gnu: boolean;
  status = 0;
  private readonly output = new Output();

  constructor(
    readonly ctx: ProcessContext,
    readonly flavour: Flavour,
    readonly applet: string,
  ) {
    this.gnu = flavour === 'gnu';
    const argv0 = ctx.argv[0] ?? applet;
    this.name = this.gnu ? argv0 : applet;
    this.args = ctx.argv.slice(1);
  }

  /** The same run seen with other arguments (`egrep` is `grep -E`). */
  withArgs(args: string[]): Tool {
    const copy = new Tool(
      { ...this.ctx, argv: [this.ctx.argv[0] ?? this.applet, ...args] },
      this.flavour,
      this.applet,
    );
    return copy;
  }

  out(text: string): this {
    this.output.out(text);
    return this;
  }

  err(text: string): this {
    this.output.err(text);
    return this;
  }

  /** Lets simulated time pass (a child process ran). */
  wait(ms: number): this {
    this.output.wait(ms);
    return this;
  }

  /** `name: message` on stderr; the exit status becomes `code` (1 unless told). */
  fail(message: string, code = 1): this {
    this.output.err(`${this.name}: ${message}\n`);
    this.status = Math.max(this.status, code);
    return this;
  }

  done(code = this.status): ProgramRun {
    return this.output.exit(code);
  }

  /** The timeline so far without an exit: the program keeps running (`tail -f`, `yes`). */
  running(): ProgramRun {
    const run = this.output.exit(0);
    run.events.pop();
    return run;
  }

  /** An absolute, lexically normalized path for an operand. */
  abs(path: string): string {
    return absPath(this.ctx.cwd, path);
  }

  get fs() {
    return this.ctx.fs;
  }

  /** Whether the process runs as root (root reads and writes everything). */
  get root(): boolean {
    return this.ctx.uid === 0;
  }

  /** Seconds since the epoch, as a file's mtime is written. */
  nowSeconds(): number {
    return Math.floor(this.ctx.sys.now() / 1000);
  }
}

export function absPath(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd.replace(/\/+$/, '')}/${path}`;
  const norm = posix.normalize(joined);
  return norm.length > 1 ? norm.replace(/\/+$/, '') : norm;
}

/** `a/b/c` → `c` the way basename(1) does it (trailing slashes ignored). */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** `a/b/c` → `a/b` the way dirname(1) does it. */
export function dirName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  const dir = trimmed.slice(0, slash).replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}

/** A path joined to a name, without doubling the slash after `/`. */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** Splits text into lines the way line-oriented tools read it (a last line without `\n` counts). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function joinLines(lines: string[]): string {
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** C `%*d`-style padding. */
export function padLeft(text: string | number, width: number): string {
  return String(text).padStart(width, ' ');
}

export function padRight(text: string | number, width: number): string {
  return String(text).padEnd(width, ' ');
}
