import type { LogChunk } from '../api/containers.js';
import type { Runtime } from './runtime.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets time pass: the simulated clock jumps; the wall clock is waited for. */
export async function passTime(rt: Runtime, ms: number): Promise<void> {
  if (ms <= 0) return;
  if (rt.clock.deterministic) rt.clock.advance(ms);
  else await sleep(ms);
}

/**
 * Hands out a shell run's output as time reaches it (a line typed on a terminal): time passes to
 * each chunk, then to the run's end. `from` is how much of the run has already been let pass.
 */
export async function replayOutput(
  rt: Runtime,
  run: { events: { at: number; kind: string; text?: unknown }[]; duration: number },
  start: number,
  onChunk: (c: LogChunk) => void,
  from = 0,
): Promise<void> {
  let clock = from;
  for (const e of run.events) {
    if (e.kind !== 'stdout' && e.kind !== 'stderr') continue;
    if (e.at > clock) {
      await passTime(rt, e.at - clock);
      clock = e.at;
    }
    onChunk({ stream: e.kind, text: String(e.text ?? ''), time: start + e.at });
  }
  if (Number.isFinite(run.duration) && run.duration > clock) await passTime(rt, run.duration - clock);
}
