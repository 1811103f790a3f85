import type { ExplainFact, ExplainKind } from '../../api/explain.js';
import type { Style } from './style.js';

/**
 * One language's narration: a label per fact kind and a function that words a fact as lines
 * (a headline, then details). Every kind must be there, so a new fact cannot go unnarrated.
 */
export interface Messages {
  title: string;
  label: Record<ExplainKind, string>;
  facts: { [K in ExplainKind]: (f: Extract<ExplainFact, { kind: K }>, s: Style) => string[] };
}

/** 12 hex digits of an ID or digest, as docker's short IDs. */
export function short(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** `0.0.0.0:8080`, `[::]:8080`. */
export function hostAddress(ip: string, port: number): string {
  return `${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
}

/** PIDs as a list (`2233, 2246, 2247`). */
export function pidList(pids: number[], s: Style): string {
  return pids.map((p) => s.num(p)).join(', ');
}

/** At most `n` items, then how many more. */
export function firstOf<T>(
  items: T[],
  n: number,
  more: (k: number) => string,
): { shown: T[]; rest?: string } {
  return items.length <= n ? { shown: items } : { shown: items.slice(0, n), rest: more(items.length - n) };
}

/** `MiB`-style sizes for limits written in bytes. */
export function binary(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1 && v % 1024 === 0) {
    v /= 1024;
    i++;
  }
  return `${v}${units[i]}`;
}
