/**
 * Time as the simulation sees it. Real mode follows the wall clock; deterministic mode
 * (DOCKERSIM_CLOCK) starts at a fixed instant and only moves when the simulation advances it,
 * so the same commands print the same bytes.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, possibly fractional. */
  now(): number;
  /** Moves simulated time forward (no-op for the wall clock, which moves by itself). */
  advance(ms: number): void;
  readonly deterministic: boolean;
}

export class WallClock implements Clock {
  readonly deterministic = false;
  now(): number {
    return Date.now();
  }
  advance(_ms: number): void {}
}

export class SimulatedClock implements Clock {
  readonly deterministic = true;
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    if (ms > 0) this.current += ms;
  }
}

/** Parses DOCKERSIM_CLOCK: an RFC 3339 time or Unix seconds. Returns undefined when not valid. */
export function parseClockSetting(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}
