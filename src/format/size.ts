/**
 * Human sizes as docker/go-units prints and parses them (`192MB`, `7.675GiB`, `-m 512m`).
 */
import { formatFloat } from './gofloat.js';

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** Divides one step at a time, like go-units, so the float value is the same as Go's. */
function scale(size: number, base: number, units: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size = size / base;
    i++;
  }
  return [size, units[i]!];
}

/** `%.<precision>g` followed by the unit: 999500 bytes at precision 3 is `1e+03kB`, as in Go. */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  const [size, unit] = scale(bytes, 1000, DECIMAL_UNITS);
  return formatFloat(size, 'g', precision) + unit;
}

/** Four significant digits, decimal units (`system df`, prune totals). */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}

/** Four significant digits, binary units (`docker stats` memory, `docker info` Total Memory). */
export function bytesSize(bytes: number): string {
  const [size, unit] = scale(bytes, 1024, BINARY_UNITS);
  return formatFloat(size, 'g', 4) + unit;
}

const BINARY_MULT: Record<string, number> = {
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};
const DECIMAL_MULT: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };

/** strconv.ParseFloat for the decimal forms a size can take. */
function parseGoFloat(num: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(num)) {
    throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(num)}: invalid syntax`);
  }
  return Number(num);
}

function parseSize(input: string, mult: Record<string, number>): number {
  let sep = -1;
  for (let i = input.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(input[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) throw new Error(`invalid size: '${input}'`);
  // A space between number and suffix is allowed and dropped.
  const num = input[sep] === ' ' ? input.slice(0, sep) : input.slice(0, sep + 1);
  let sfx = input.slice(sep + 1);
  let size = parseGoFloat(num);
  if (size < 0) throw new Error(`invalid size: '${input}'`);
  if (sfx.length === 0) return Math.trunc(size);
  // A suffix longer than three characters is reported as typed, the others lower-cased (go-units quirk).
  if (sfx.length > 3) throw new Error(`invalid suffix: '${sfx}'`);
  sfx = sfx.toLowerCase();
  const bad = new Error(`invalid suffix: '${sfx}'`);
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw bad;
    return Math.trunc(size);
  }
  const m = mult[sfx[0]!];
  if (m === undefined) throw bad;
  size *= m;
  if (sfx.length === 2 && sfx[1] !== 'b') throw bad;
  if (sfx.length === 3 && sfx.slice(1) !== 'ib') throw bad;
  return Math.trunc(size);
}

/**
 * docker's RAMInBytes (`-m`, `--shm-size`): a number with an optional suffix b, k, m, g, t, p
 * (any case, optionally followed by `b` or `ib`), all binary multiples. `1.5g` is allowed.
 * Errors: `invalid size: '<input>'`, `invalid suffix: '<suffix>'`.
 */
export function parseMemoryBytes(s: string): number {
  return parseSize(s, BINARY_MULT);
}

/** go-units FromHumanSize: like parseMemoryBytes but with decimal multiples (`1kB` = 1000). */
export function parseHumanSize(s: string): number {
  return parseSize(s, DECIMAL_MULT);
}
