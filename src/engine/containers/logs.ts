import type { LogChunk, LogOptions } from '../../api/containers.js';
import type { StateStore } from '../../store/index.js';
import type { ContainerStore } from './store.js';

interface JsonLogLine {
  log: string;
  stream: 'stdout' | 'stderr';
  time: string;
}

/** Reads a container's json-file log (`containers/<id>/<id>-json.log`). */
export function readLogs(
  store: StateStore,
  containers: ContainerStore,
  id: string,
  opts: LogOptions = {},
): LogChunk[] {
  let chunks = parseLogLines(store.readText(containers.logPath(id)) ?? '');
  if (opts.since !== undefined) chunks = chunks.filter((c) => c.time >= opts.since!);
  if (opts.until !== undefined) chunks = chunks.filter((c) => c.time < opts.until!);
  if (opts.tail !== undefined && opts.tail >= 0) chunks = opts.tail === 0 ? [] : chunks.slice(-opts.tail);
  return chunks;
}

/** The lines of a json-file log. */
export function parseLogLines(text: string): LogChunk[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const l = JSON.parse(line) as JsonLogLine;
      return { stream: l.stream, text: l.log, time: Date.parse(l.time) + nanosFraction(l.time) };
    });
}

/** Date.parse keeps milliseconds; the sub-millisecond digits are added back. */
function nanosFraction(iso: string): number {
  const m = /\.\d{3}(\d+)Z$/.exec(iso);
  return m ? Number(`0.${m[1]}`) : 0;
}
