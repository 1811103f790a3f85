import {
  EndlessSignal,
  ExitSignal,
  FatalError,
  LoopSignal,
  ReturnSignal,
  ShellSyntaxError,
} from './errors.js';
import { Interp, type InterpConfig, type Job } from './interp.js';
import { EventSink, type Fd, Input, IO } from './io.js';
import { Parser } from './parser.js';
import { DEFAULT_PS1, expandPrompt } from './prompt.js';
import { ShellState } from './state.js';
import type { ShellEvent, ShellHost, ShellOptions, ShellRunResult } from './types.js';

/**
 * A shell process. `run()` executes a script (a `sh -c` string, a Dockerfile RUN line, one line
 * typed at an interactive prompt) and returns its timeline; variables, functions, aliases, the
 * working directory and background jobs carry over to the next `run()`.
 */
export class Shell {
  private readonly state: ShellState;
  private readonly cfg: InterpConfig;
  private readonly shared = { steps: 0, nextPid: 0, history: [] as string[] };
  private readonly stdin: Input;
  private jobs: Job[] = [];
  private nextLine = 1;
  private ended = false;

  constructor(
    private readonly host: ShellHost,
    private readonly opts: ShellOptions,
  ) {
    const interactive = opts.interactive ?? false;
    this.cfg = {
      dialect: opts.dialect,
      argv0: opts.argv0,
      interactive,
      maxSteps: opts.limits?.steps ?? 100_000,
      maxTime: opts.limits?.time ?? 3_600_000,
    };
    this.stdin = new Input(opts.stdin);
    const s = new ShellState(opts.cwd);
    for (const [name, value] of Object.entries(opts.env))
      s.vars.set(name, { value, exported: true, readonly: false });
    const local = (name: string, value: string): void => {
      if (!s.vars.has(name)) s.vars.set(name, { value, exported: false, readonly: false });
    };
    local('IFS', ' \t\n');
    local('PS2', '> ');
    local('PS4', '+ ');
    local('OPTIND', '1');
    s.vars.set('PWD', { value: opts.cwd, exported: true, readonly: false });
    if (interactive)
      local('PS1', opts.dialect === 'dash' && this.uid() !== 0 ? '$ ' : DEFAULT_PS1[opts.dialect]);
    if (opts.dialect === 'bash') {
      local('BASH', '/bin/bash');
      local('BASH_VERSION', '5.2.15(1)-release');
      local('HOSTNAME', this.hostname());
      s.vars.set('SHLVL', {
        value: String(Number(opts.env.SHLVL ?? '0') + 1),
        exported: true,
        readonly: false,
      });
    }
    s.positional = [...(opts.args ?? [])];
    s.options.errexit = opts.errexit ?? false;
    this.state = s;
  }

  get cwd(): string {
    return this.state.cwd;
  }

  /** The exported variables: what a command started now would get as its environment. */
  get env(): Record<string, string> {
    return this.state.environment();
  }

  get lastStatus(): number {
    return this.state.lastStatus;
  }

  /** PS1 as the dialect shows it: `/ # ` (ash), `root@abc123:/# ` (bash), `# ` (dash). */
  prompt(): string {
    const uid = this.uid();
    const ps1 =
      this.state.get('PS1') ??
      (this.opts.dialect === 'dash' && uid !== 0 ? '$ ' : DEFAULT_PS1[this.opts.dialect]);
    return expandPrompt(ps1, {
      dialect: this.opts.dialect,
      cwd: this.state.cwd,
      home: this.state.get('HOME'),
      user: this.state.get('USER') ?? (uid === 0 ? 'root' : String(uid)),
      uid,
      hostname: this.hostname(),
      argv0: this.opts.argv0,
    });
  }

  private uid(): number {
    return this.host.uid?.() ?? 0;
  }

  private hostname(): string {
    return this.host.hostname?.() ?? this.state?.get('HOSTNAME') ?? 'localhost';
  }

  async run(script: string): Promise<ShellRunResult> {
    const events: ShellEvent[] = [];
    if (this.ended) return { events, code: this.state.lastStatus, duration: 0, exited: true };
    const io = new IO(
      new Map<number, Fd>([
        [0, this.stdin],
        [1, new EventSink(events, 'stdout')],
        [2, new EventSink(events, 'stderr')],
      ]),
    );
    const ip = new Interp(this.host, this.cfg, this.state, events, 0, this.shared, io);
    ip.jobs = this.jobs;
    if (this.cfg.interactive && script.trim()) this.shared.history.push(script.trim());
    const parser = new Parser(script, {
      dialect: this.opts.dialect,
      argv0: this.opts.argv0,
      interactive: this.cfg.interactive,
      firstLine: this.nextLine,
      alias: (name) => ip.aliasFor(name),
    });
    let exited = false;
    let endless = false;
    try {
      exited = await this.loop(ip, parser, io);
      if (exited || !this.cfg.interactive) await ip.runExitTrap(io);
    } catch (e) {
      if (!(e instanceof EndlessSignal)) throw e;
      endless = true;
    }
    this.nextLine += script.split('\n').length - (script.endsWith('\n') ? 1 : 0);
    if (exited) this.ended = true;
    const duration = endless ? Number.POSITIVE_INFINITY : ip.now;
    this.jobs = ip.jobs.map((j) => ({ ...j, end: Math.max(0, j.end - duration) }));
    events.sort((a, b) => a.at - b.at);
    return { events, code: this.state.lastStatus, duration, exited };
  }

  /** Reads and runs one complete command at a time; true when the shell ended itself. */
  private async loop(ip: Interp, parser: Parser, io: IO): Promise<boolean> {
    const s = this.state;
    for (;;) {
      let list: ReturnType<Parser['nextCommand']>;
      try {
        list = parser.nextCommand();
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        ip.error(io, e.message);
        s.lastStatus = 2;
        return !this.cfg.interactive;
      }
      if (!list) return false;
      try {
        s.lastStatus = await ip.runList(list, io);
      } catch (e) {
        if (e instanceof ExitSignal) {
          s.lastStatus = e.code;
          return true;
        }
        if (e instanceof FatalError) {
          s.lastStatus = e.code;
          if (!this.cfg.interactive) return true;
        } else if (e instanceof ReturnSignal) s.lastStatus = e.code;
        else if (!(e instanceof LoopSignal)) throw e;
      }
    }
  }
}
