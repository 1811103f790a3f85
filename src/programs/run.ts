import type { ProgramRun, TimelineEvent } from './types.js';

/** Builds a timeline for a program that prints and exits at once (most command-line tools). */
export function finished(stdout: string, stderr = '', code = 0, at = 1): ProgramRun {
  const events: TimelineEvent[] = [];
  if (stdout) events.push({ at: 0, kind: 'stdout', text: stdout });
  if (stderr) events.push({ at: 0, kind: 'stderr', text: stderr });
  events.push({ at, kind: 'exit', code });
  return { events };
}

/** Collects output of a tool as it goes, then ends it with an exit code. */
export class Output {
  private readonly events: TimelineEvent[] = [];
  private at = 0;

  out(text: string): this {
    if (text) this.events.push({ at: this.at, kind: 'stdout', text });
    return this;
  }

  err(text: string): this {
    if (text) this.events.push({ at: this.at, kind: 'stderr', text });
    return this;
  }

  /** Lets simulated time pass (ms). */
  wait(ms: number): this {
    this.at += ms;
    return this;
  }

  exit(code: number): ProgramRun {
    this.events.push({ at: this.at + 1, kind: 'exit', code });
    return { events: this.events };
  }
}

/** Concatenated stdout of a timeline (tests, pipes). */
export function stdoutOf(run: ProgramRun): string {
  return run.events
    .filter((e) => e.kind === 'stdout')
    .map((e) => (e as { text: string }).text)
    .join('');
}

export function stderrOf(run: ProgramRun): string {
  return run.events
    .filter((e) => e.kind === 'stderr')
    .map((e) => (e as { text: string }).text)
    .join('');
}

export function exitOf(run: ProgramRun): number | undefined {
  const exit = run.events.find((e) => e.kind === 'exit');
  return exit?.kind === 'exit' ? exit.code : undefined;
}
