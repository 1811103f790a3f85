import { programOf } from '../fs/files.js';
import type { FsView } from '../fs/view.js';
import type { Program } from './types.js';

/**
 * Programs by name. An executable file in an image names its program (`nginx@1.27.0`,
 * `coreutils:ls`, `busybox@1.36.1`); the part before `@` picks the implementation, a `:`
 * names a tool of a package. Unknown names resolve to a stand-in that says so.
 */
const programs = new Map<string, Program>();

export function registerProgram(program: Program, ...aliases: string[]): void {
  programs.set(program.name, program);
  for (const alias of aliases) programs.set(alias, program);
}

/** The implementation for a program name from an image (`nginx@1.27.0` → `nginx`). */
export function findProgram(name: string): Program | undefined {
  const exact = programs.get(name);
  if (exact) return exact;
  const base = name.split('@')[0]!;
  return programs.get(base) ?? programs.get(base.split(':').pop()!);
}

export type ResolveFailure =
  /** exit 127: `exec: "x": executable file not found in $PATH` */
  | { kind: 'not-found'; message: string }
  /** exit 126: a directory, or not executable */
  | { kind: 'not-executable'; message: string };

export interface Resolved {
  /** Absolute path of the file that runs. */
  path: string;
  /** The program name its content names, or 'script' for a `#!` file. */
  program: string;
  /** For scripts: the interpreter line's argv (`/bin/sh`, `-e`). */
  interpreter?: string[];
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Finds the executable for `command` as execve/PATH lookup does: a name with `/` is used as is,
 * otherwise each PATH entry is tried. The failure texts are runc's, which docker shows.
 */
export function resolveExecutable(
  fs: FsView,
  command: string,
  envPath: string | undefined,
  cwd = '/',
): Resolved | ResolveFailure {
  const candidates = command.includes('/')
    ? [command.startsWith('/') ? command : `${cwd.replace(/\/$/, '')}/${command}`]
    : (envPath ?? DEFAULT_PATH)
        .split(':')
        .filter(Boolean)
        .map((dir) => `${dir.replace(/\/$/, '')}/${command}`);
  for (const candidate of candidates) {
    const stat = fs.stat(candidate);
    if (!stat) continue;
    if (stat.type === 'dir') {
      if (command.includes('/'))
        return { kind: 'not-executable', message: `exec: "${command}": is a directory: permission denied` };
      continue;
    }
    if ((stat.mode & 0o111) === 0) {
      if (command.includes('/'))
        return { kind: 'not-executable', message: `exec: "${command}": permission denied` };
      continue;
    }
    const path = fs.realpath(candidate);
    const content = fs.readFile(path);
    const program = programOf(content);
    if (program) return { path, program };
    const text = content.subarray(0, 256).toString('utf8');
    if (text.startsWith('#!')) {
      const line = text.slice(2).split('\n')[0]!.trim();
      return { path: candidate, program: 'script', interpreter: line.split(/\s+/).filter(Boolean) };
    }
    return { kind: 'not-executable', message: `exec: "${command}": exec format error` };
  }
  if (command.includes('/'))
    return { kind: 'not-found', message: `exec: "${command}": stat ${command}: no such file or directory` };
  return { kind: 'not-found', message: `exec: "${command}": executable file not found in $PATH` };
}
