import type { LogChunk } from '../../api/containers.js';
import { findProgram, resolveExecutable } from '../../programs/registry.js';
import { dialectOf, shellHost } from '../../programs/shells.js';
import type { ProcessContext, ReplSession, TimelineEvent } from '../../programs/types.js';
import { Shell } from '../../shell/index.js';
import type { ShellEvent } from '../../shell/types.js';
import { replayOutput } from '../time.js';
import type { ContainerRecord } from './record.js';
import { loadPrograms } from './runner.js';
import type { ContainerService } from './service.js';
import { loadRuntime, saveRuntime, schedule } from './tracks.js';

export interface LineResult {
  exited: boolean;
  code: number;
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh']);

/** An object whose every property is read from whatever `current()` is at the time. */
function live<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get: (_t, key) => {
      const value = (current() as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current()) : value;
    },
    has: (_t, key) => key in current(),
  });
}

/**
 * A context for a session that outlives engine calls: its files, kernel view and network are
 * always the current line's (a client that kept the first line's files would write where
 * nothing is saved).
 */
function liveContext(current: () => ProcessContext): ProcessContext {
  const fs = live(() => current().fs);
  const sys = live(() => current().sys);
  const net = live(() => current().net ?? ({} as NonNullable<ProcessContext['net']>));
  return new Proxy({} as ProcessContext, {
    get: (_t, key) => {
      if (key === 'fs') return fs;
      if (key === 'sys') return sys;
      if (key === 'net') return current().net ? net : undefined;
      const value = (current() as unknown as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current()) : value;
    },
  });
}

/**
 * Whether `argv` read lines at a prompt on a terminal in this container: a shell (`bash`,
 * `sh`), or a client with its own prompt (`mysql -uroot -p`, `redis-cli`, `psql`) when this
 * invocation is interactive (not `mysql --version`, not `redis-cli GET k`).
 */
export async function readsLines(
  svc: ContainerService,
  rec: ContainerRecord,
  argv: string[],
  opts: { env?: string[]; cwd?: string } = {},
): Promise<boolean> {
  if (SHELLS.has((argv[0] ?? '').split('/').pop() ?? '')) return true;
  await loadPrograms();
  const base = svc.env.processSpec(rec);
  const env = { ...base.env };
  for (const kv of opts.env ?? []) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const cwd = opts.cwd || base.cwd;
  const pid = () => rec.State.Pid || 1;
  const found = resolveExecutable(svc.env.view(rec, pid), argv[0] ?? '', env.PATH, cwd);
  if ('kind' in found) return false;
  const program = findProgram(found.program);
  if (!program?.session) return false;
  const spec = { ...base, argv, env, cwd, tty: true, stdin: null, stdinOpen: true };
  const ctx = svc.env.runner(rec, pid).processContext(spec, found.path);
  return (await program.session(ctx)) !== undefined;
}

/**
 * A terminal session with a process of a container: a shell (`docker run -it ubuntu bash`,
 * `docker exec -it web sh`) or a program with its own prompt (`docker exec -it db mysql -p`).
 * Its state (a shell's variables and directory, a client's current database) lives here
 * between lines; each line runs against the container as it is then, and output arrives as
 * simulated time reaches it.
 */
export class InteractiveShell {
  private shell: Shell | undefined;
  private repl: ReplSession | undefined;
  private bannerShown = false;
  private current: { ctx: ProcessContext } | undefined;

  constructor(
    private readonly containerId: string,
    private readonly trackKey: string,
  ) {}

  /** Binds the session to this line's view of the container (kernel, files, processes). */
  private async bind(svc: ContainerService): Promise<Shell | ReplSession> {
    const rec = svc.find(this.containerId);
    const track = loadRuntime(svc.store, rec.ID).tracks.find((t) => t.key === this.trackKey);
    if (!track) throw new Error('the shell has exited');
    const runner = svc.env.runner(rec, () => track.hostPid);
    const spec = { ...track.spec, tty: true, stdin: null, stdinOpen: true };
    const found = resolveExecutable(
      svc.env.view(rec, () => track.hostPid),
      spec.argv[0] ?? 'sh',
      spec.env.PATH,
      spec.cwd,
    );
    const program = 'kind' in found ? 'sh' : found.program;
    const ctx = runner.processContext(spec, 'kind' in found ? '/bin/sh' : found.path);
    const first = !this.current;
    if (this.current) this.current.ctx = ctx;
    else this.current = { ctx };
    const hostRef = this.current;
    if (first) {
      await loadPrograms();
      const withPrompt = findProgram(program);
      const isShell = SHELLS.has((spec.argv[0] ?? '').split('/').pop() ?? '') || !withPrompt?.session;
      // A client keeps one context whose files and kernel are always this line's.
      if (!isShell) this.repl = await withPrompt!.session!(liveContext(() => hostRef.ctx));
      if (!this.repl) this.shell = this.newShell(program, spec, hostRef);
    }
    return this.repl ?? this.shell!;
  }

  private newShell(
    program: string,
    spec: { argv: string[]; env: Record<string, string>; cwd: string },
    hostRef: { ctx: ProcessContext },
  ): Shell {
    // The shell keeps one host; it always acts on the current line's context.
    const live = liveContext(() => hostRef.ctx);
    const delegate = { ...shellHost(live), uid: () => live.uid };
    return new Shell(delegate, {
      dialect: dialectOf(program),
      argv0: spec.argv[0] ?? 'sh',
      env: { ...spec.env },
      cwd: spec.cwd,
      stdin: null,
      interactive: true,
    });
  }

  async prompt(svc: ContainerService): Promise<string> {
    const bound = await this.bind(svc);
    if (bound instanceof Shell) return bound.prompt();
    // A client greets once, before its first prompt (`Welcome to the MySQL monitor…`).
    const banner = this.bannerShown ? '' : bound.banner;
    this.bannerShown = true;
    return `${banner}${bound.prompt()}`;
  }

  /** Runs one typed line; output is handed out in order, and time passes as the commands take it. */
  async run(svc: ContainerService, line: string, onChunk: (c: LogChunk) => void): Promise<LineResult> {
    const bound = await this.bind(svc);
    const start = svc.now();
    const rec = svc.find(this.containerId);
    if (!(bound instanceof Shell)) {
      const answer = await bound.line(line);
      svc.env.saveLayer(rec);
      if (answer.output) onChunk({ stream: 'stdout', text: answer.output, time: start });
      return { exited: answer.exit !== undefined, code: answer.exit ?? 0 };
    }
    const result = await bound.run(line);
    svc.env.saveLayer(rec);
    this.schedule(svc, rec, start, result.events);
    await replayOutput(svc.rt, result, start, onChunk);
    await svc.runtime.advance(svc.find(this.containerId), svc.now());
    return { exited: result.exited, code: result.code };
  }

  /**
   * What the line started besides its output (`sleep 100 &` is a process of the container, with
   * its own end) joins the session's process timeline, so `ps`, `docker top` and the host see it
   * and it outlives the session as an orphan of PID 1.
   */
  private schedule(svc: ContainerService, rec: ContainerRecord, start: number, events: ShellEvent[]): void {
    const kept = events.filter((e) =>
      ['spawn', 'child-exit', 'memory', 'cpu', 'listen', 'signal'].includes(e.kind),
    );
    if (kept.length === 0) return;
    const doc = loadRuntime(svc.store, rec.ID);
    const track = doc.tracks.find((t) => t.key === this.trackKey);
    if (!track) return;
    track.pending = [...track.pending, ...schedule(kept as unknown as TimelineEvent[], start)].sort(
      (a, b) => a.at - b.at,
    );
    saveRuntime(svc.store, rec.ID, doc);
  }
}
