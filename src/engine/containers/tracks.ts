import type { TimelineEvent } from '../../programs/types.js';
import { object, type StateStore } from '../../store/index.js';
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

export const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGSTKFLT: 16,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGVTALRM: 26,
  SIGPROF: 27,
  SIGWINCH: 28,
  SIGIO: 29,
  SIGPWR: 30,
  SIGSYS: 31,
};

/** `HUP`, `sighup`, `1` → `SIGHUP`; undefined when docker would reject it. */
export function normalizeSignal(input: string): string | undefined {
  if (/^\d+$/.test(input)) {
    const n = Number(input);
    return Object.keys(SIGNALS).find((k) => SIGNALS[k] === n);
  }
  const upper = input.toUpperCase();
  const name = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  return name in SIGNALS ? name : undefined;
}
