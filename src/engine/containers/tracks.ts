import type { TimelineEvent } from '../../programs/types.js';
import { object, type StateStore } from '../../store/index.js';
import { signalNameOf, signalNumber } from '../../util/signals.js';
import type { ProcessSpec } from './runner.js';

/** A timeline event placed on the simulated clock (absolute ms). */
export type ScheduledEvent = TimelineEvent;

/**
 * One running process tree of a container and what it has yet to do: the main process, or a
 * `docker exec`. Its events are revealed as simulated time reaches them.
 */
export interface Track {
  key: string;
  hostPid: number;
  startedAt: number;
  spec: ProcessSpec;
  /** Remaining events, absolute times, sorted. */
  pending: ScheduledEvent[];
  /** Child processes started by the timeline: key → host PID. */
  children: Record<string, number>;
  /** Current memory (bytes) per process key ('' = the track's own process). */
  memory: Record<string, number>;
  /** PID 1 of a PID namespace ignores signals it has no handler for. */
  isInit: boolean;
  /** For exec tracks: the exec ID, and where its exit code goes. */
  execId?: string;
}

export interface RuntimeDoc {
  tracks: Track[];
  /** When the container was paused (ms), so its timeline can be shifted on unpause. */
  pausedAt?: number;
  /** Ports the container's programs listen on. */
  listening: { port: number; proto: string }[];
  /** Host PIDs of the docker-proxy processes serving the published ports. */
  proxies?: number[];
}

const check = object<RuntimeDoc>({} as never);

export function loadRuntime(store: StateStore, id: string): RuntimeDoc {
  return store.readJson(`containers/${id}/runtime.json`, check) ?? { tracks: [], listening: [] };
}

export function saveRuntime(store: StateStore, id: string, doc: RuntimeDoc): void {
  store.writeJson(`containers/${id}/runtime.json`, doc);
}

/** Shifts a timeline onto the clock: relative times become absolute. */
export function schedule(events: TimelineEvent[], start: number): ScheduledEvent[] {
  return events.map((e) => ({ ...e, at: start + e.at })).sort((a, b) => a.at - b.at);
}

/** `HUP`, `sighup`, `1` → `SIGHUP`; undefined when docker would reject it. */
export function normalizeSignal(input: string): string | undefined {
  const n = /^\d+$/.test(input) ? Number(input) : signalNumber(input);
  const name = n === undefined ? undefined : signalNameOf(n);
  return name ? `SIG${name}` : undefined;
}
