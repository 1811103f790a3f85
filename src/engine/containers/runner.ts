import { createHash } from 'node:crypto';
import { FsError, type FsView } from '../../fs/view.js';
import type { SystemView } from '../../kernel/view.js';
import { findProgram, type ResolveFailure, resolveExecutable } from '../../programs/registry.js';
import type { ExecOptions, ProcessContext, ProgramRun } from '../../programs/types.js';

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
};

export interface ProcessSpec {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  uid: number;
  gid: number;
  user: string;
  tty: boolean;
  stdin: string | null;
  /** Stdin is a terminal or a pipe nobody has closed yet. */
  stdinOpen?: boolean;
}

export type RunOutcome =
  | { ok: true; run: ProgramRun; path: string; argv: string[] }
  | { ok: false; failure: ResolveFailure };

/** The simulated programs (shells, tools, servers), loaded the first time one is needed. */
export async function loadPrograms(): Promise<void> {
  const { registerAllPrograms } = await import('../../programs/index.js');
  registerAllPrograms();
}

/** A program the image has but dockersim does not simulate: it says so honestly. */
function unsimulated(path: string, name: string): ProgramRun {
  return {
    events: [
      { at: 0, kind: 'stderr', text: `${path}: this program (${name}) is not simulated by dockersim\n` },
      { at: 1, kind: 'exit', code: 126 },
    ],
  };
}

/**
 * Runs programs of one container (or of the host): finds the executable in the view, picks
 * the simulated program its file names, and gives it a context whose `exec` runs further
 * programs the same way (shells, entrypoints).
 */
export class ProgramRunner {
  private counter = 0;

  constructor(
    private readonly fs: FsView,
    private readonly sys: () => SystemView,
    private readonly seed: string,
  ) {}

  async run(spec: ProcessSpec, depth = 0): Promise<RunOutcome> {
    await loadPrograms();
    const command = spec.argv[0] ?? '';
    const resolved = resolveExecutable(this.fs, command, spec.env.PATH, spec.cwd);
    if ('kind' in resolved) return { ok: false, failure: resolved };
    let argv = spec.argv;
    let programName = resolved.program;
    if (resolved.program === 'script') {
      const interpreter = resolved.interpreter ?? ['/bin/sh'];
      const inner = resolveExecutable(this.fs, interpreter[0]!, spec.env.PATH, spec.cwd);
      if ('kind' in inner) return { ok: false, failure: inner };
      argv = [...interpreter, resolved.path, ...spec.argv.slice(1)];
      programName = inner.program;
    }
    const program = findProgram(programName);
    if (!program || depth > 32)
      return { ok: true, run: unsimulated(resolved.path, programName), path: resolved.path, argv };
    const ctx = this.context({ ...spec, argv }, resolved.path, depth);
    try {
      return { ok: true, run: await program.run(ctx), path: resolved.path, argv };
    } catch (e) {
      // A file error a simulated program did not expect ends it as a real one would: message, exit 1.
      if (e instanceof FsError) {
        const name = argv[0] ?? programName;
        const run: ProgramRun = {
          events: [
            { at: 0, kind: 'stderr', text: `${name}: ${e.path}: ${ERRNO_TEXT[e.code] ?? e.code}\n` },
            { at: 1, kind: 'exit', code: 1 },
          ],
        };
        return { ok: true, run, path: resolved.path, argv };
      }
      throw e;
    }
  }

  /** The context a program at `path` would run with (an interactive shell keeps one per line). */
  processContext(spec: ProcessSpec, path: string): ProcessContext {
    return this.context(spec, path, 0);
  }

  private context(spec: ProcessSpec, path: string, depth: number): ProcessContext {
    const hash = createHash('sha256')
      .update(`${this.seed}:${this.counter++}:${spec.argv.join(' ')}`)
      .digest();
    let state = hash.readUInt32BE(0) || 1;
    return {
      argv: spec.argv,
      path,
      env: spec.env,
      cwd: spec.cwd,
      uid: spec.uid,
      gid: spec.gid,
      user: spec.user,
      tty: spec.tty,
      stdin: spec.stdin,
      stdinOpen: spec.stdinOpen ?? false,
      fs: this.fs,
      sys: this.sys(),
      exec: async (argv: string[], opts: ExecOptions = {}) => {
        const outcome = await this.run(
          {
            ...spec,
            argv,
            env: opts.env ?? spec.env,
            cwd: opts.cwd ?? spec.cwd,
            stdin: opts.stdin === undefined ? spec.stdin : opts.stdin,
          },
          depth + 1,
        );
        if (outcome.ok) return outcome.run;
        const code = outcome.failure.kind === 'not-found' ? 127 : 126;
        return {
          events: [
            { at: 0, kind: 'stderr', text: `${outcome.failure.message}\n` },
            { at: 1, kind: 'exit', code },
          ],
        };
      },
      random: () => {
        // xorshift32: a deterministic stream per process.
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) / 0x100000000;
      },
    };
  }
}
