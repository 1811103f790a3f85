import type { ProcessContext } from '../../types.js';
import { loadIndex } from '../catalog.js';
import { readText } from '../common.js';

/** A binary package of a release's index (fixtures/packages/debian-bookworm.json...). */
export interface DebPackage {
  name: string;
  version: string;
  arch: string;
  /** Multi-Arch: same (libraries, printed as `name:amd64`). */
  ma?: boolean;
  section: string;
  priority: string;
  /** Size of the .deb (bytes). */
  size: number;
  /** Installed-Size (KiB). */
  isize: number;
  /** Pre-Depends and Depends, in Debian's syntax. */
  depends?: string;
  recommends?: string;
  suggests?: string;
  provides?: string;
  /** Pocket and component when not the release's own (`noble-updates/main`). */
  suite?: string;
  /** In the image before anything is installed. */
  base?: boolean;
  desc?: string;
  /** Extra lines its maintainer scripts print when it is set up. */
  setup?: string[];
  /** It asks debconf questions when configured. */
  debconf?: boolean;
  /** update-alternatives links it registers: [link, name, path]. */
  alternatives?: [string, string, string][];
  /** Files and directories dpkg records for it (for the database count). */
  nfiles?: number;
  files?: string[];
}

interface ReleaseDoc {
  distro: string;
  codename: string;
  archive: string;
  component: string;
  /** `apt-get update` fetches: [what, bytes, list file]. */
  update: [string, number, string][];
  baseFiles: number;
  perlInc: string;
  triggerLines: Record<string, string[]>;
  packages: DebPackage[];
}

export interface Release extends ReleaseDoc {
  byName: Map<string, DebPackage>;
  /** Virtual names (`Provides:`) → the packages that provide them. */
  providers: Map<string, DebPackage[]>;
}

const releases = new Map<string, Release>();

/** The release of the container from /etc/os-release (`debian` + `bookworm` → debian-bookworm). */
export function releaseOf(ctx: ProcessContext): Release | undefined {
  const osRelease = readText(ctx, '/etc/os-release') ?? readText(ctx, '/usr/lib/os-release') ?? '';
  const field = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1];
  const id = field('ID') ?? 'debian';
  const codename = field('VERSION_CODENAME') ?? (id === 'ubuntu' ? 'noble' : 'bookworm');
  const key = `${id}-${codename}`;
  const cached = releases.get(key);
  if (cached) return cached;
  const doc =
    loadIndex<ReleaseDoc>(key) ?? (id === 'debian' ? loadIndex<ReleaseDoc>('debian-bookworm') : undefined);
  if (!doc) return undefined;
  const byName = new Map(doc.packages.map((p) => [p.name, p]));
  const providers = new Map<string, DebPackage[]>();
  for (const p of doc.packages)
    for (const v of depNames(p.provides)) providers.set(v, [...(providers.get(v) ?? []), p]);
  const release = { ...doc, byName, providers };
  releases.set(key, release);
  return release;
}

/** `a (>= 1), b | c, d:any` → [['a'], ['b', 'c'], ['d']]. Versions are not checked. */
export function depGroups(field: string | undefined): string[][] {
  if (!field) return [];
  return field
    .split(',')
    .map((g) =>
      g
        .split('|')
        .map((alt) => alt.trim().split(/[\s(]/)[0]!.split(':')[0]!)
        .filter(Boolean),
    )
    .filter((g) => g.length > 0);
}

function depNames(field: string | undefined): string[] {
  return depGroups(field).flat();
}

/** `libssl3:amd64` for Multi-Arch: same packages, the bare name otherwise. */
export function display(p: DebPackage): string {
  return p.ma ? `${p.name}:${p.arch}` : p.name;
}
