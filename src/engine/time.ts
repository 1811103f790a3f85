import type { Runtime } from './runtime.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets time pass: the simulated clock jumps; the wall clock is waited for. */
export async function passTime(rt: Runtime, ms: number): Promise<void> {
  if (ms <= 0) return;
  if (rt.clock.deterministic) rt.clock.advance(ms);
  else await sleep(ms);
}
