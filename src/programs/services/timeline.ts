import type { ProgramRun, TimelineEvent } from '../types.js';

export const MiB = 1024 * 1024;

type SpawnEvent = Extract<TimelineEvent, { kind: 'spawn' }>;
type ExecEvent = Extract<TimelineEvent, { kind: 'exec' }>;

/**
 * Builds a server's timeline step by step: a cursor (`at`, ms after the process started) moves
 * forward with `wait`, and each call records an event at the cursor. `clock()` is the wall time
 * at the cursor, for the timestamps servers put in their log lines.
 */
export class Timeline {
  readonly events: TimelineEvent[] = [];
  at = 0;

  /** `start` is the wall time (ms since the epoch) at which the process started. */
  constructor(readonly start: number) {}

  clock(): number {
    return this.start + this.at;
  }

  wait(ms: number): this {
    this.at += ms;
    return this;
  }

  out(text: string): this {
    if (text) this.events.push({ at: this.at, kind: 'stdout', text });
    return this;
  }

  err(text: string): this {
    if (text) this.events.push({ at: this.at, kind: 'stderr', text });
    return this;
  }

  /** Prints lines (each ends with a newline) on stdout or stderr. */
  lines(stream: 'stdout' | 'stderr', lines: readonly string[]): this {
    const text = lines.map((l) => `${l}\n`).join('');
    return stream === 'stdout' ? this.out(text) : this.err(text);
  }

  spawn(spawn: Omit<SpawnEvent, 'at' | 'kind'>): this {
    const memory = spawn.memory === undefined ? {} : { memory: Math.round(spawn.memory) };
    this.events.push({ at: this.at, kind: 'spawn', ...spawn, ...memory });
    return this;
  }

  childExit(key: string, code = 0): this {
    this.events.push({ at: this.at, kind: 'child-exit', key, code });
    return this;
  }

  exec(exec: Omit<ExecEvent, 'at' | 'kind'>): this {
    this.events.push({ at: this.at, kind: 'exec', ...exec });
    return this;
  }

  memory(bytes: number, key?: string): this {
    this.events.push(
      key
        ? { at: this.at, kind: 'memory', bytes: Math.round(bytes), key }
        : { at: this.at, kind: 'memory', bytes: Math.round(bytes) },
    );
    return this;
  }

  cpu(cores: number, key?: string): this {
    this.events.push(key ? { at: this.at, kind: 'cpu', cores, key } : { at: this.at, kind: 'cpu', cores });
    return this;
  }

  listen(port: number, proto: 'tcp' | 'udp' = 'tcp'): this {
    this.events.push({ at: this.at, kind: 'listen', port, proto });
    return this;
  }

  exit(code: number): ProgramRun {
    this.events.push({ at: this.at + 1, kind: 'exit', code });
    return { events: this.events };
  }

  /** The timeline of a program that keeps running (a server), with its signal handler. */
  running(onSignal?: ProgramRun['onSignal']): ProgramRun {
    return onSignal ? { events: this.events, onSignal } : { events: this.events };
  }
}

/** The events of a run moved `offset` ms later (a program exec'd part-way into a process). */
export function shifted(events: readonly TimelineEvent[], offset: number): TimelineEvent[] {
  return events.map((e) => ({ ...e, at: e.at + offset }));
}
