/** Small text helpers shared by several layers. */

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** RFC 3339 with nine fractional digits, the way the engine writes times (`2025-06-01T10:00:00.123456789Z`). */
export function rfc3339Nano(ms: number): string {
  const whole = Math.floor(ms);
  const iso = new Date(whole).toISOString(); // 2025-06-01T10:00:00.123Z
  const micro = Math.round((ms - whole) * 1e6);
  const nanos = `${iso.slice(20, 23)}${String(micro).padStart(6, '0')}`;
  return `${iso.slice(0, 19)}.${nanos}Z`;
}

/** RFC 3339 with fractional seconds trimmed of trailing zeros, as Go's time.RFC3339Nano prints. */
export function rfc3339NanoTrimmed(ms: number): string {
  const full = rfc3339Nano(ms);
  const frac = full.slice(20, 29).replace(/0+$/, '');
  return frac ? `${full.slice(0, 19)}.${frac}Z` : `${full.slice(0, 19)}Z`;
}

/** The zero time of Go, used by the engine for "never". */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Natural order (`app9` before `app10`), used by several listings. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
