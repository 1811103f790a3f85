import type { ProcessContext } from '../../types.js';
import { readText, writeText } from '../common.js';
import type { ApkIndex, ApkPackage } from './data.js';

/** A package as /lib/apk/db/installed records it. */
export interface Installed {
  name: string;
  version: string;
  size: number;
  download: number;
  desc: string;
  deps: string[];
  /** Paths (relative to /) of its files. */
  files: string[];
}

export const INSTALLED = '/lib/apk/db/installed';
export const WORLD = '/etc/apk/world';

/**
 * The installed database, created from the branch's base set when the image has none (the
 * minirootfs fixtures carry only the directory).
 */
export function readInstalled(ctx: ProcessContext, index: ApkIndex): Installed[] {
  const text = readText(ctx, INSTALLED);
  if (text === undefined) return index.packages.filter((p) => p.base).map((p) => fromIndex(p, []));
  const list: Installed[] = [];
  for (const stanza of text.split('\n\n')) {
    const pkg: Installed = { name: '', version: '', size: 0, download: 0, desc: '', deps: [], files: [] };
    let dir = '';
    for (const line of stanza.split('\n')) {
      const key = line.slice(0, 2);
      const value = line.slice(2);
      if (key === 'P:') pkg.name = value;
      else if (key === 'V:') pkg.version = value;
      else if (key === 'I:') pkg.size = Number(value);
      else if (key === 'S:') pkg.download = Number(value);
      else if (key === 'T:') pkg.desc = value;
      else if (key === 'D:') pkg.deps = value.split(' ').filter((d) => d && !d.startsWith('so:'));
      else if (key === 'F:') dir = value;
      else if (key === 'R:') pkg.files.push(dir ? `${dir}/${value}` : value);
    }
    if (pkg.name) list.push(pkg);
  }
  return list;
}

export function fromIndex(p: ApkPackage, files: string[]): Installed {
  return {
    name: p.name,
    version: p.version,
    size: p.size,
    download: p.download,
    desc: p.desc ?? '',
    deps: p.deps ?? [],
    files,
  };
}

/** Writes the database in apk's own stanza format (one blank line between packages). */
export function writeInstalled(ctx: ProcessContext, list: Installed[]): void {
  const stanzas = list.map((p) => {
    const lines = [
      `P:${p.name}`,
      `V:${p.version}`,
      'A:x86_64',
      `S:${p.download}`,
      `I:${p.size}`,
      `T:${p.desc}`,
    ];
    if (p.deps.length > 0) lines.push(`D:${p.deps.join(' ')}`);
    const byDir = new Map<string, string[]>();
    for (const f of p.files) {
      const slash = f.lastIndexOf('/');
      const dir = slash < 0 ? '' : f.slice(0, slash);
      byDir.set(dir, [...(byDir.get(dir) ?? []), f.slice(slash + 1)]);
    }
    for (const [dir, names] of byDir) {
      lines.push(`F:${dir}`);
      for (const n of names) lines.push(`R:${n}`);
    }
    return `${lines.join('\n')}\n`;
  });
  writeText(ctx, INSTALLED, `${stanzas.join('\n')}\n`);
}

export function readWorld(ctx: ProcessContext): string[] {
  return (readText(ctx, WORLD) ?? '').split(/\s+/).filter(Boolean);
}

export function writeWorld(ctx: ProcessContext, world: string[]): void {
  writeText(ctx, WORLD, `${[...new Set(world)].sort().join('\n')}\n`);
}

/** apk's summary line: installed bytes in whole MiB (rounded down) and the package count. */
export function okLine(list: Installed[]): string {
  const bytes = list.reduce((n, p) => n + p.size, 0);
  return `OK: ${Math.floor(bytes / (1024 * 1024))} MiB in ${list.length} packages\n`;
}
