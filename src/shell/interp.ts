import { ArithError, evaluate } from './arith.js';
import type { AndOr, Command, List, Pipeline } from './ast.js';
import { runCompound } from './compound.js';
import { EndlessSignal, ExitSignal, FatalError } from './errors.js';
import type { Expander } from './expand.js';
import { CaptureSink, type IO } from './io.js';
import { runBackground, runScript, runStages } from './jobs.js';
import { arithMessage, fatalCode, type Speaker } from './messages.js';
import { applyRedirects } from './redirect.js';
import { runSimple } from './simple.js';
import type { ShellState } from './state.js';
import type { Dialect, ShellEvent, ShellHost } from './types.js';

export interface InterpConfig {
  dialect: Dialect;
  argv0: string;
  interactive: boolean;
  /** Commands run and virtual ms after which the script counts as never ending. */
  maxSteps: number;
  maxTime: number;
}

export interface Job {
  pid: number;
  end: number;
  code: number;
}

/** Counters shared by a shell and its subshells. */
interface Shared {
  steps: number;
  /** State of `$RANDOM`'s generator (seeded from the PID, so runs repeat). */
  seed?: number;
  nextPid: number;
  history: string[];
}

/**
 * Runs parsed commands against the host. One Interp is one shell process: a subshell, a pipeline
 * stage or a background job is a fork with a copy of the state and its own clock.
 */
export class Interp implements Expander {
  line = 1;
  curIO: IO;
  jobs: Job[] = [];
  background = false;
  /** PID of the last external command a background job started, when the host told it. */
  lastPid: number | undefined;
  lastSubStatus: number | undefined;
  /** Depth of contexts where `set -e` does not apply (conditions, `&&`/`||` left sides, `!`). */
  errexitOff = 0;
  funcDepth = 0;

  constructor(
    readonly host: ShellHost,
    readonly cfg: InterpConfig,
    readonly state: ShellState,
    readonly events: ShellEvent[],
    public now: number,
    readonly shared: Shared,
    io: IO,
  ) {
    this.curIO = io;
  }

  get dialect(): Dialect {
    return this.cfg.dialect;
  }
  get argv0(): string {
    return this.cfg.argv0;
  }
  get interactive(): boolean {
    return this.cfg.interactive;
  }
  get fs() {
    return this.host.fs;
  }
  pid(): number {
    return this.host.pid();
  }
  speaker(): Speaker {
    return { dialect: this.dialect, argv0: this.argv0, interactive: this.interactive, line: this.line };
  }

  fork(): Interp {
    const sub = new Interp(
      this.host,
      this.cfg,
      this.state.clone(),
      this.events,
      this.now,
      this.shared,
      this.curIO,
    );
    sub.line = this.line;
    sub.background = this.background;
    sub.funcDepth = this.funcDepth;
    sub.errexitOff = this.errexitOff;
    // A subshell starts without the traps its parent set (ignored signals stay ignored).
    for (const [sig, action] of sub.state.traps) if (action !== '') sub.state.traps.delete(sig);
    return sub;
  }

  /** `$RANDOM`: 0..32767 from a small linear congruential generator. */
  random(): number {
    const seed = ((this.shared.seed ?? this.pid()) * 1103515245 + 12345) >>> 0;
    this.shared.seed = seed;
    return (seed >>> 16) & 0x7fff;
  }

  allocPid(): number {
    this.shared.nextPid = Math.max(this.shared.nextPid, this.pid() + 1);
    return this.shared.nextPid++;
  }

  tick(): void {
    this.shared.steps++;
    if (this.shared.steps > this.cfg.maxSteps || this.now > this.cfg.maxTime) throw new EndlessSignal();
  }

  write(io: IO, fd: number, text: string): void {
    io.sink(fd).write(text, this.now);
  }

  /** Prints a line on stderr. */
  error(io: IO, text: string): void {
    this.write(io, 2, `${text}\n`);
  }

  fatal(message: string, code: number): never {
    this.error(this.curIO, message);
    throw new FatalError(message, code);
  }

  arith(expr: string): bigint {
    try {
      return evaluate(expr, {
        get: (name) => this.state.get(name),
        set: (name, value) => {
          this.state.set(name, value);
        },
        posix: this.dialect === 'dash',
      });
    } catch (e) {
      if (!(e instanceof ArithError)) throw e;
      return this.fatal(arithMessage(this.speaker(), e), fatalCode(this.speaker(), true));
    }
  }

  /** Runs code in a subshell (a copy of this shell) and takes over its clock; returns its status. */
  async subshell(io: IO, body: (sub: Interp) => Promise<number>): Promise<number> {
    const sub = this.fork();
    try {
      return await sub.guard(io, () => body(sub));
    } finally {
      this.now = sub.now;
    }
  }

  /** Turns `exit` and fatal errors into a status, as at the edge of a (sub)shell process. */
  async guard(io: IO, body: () => Promise<number>): Promise<number> {
    try {
      const code = await body();
      await this.runExitTrap(io);
      return code;
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof FatalError) {
        await this.runExitTrap(io);
        return e.code;
      }
      throw e;
    }
  }

  async runExitTrap(io: IO): Promise<void> {
    const action = this.state.traps.get('EXIT');
    if (!action) return;
    this.state.traps.delete('EXIT');
    const saved = this.state.lastStatus;
    await this.runScript(action, io).catch((e) => {
      if (!(e instanceof ExitSignal || e instanceof FatalError)) throw e;
    });
    this.state.lastStatus = saved;
  }

  async cmdSub(body: List): Promise<string> {
    const out = new CaptureSink();
    const io = this.curIO.with([[1, out]]);
    const code = await this.subshell(io, (sub) => sub.runList(body, io));
    this.lastSubStatus = code;
    // bash shows the status in `$?` at once; ash and dash only once the command is done.
    if (this.dialect === 'bash') this.state.lastStatus = code;
    return out.text;
  }

  async runList(list: List, io: IO): Promise<number> {
    let status = 0;
    for (const item of list.items) {
      if (item.background) status = await runBackground(this, item.andor, io);
      else status = await this.runAndOr(item.andor, io);
      this.state.lastStatus = status;
    }
    return status;
  }

  async runAndOr(andor: AndOr, io: IO): Promise<number> {
    const all = [{ op: '&&' as const, pipeline: andor.first }, ...andor.rest];
    let status = 0;
    for (let i = 0; i < all.length; i++) {
      const { op, pipeline } = all[i]!;
      if (i > 0 && (op === '&&') !== (status === 0)) continue;
      const last = i === all.length - 1;
      if (!last) this.errexitOff++;
      try {
        status = await this.runPipeline(pipeline, io);
      } finally {
        if (!last) this.errexitOff--;
      }
      this.state.lastStatus = status;
      if (last && status !== 0 && !pipeline.negate && this.checksErrexit(pipeline)) {
        if (this.state.options.errexit && this.errexitOff === 0) throw new ExitSignal(status);
      }
    }
    return status;
  }

  /** `set -e` looks at simple commands, subshells and pipelines, not at if/while/{ } (POSIX). */
  private checksErrexit(p: Pipeline): boolean {
    const cmd = p.cmds[0]!;
    return p.cmds.length > 1 || !['group', 'if', 'while', 'for', 'cfor', 'case'].includes(cmd.type);
  }

  async runPipeline(p: Pipeline, io: IO): Promise<number> {
    if (p.negate) this.errexitOff++;
    let status: number;
    try {
      status = p.cmds.length === 1 ? await this.runCommand(p.cmds[0]!, io) : await runStages(this, p, io);
    } finally {
      if (p.negate) this.errexitOff--;
    }
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  async runCommand(cmd: Command, io: IO): Promise<number> {
    if (cmd.type === 'simple') return runSimple(this, cmd, io);
    if (cmd.type === 'function') {
      this.state.functions.set(cmd.name, cmd);
      return 0;
    }
    this.line = cmd.line;
    const redirected = cmd.redirs.length ? await applyRedirects(this, cmd.redirs, io) : io;
    if (!redirected) return this.dialect === 'dash' ? 2 : 1;
    return runCompound(this, cmd, redirected);
  }

  /** Parses and runs text one line at a time (eval, `.`, traps); a syntax error prints and gives 2. */
  runScript(text: string, io: IO): Promise<number> {
    return runScript(this, text, io);
  }

  aliasFor(name: string): string | undefined {
    // bash expands aliases only in interactive shells (unless `shopt -s expand_aliases`).
    if (this.dialect === 'bash' && !this.interactive) return undefined;
    return this.state.aliases.get(name);
  }
}
