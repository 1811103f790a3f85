import { loadIndex } from '../catalog.js';

/** One version of a package in the offline registry (fixtures/packages/npm.json). */
export interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  license?: string;
  funding?: boolean;
  os?: string[];
  cpu?: string[];
}

interface NpmDoc {
  npm: { latest: string };
  /** The `latest` dist-tag of the packages learners install by name. */
  latest: Record<string, string>;
  packages: Record<string, Record<string, Manifest>>;
}

export function registry(): NpmDoc {
  return loadIndex<NpmDoc>('npm') ?? { npm: { latest: '10.7.0' }, latest: {}, packages: {} };
}

type Triple = [number, number, number, string];

function parse(v: string): Triple | undefined {
  const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:-([0-9A-Za-z.-]+))?/.exec(v.trim());
  if (!m) return undefined;
  const n = (s: string | undefined) => (s === undefined || s === 'x' || s === '*' ? -1 : Number(s));
  return [n(m[1]), n(m[2]), n(m[3]), m[4] ?? ''];
}

export function compare(a: string, b: string): number {
  const pa = parse(a) ?? [0, 0, 0, ''];
  const pb = parse(b) ?? [0, 0, 0, ''];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] as number) - (pb[i] as number);
  if (pa[3] === pb[3]) return 0;
  if (!pa[3]) return 1;
  if (!pb[3]) return -1;
  return pa[3] < pb[3] ? -1 : 1;
}

function satisfiesOne(version: string, cmp: string): boolean {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*(.*)$/.exec(cmp.trim())!;
  const op = m[1] ?? '';
  const want = parse(m[2]!);
  const have = parse(version);
  if (!want || !have) return cmp.trim() === '' || cmp.trim() === '*' || cmp.trim() === 'x';
  if (have[3] && have[3] !== want[3]) return false;
  const [M, mi, p] = want;
  const lo = `${M}.${Math.max(mi, 0)}.${Math.max(p, 0)}${want[3] ? `-${want[3]}` : ''}`;
  const c = compare(version, lo);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '^':
      if (c < 0) return false;
      if (M > 0 || mi < 0) return have[0] === M;
      if (mi > 0 || p < 0) return have[0] === 0 && have[1] === mi;
      return have[0] === 0 && have[1] === 0 && have[2] === p;
    case '~':
      return c >= 0 && have[0] === M && (mi < 0 || have[1] === mi);
    default:
      return (
        (M < 0 || have[0] === M) &&
        (mi < 0 || have[1] === mi) &&
        (p < 0 || have[2] === p) &&
        (!want[3] || c === 0)
      );
  }
}

/** A subset of node-semver: `^`, `~`, comparators, x-ranges, hyphen ranges and `||`. */
export function satisfies(version: string, range: string): boolean {
  const r = range.trim();
  if (r === '' || r === '*' || r === 'latest' || r === 'x') return !parse(version)?.[3];
  return r.split('||').some((alt) => {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    if (hyphen) return satisfiesOne(version, `>=${hyphen[1]}`) && satisfiesOne(version, `<=${hyphen[2]}`);
    const parts = alt
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    return parts.every((p) => satisfiesOne(version, p));
  });
}

/** The version npm picks for `name@range`: `latest` when it fits, else the newest that does. */
export function pick(name: string, range: string): string | undefined {
  const doc = registry();
  const versions = Object.keys(doc.packages[name] ?? {});
  const latest = doc.latest[name];
  if (latest && versions.includes(latest) && satisfies(latest, range)) return latest;
  return versions
    .filter((v) => satisfies(v, range))
    .sort(compare)
    .pop();
}

export function manifest(name: string, version: string): Manifest | undefined {
  return registry().packages[name]?.[version];
}

/** `express@^4` → [express, ^4]; `@redis/client@1.5` → [@redis/client, 1.5]. */
export function splitSpec(spec: string): [string, string] {
  const at = spec.lastIndexOf('@');
  return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, ''];
}
