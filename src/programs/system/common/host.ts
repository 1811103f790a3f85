import type { FsView } from '../../../fs/view.js';
import type { ProcInfo } from '../../../kernel/view.js';
import type { ProcessContext } from '../../types.js';

/** A text file of the process's filesystem, or undefined when it cannot be read. */
export function readText(fs: FsView, path: string): string | undefined {
  try {
    const stat = fs.stat(path);
    if (stat?.type !== 'file') return undefined;
    return fs.readFile(path).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The systemd default on 64-bit hosts, used when /proc/sys/kernel/pid_max cannot be read. */
const DEFAULT_PID_MAX = 4194304;

/**
 * Digits of /proc/sys/kernel/pid_max: procps sizes its PID columns by it (7 on modern hosts, 5
 * with the old 32768). Containers read the host kernel's value, so widths match inside too.
 */
export function pidDigits(fs: FsView): number {
  const text = readText(fs, '/proc/sys/kernel/pid_max');
  const value = text ? Number.parseInt(text.trim(), 10) : Number.NaN;
  return String(Number.isFinite(value) && value > 0 ? value : DEFAULT_PID_MAX).length;
}

/** Which C library the image's programs use: Alpine's musl words getopt errors differently. */
export function libcOf(fs: FsView): 'glibc' | 'musl' {
  try {
    if (fs.readdir('/lib').some((name) => name.startsWith('ld-musl-'))) return 'musl';
  } catch {
    // no /lib: a scratch image; glibc wording is as good as any
  }
  return 'glibc';
}

/** `ID=` of /etc/os-release (`ubuntu`, `debian`, `alpine`), or ''. */
export function osId(fs: FsView): string {
  const text = readText(fs, '/etc/os-release') ?? readText(fs, '/usr/lib/os-release') ?? '';
  const line = text.split('\n').find((l) => l.startsWith('ID='));
  return line ? line.slice(3).replace(/^["']|["']$/g, '') : '';
}

/** Terminal width a tool formats for: COLUMNS, else 80 on a terminal; undefined when unlimited. */
export function screenColumns(ctx: ProcessContext): number | undefined {
  const env = Number.parseInt(ctx.env.COLUMNS ?? '', 10);
  if (Number.isFinite(env) && env > 0) return env;
  return ctx.tty ? 80 : undefined;
}

/** The calling process as the kernel lists it (undefined if it is not visible). */
export function selfProc(ctx: ProcessContext, procs: ProcInfo[]): ProcInfo | undefined {
  const self = ctx.sys.selfPid();
  return procs.find((p) => p.pid === self);
}

export const KIB = 1024;

/** Bytes as whole KiB (what /proc shows). */
export function kib(bytes: number): number {
  return Math.floor(bytes / KIB);
}
