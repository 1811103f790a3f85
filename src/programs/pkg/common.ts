import { programContent } from '../../fs/files.js';
import type { ProcessContext } from '../types.js';

/** Package downloads run at about 10 MB/s in the simulation, plus a little latency per request. */
export function downloadMs(bytes: number): number {
  return 20 + Math.round(bytes / 10_000);
}

export function readText(ctx: ProcessContext, file: string): string | undefined {
  try {
    return ctx.fs.readFile(file).toString('utf8');
  } catch {
    return undefined;
  }
}

export function exists(ctx: ProcessContext, file: string): boolean {
  try {
    return ctx.fs.lstat(file) !== undefined;
  } catch {
    return false;
  }
}

export function dirname(file: string): string {
  return file.slice(0, file.lastIndexOf('/')) || '/';
}

/** Writes a file, creating its directory first. */
export function writeText(ctx: ProcessContext, file: string, text: string, mode = 0o644): void {
  ctx.fs.mkdir(dirname(file), { recursive: true });
  ctx.fs.writeFile(file, text, { mode });
}

export function removeQuietly(ctx: ProcessContext, file: string, recursive = false): void {
  try {
    ctx.fs.remove(file, { recursive });
  } catch {
    // already gone: removing is idempotent for package managers
  }
}

/**
 * A file of an index entry in its compact form: `usr/bin/curl=curl` (an executable naming its
 * program), `usr/bin/vi->vim` (a symlink), `usr/lib/libz.so.1` (a placeholder file).
 */
export interface FileSpec {
  path: string;
  program?: string;
  target?: string;
}

export function parseFile(spec: string, root = '/'): FileSpec {
  const at = (p: string) => (p.startsWith('/') ? p : `${root.replace(/\/$/, '')}/${p}`);
  const link = spec.indexOf('->');
  if (link > 0) return { path: at(spec.slice(0, link)), target: spec.slice(link + 2) };
  const eq = spec.indexOf('=');
  if (eq > 0) return { path: at(spec.slice(0, eq)), program: spec.slice(eq + 1) };
  return { path: at(spec) };
}

/** Puts a package's files in place; returns the paths written. */
export function installFiles(
  ctx: ProcessContext,
  files: FileSpec[],
  placeholder: (f: FileSpec) => string,
): string[] {
  const written: string[] = [];
  for (const f of files) {
    ctx.fs.mkdir(dirname(f.path), { recursive: true });
    if (f.target !== undefined) {
      removeQuietly(ctx, f.path);
      ctx.fs.symlink(f.target, f.path);
    } else if (f.program !== undefined) {
      ctx.fs.writeFile(f.path, programContent(f.program), { mode: 0o755 });
    } else {
      const lib = /\.so(\.|$)/.test(f.path);
      ctx.fs.writeFile(f.path, placeholder(f), { mode: lib ? 0o755 : 0o644 });
    }
    written.push(f.path);
  }
  return written;
}

/** A flag parser for the managers' command lines: `-y`, `--no-cache`, `-r file`, `--opt=value`. */
export function splitArgs(
  args: string[],
  withValue: string[],
): { flags: Map<string, string>; words: string[] } {
  const flags = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(0, eq), a.slice(eq + 1));
      else if (withValue.includes(a)) flags.set(a, args[++i] ?? '');
      else flags.set(a, '');
    } else if (a.startsWith('-') && a.length > 1) {
      if (withValue.includes(a)) flags.set(a, args[++i] ?? '');
      else if (a.length > 2 && withValue.includes(a.slice(0, 2))) flags.set(a.slice(0, 2), a.slice(2));
      else for (const c of a.slice(1)) flags.set(`-${c}`, '');
    } else words.push(a);
  }
  return { flags, words };
}

export function has(flags: Map<string, string>, ...names: string[]): boolean {
  return names.some((n) => flags.has(n));
}
