import type { BuildEvent } from '../api/images.js';

/**
 * The build's progress as events. With BuildKit every unit of work is a numbered "vertex" with
 * statuses, log lines and an end (done, cached or error); the classic builder prints worded lines
 * instead. Times are the simulated clock's, in ms.
 */
export class Progress {
  private nextId = 1;
  constructor(
    private readonly emit: (e: BuildEvent) => void,
    private readonly clock: () => number,
    readonly legacy: boolean,
  ) {}

  /** Starts a BuildKit vertex (a no-op handle for the classic builder, which has none). */
  vertex(name: string): Vertex {
    const id = this.legacy ? 0 : this.nextId++;
    const v = new Vertex(id, this.clock(), this.legacy ? () => {} : this.emit, this.clock);
    if (!this.legacy) this.emit({ kind: 'vertex', id, name, at: v.start });
    return v;
  }

  /** One line of the classic builder's output (no newline). */
  line(text: string): void {
    if (this.legacy) this.emit({ kind: 'legacy', text });
  }

  now(): number {
    return this.clock();
  }
}

export class Vertex {
  constructor(
    readonly id: number,
    readonly start: number,
    private readonly emit: (e: BuildEvent) => void,
    private readonly clock: () => number,
  ) {}

  /** A status line (`transferring context: 2B done`); `since` times it from that instant. */
  status(text: string, opts: { done?: boolean; since?: number; seconds?: number } = {}): void {
    const at = this.clock();
    const e: BuildEvent = { kind: 'status', id: this.id, text, at };
    if (opts.done) e.done = true;
    if (opts.since !== undefined) e.seconds = (at - opts.since) / 1000;
    if (opts.seconds !== undefined) e.seconds = opts.seconds;
    this.emit(e);
  }

  /** A line the step's command printed, at `at` (ms on the simulated clock). */
  log(stream: 'stdout' | 'stderr', text: string, at = this.clock()): void {
    this.emit({ kind: 'log', id: this.id, stream, text, at });
  }

  /** Ends the vertex; `seconds` overrides the time it shows (work done before it started). */
  done(seconds?: number): void {
    const at = this.clock();
    this.emit({ kind: 'vertex-done', id: this.id, at, seconds: seconds ?? (at - this.start) / 1000 });
  }

  cached(): void {
    const at = this.clock();
    this.emit({ kind: 'vertex-done', id: this.id, at, seconds: 0, cached: true });
  }

  error(message: string): void {
    this.emit({ kind: 'vertex-error', id: this.id, at: this.clock(), message });
  }
}
