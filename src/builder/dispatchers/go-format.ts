/** How Go prints a few values docker writes into image history. */

/** time.Duration's String(): `0s`, `500ms`, `30s`, `1m30s`, `1h0m0s`. */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let n = Math.abs(ns);
  if (n < 1e9) {
    if (n < 1e3) return `${sign}${n}ns`;
    if (n < 1e6) return `${sign}${trim(n / 1e3)}µs`;
    return `${sign}${trim(n / 1e6)}ms`;
  }
  const h = Math.floor(n / 3600e9);
  n -= h * 3600e9;
  const m = Math.floor(n / 60e9);
  n -= m * 60e9;
  const s = `${trim(n / 1e9)}s`;
  if (h > 0) return `${sign}${h}h${m}m${s}`;
  if (m > 0) return `${sign}${m}m${s}`;
  return `${sign}${s}`;
}

function trim(v: number): string {
  return String(Number(v.toFixed(9)));
}

/** strconv.QuoteRune of an int (`%q` of a number): `'\x03'`, `'A'`. */
export function goQuoteRune(n: number): string {
  const named: Record<number, string> = {
    7: '\\a',
    8: '\\b',
    9: '\\t',
    10: '\\n',
    11: '\\v',
    12: '\\f',
    13: '\\r',
  };
  if (named[n]) return `'${named[n]}'`;
  if (n === 39) return "'\\''";
  if (n === 92) return "'\\\\'";
  if (n >= 0x20 && n < 0x7f) return `'${String.fromCharCode(n)}'`;
  if (n < 0x100) return `'\\x${n.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCodePoint(n)}'`;
}
