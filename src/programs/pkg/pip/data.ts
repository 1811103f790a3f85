import { loadIndex } from '../catalog.js';

/** A project of the offline PyPI (fixtures/packages/pypi.json); one wheel per version. */
export interface PyProject {
  /** The name as its metadata spells it (`Flask`, `MarkupSafe`). */
  name: string;
  /** The newest version; `versions` lists all (oldest first). */
  version: string;
  versions: string[];
  wheel: string;
  /** Wheel size (bytes) and its PEP 658 metadata file's size. */
  size: number;
  meta: number;
  requires?: string[];
  extras?: Record<string, string[]>;
  /** Top-level import packages (or module files) it puts in site-packages. */
  modules: string[];
  /** Console scripts it installs in bin/. */
  scripts?: string[];
}

interface PypiDoc {
  pip: { latest: string };
  packages: Record<string, PyProject>;
}

export function pypi(): PypiDoc {
  return loadIndex<PypiDoc>('pypi') ?? { pip: { latest: '24.0' }, packages: {} };
}

/** PEP 503 normalisation: `Flask_SQLAlchemy` → `flask-sqlalchemy`. */
export function canonical(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface Requirement {
  /** As written (`Werkzeug>=3.0.0`), for pip's messages. */
  text: string;
  name: string;
  extras: string[];
  specs: [string, string][];
}

/** `name[extra]>=1,<2 ; marker` (markers are not evaluated: they are dropped). */
export function parseRequirement(text: string): Requirement | undefined {
  const clean = text.split(';')[0]!.trim();
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(clean);
  if (!m) return undefined;
  const specs: [string, string][] = [];
  for (const part of m[3]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const s = /^(~=|==|!=|<=|>=|<|>|===)\s*(.+)$/.exec(part);
    if (!s) return undefined;
    specs.push([s[1]!, s[2]!]);
  }
  const extras = (m[2] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return { text: clean, name: m[1]!, extras, specs };
}

function parts(v: string): number[] {
  return v.split(/[.+]/).map((x) => {
    const n = Number.parseInt(x.replace(/^post/, ''), 10);
    return Number.isNaN(n) ? 0 : n;
  });
}

export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function matches(version: string, [op, want]: [string, string]): boolean {
  if (want.endsWith('.*')) {
    const prefix = want.slice(0, -2);
    const hit = version === prefix || version.startsWith(`${prefix}.`);
    return op === '!=' ? !hit : hit;
  }
  const c = compareVersions(version, want);
  switch (op) {
    case '==':
    case '===':
      return c === 0;
    case '!=':
      return c !== 0;
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    default: {
      // ~=X.Y means >=X.Y, ==X.*
      const head = want.split('.').slice(0, -1).join('.');
      return c >= 0 && (version === head || version.startsWith(`${head}.`));
    }
  }
}

/** The newest version of a project that satisfies every specifier. */
export function bestVersion(project: PyProject, specs: [string, string][]): string | undefined {
  const ok = project.versions.filter((v) => specs.every((s) => matches(v, s)));
  return ok.sort(compareVersions).pop();
}

export function satisfies(version: string, specs: [string, string][]): boolean {
  return specs.every((s) => matches(version, s));
}

/** The wheel of another version: same build tags, other version. */
export function wheelFor(project: PyProject, version: string): string {
  return project.wheel.replace(`-${project.version}-`, `-${version}-`);
}

/** pip's format_size: `9.5 kB`, `101 kB`, `19.0 MB`. */
export function formatSize(bytes: number): string {
  if (bytes > 1000 * 1000) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes > 10 * 1000) return `${Math.floor(bytes / 1000)} kB`;
  if (bytes > 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
