import { hexOf, sha256 } from '../images/digest.js';
import { type EnvLookup, processWord } from './lex.js';

/**
 * Texts BuildKit derives from the Dockerfile: the excerpt it prints above an error, the names
 * of its progress vertices, and the IDs in its messages.
 */

/**
 * The lines around `start..end` the way BuildKit prints them: `Dockerfile:9`, a rule, up to two
 * lines of context on each side (four when the error is on one line, split between the sides),
 * `>>>` on the failing lines, a rule.
 */
export function sourceExcerpt(filename: string, text: string, start: number, end = start): string {
  const lines = text.split('\n');
  if (start < 1 || start > lines.length) return '';
  let last = Math.min(Math.max(end, start), lines.length);
  let first = start;
  const pad = last === first ? 4 : 2;
  for (let p = 0; p < pad; ) {
    if (first > 1) {
      first--;
      p++;
    }
    if (last !== lines.length) {
      last++;
      p++;
    }
    p++;
  }
  const out = [`${filename}:${start}`, '-'.repeat(20)];
  for (let i = first; i <= last; i++) {
    const marker = i >= start && i <= Math.max(end, start) ? '>>>' : '   ';
    out.push(` ${String(i).padStart(3)} | ${marker} ${lines[i - 1]}`);
  }
  out.push('-'.repeat(20));
  return out.join('\n');
}

/** `run echo "$X"` → `RUN echo hello`: the vertex name BuildKit shows (expanded, quotes gone). */
export function vertexName(code: string, env: EnvLookup, esc: string): string {
  let text = code;
  try {
    text = processWord(code, env, { escape: esc });
  } catch {
    text = code;
  }
  const space = text.indexOf(' ');
  return space < 0 ? text.toUpperCase() : text.slice(0, space).toUpperCase() + text.slice(space);
}

/** BuildKit's snapshot reference in checksum errors: `moby::` and 25 base-36 characters. */
export function refId(seed: string): string {
  const hex = hexOf(sha256(seed));
  let out = '';
  for (let i = 0; out.length < 25; i += 2)
    out += (Number.parseInt(hex.slice(i, i + 2), 16) % 36).toString(36);
  return `moby::${out}`;
}

/** `docker.io/library/alpine:3.20@sha256:…`, or without the digest when the image has none. */
export function pinned(ref: string, digest: string | undefined): string {
  return digest ? `${ref.replace(/@.*$/, '')}@${digest}` : ref;
}

/** BuildKit's byte counts: `95B` below 1000, else two decimals with decimal units (`1.23kB`). */
export function units(n: number): string {
  if (n < 1000) return `${n}B`;
  const names = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < names.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(2)}${names[i]}`;
}
