/** Text helpers the C tools get from printf and their locale. */

/**
 * printf's `%.Nf`: rounds the exact binary value, and an exact tie goes to the even digit
 * (JavaScript's toFixed would round it up: 0.25 → "0.3" where C prints "0.2").
 */
export function cFixed(x: number, digits: number): string {
  const scaled = x * 10 ** digits;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && floor % 2 === 0) return (floor / 10 ** digits).toFixed(digits);
  return x.toFixed(digits);
}

export function rjust(text: string, width: number): string {
  return text.padStart(width);
}

export function ljust(text: string, width: number): string {
  return text.padEnd(width);
}

/** The environment's locale speaks UTF-8 (LC_ALL, then LC_CTYPE, then LANG). */
export function utf8Locale(env: Record<string, string>): boolean {
  const value = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(value);
}

/** How coreutils and util-linux quote a name in a message: ‘x’ in a UTF-8 locale, 'x' in C. */
export function quote(env: Record<string, string>, text: string): string {
  return utf8Locale(env) ? `\u2018${text}\u2019` : `'${text}'`;
}

/** Splits `a,b c` lists the way procps and util-linux accept them. */
export function splitList(text: string): string[] {
  return text.split(/[,\s]+/).filter(Boolean);
}

/** A decimal integer, or undefined (no sign, no spaces, no junk). */
export function parseUint(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
