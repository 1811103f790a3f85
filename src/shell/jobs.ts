import type { AndOr, List, Pipeline } from './ast.js';
import { EndlessSignal, ShellSyntaxError } from './errors.js';
import type { Interp } from './interp.js';
import { CaptureSink, Input, type IO } from './io.js';
import { Parser } from './parser.js';

/** A background job (`&`): a subshell whose clock starts now and does not hold up the shell's. */
export async function runBackground(ip: Interp, andor: AndOr, io: IO): Promise<number> {
  const sub = ip.fork();
  sub.background = true;
  // Without job control a background job's stdin is /dev/null.
  const jobIO = io.with([[0, new Input('')]]);
  let code = 0;
  try {
    code = await sub.guard(jobIO, () => sub.runAndOr(andor, jobIO));
  } catch (e) {
    if (!(e instanceof EndlessSignal)) throw e;
    sub.now = Number.POSITIVE_INFINITY;
  }
  const pid = sub.lastPid ?? ip.allocPid();
  ip.jobs.push({ pid, end: sub.now, code });
  ip.state.lastBg = pid;
  return 0;
}

/** Each stage is a subshell starting now; it reads the text the stage before it wrote. */
export async function runStages(ip: Interp, p: Pipeline, io: IO): Promise<number> {
  const start = ip.now;
  let end = start;
  let input: Input = io.stdin;
  const codes: number[] = [];
  for (let i = 0; i < p.cmds.length; i++) {
    const last = i === p.cmds.length - 1;
    const out = new CaptureSink();
    const stageIO = io.with([
      [0, input],
      [1, last ? io.sink(1) : out],
    ]);
    ip.now = start;
    codes.push(await ip.subshell(stageIO, (sub) => sub.runCommand(p.cmds[i]!, stageIO)));
    end = Math.max(end, ip.now);
    input = new Input(out.text);
  }
  ip.now = end;
  const failed = codes.filter((c) => c !== 0);
  return ip.state.options.pipefail && failed.length ? failed[failed.length - 1]! : codes[codes.length - 1]!;
}

/** Parses and runs text one line at a time (eval, `.`, traps); a syntax error prints and gives 2. */
export async function runScript(ip: Interp, text: string, io: IO): Promise<number> {
  const parser = new Parser(text, {
    dialect: ip.dialect,
    argv0: ip.argv0,
    interactive: ip.interactive,
    firstLine: ip.line,
    alias: (name) => ip.aliasFor(name),
  });
  let status = 0;
  for (;;) {
    let list: List | null;
    try {
      list = parser.nextCommand();
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      ip.error(io, e.message);
      return 2;
    }
    if (!list) return status;
    status = await ip.runList(list, io);
  }
}
