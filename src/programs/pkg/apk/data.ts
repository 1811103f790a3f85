import type { ProcessContext } from '../../types.js';
import { loadIndex } from '../catalog.js';
import { readText } from '../common.js';

/** A package of an Alpine branch's index (fixtures/packages/alpine-v3.NN.json). */
export interface ApkPackage {
  name: string;
  version: string;
  /** Installed size in bytes (the index's I: field). */
  size: number;
  /** Size of the .apk file (S:). */
  download: number;
  deps?: string[];
  repo?: string;
  desc?: string;
  /** Part of the image's minirootfs. */
  base?: boolean;
  files: string[];
  provides?: string[];
  /** Directories whose changes run this package's trigger (busybox: the bin dirs). */
  triggers?: string[];
  /** Install scripts apk reports running (`post-install`...). */
  scripts?: string[];
  /** Lines a script prints (icu-data-en's hint). */
  notice?: string[];
}

interface IndexDoc {
  branch: string;
  release: string;
  indexes: [string, string][];
  available: number;
  packages: ApkPackage[];
  extends?: string;
  versions?: Record<string, string>;
  extraBase?: string[];
}

export interface ApkIndex {
  branch: string;
  /** Repository name → the index's describe string (`v3.20.1-113-g5c2bd7e3a4f`). */
  indexes: [string, string][];
  available: number;
  packages: ApkPackage[];
  byName: Map<string, ApkPackage>;
}

const KNOWN = ['v3.19', 'v3.20'];

/** The branch of the container (`/etc/alpine-release` 3.19.2 → v3.19); unknown ones use the nearest. */
export function branchOf(ctx: ProcessContext): string {
  const release = (readText(ctx, '/etc/alpine-release') ?? '3.20').trim();
  const m = /^(\d+)\.(\d+)/.exec(release);
  const branch = m ? `v${m[1]}.${m[2]}` : 'v3.20';
  if (KNOWN.includes(branch)) return branch;
  return m && Number(m[2]) < 19 ? 'v3.19' : 'v3.20';
}

const indexes = new Map<string, ApkIndex>();

export function apkIndex(branch: string): ApkIndex {
  const cached = indexes.get(branch);
  if (cached) return cached;
  const doc = loadIndex<IndexDoc>(`alpine-${branch}`);
  if (!doc) throw new Error(`no package index for alpine ${branch}`);
  let packages = doc.packages;
  if (doc.extends) {
    const parent = loadIndex<IndexDoc>(doc.extends);
    const versions = doc.versions ?? {};
    const inherited = (parent?.packages ?? []).map((p) => ({ ...p, version: versions[p.name] ?? p.version }));
    packages = [...inherited, ...doc.packages];
  }
  const byName = new Map<string, ApkPackage>();
  for (const p of packages) {
    byName.set(p.name, p);
    for (const alias of p.provides ?? []) if (!byName.has(alias)) byName.set(alias, p);
  }
  const index = { branch: doc.branch, indexes: doc.indexes, available: doc.available, packages, byName };
  indexes.set(branch, index);
  return index;
}

/** `https://dl-cdn.alpinelinux.org/alpine/v3.20/main` lines of /etc/apk/repositories. */
export function repositories(ctx: ProcessContext, branch: string): string[] {
  const lines = (readText(ctx, '/etc/apk/repositories') ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  return lines.length > 0
    ? lines
    : [
        `https://dl-cdn.alpinelinux.org/alpine/${branch}/main`,
        `https://dl-cdn.alpinelinux.org/alpine/${branch}/community`,
      ];
}

/** `curl=8.8.0-r0`, `curl>=8`, `curl@edge` → `curl`. */
export function constraintName(word: string): string {
  return word.split(/[<>=~@]/)[0]!;
}
