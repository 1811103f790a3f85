import type { ProcessContext } from '../../types.js';
import { readText, writeText } from '../common.js';
import type { DebPackage, Release } from './data.js';

export const STATUS = '/var/lib/dpkg/status';
const EXTENDED = '/var/lib/apt/extended_states';
const LISTS = '/var/lib/apt/lists';

/** One package of /var/lib/dpkg/status: its fields in order, as dpkg writes them. */
export interface StatusEntry {
  name: string;
  version: string;
  stanza: string;
}

/** dpkg's status file; created from the release's base set when the image has none. */
export function readStatus(ctx: ProcessContext, release: Release): StatusEntry[] {
  const text = readText(ctx, STATUS);
  if (text === undefined) return release.packages.filter((p) => p.base).map(stanzaOf);
  return text
    .split(/\n\n+/)
    .filter((s) => s.trim())
    .map((s) => {
      const field = (k: string) => new RegExp(`^${k}: (.*)$`, 'm').exec(s)?.[1] ?? '';
      return { name: field('Package'), version: field('Version'), stanza: s.replace(/\n+$/, '') };
    })
    .filter((e) => /^Status: install ok installed$/m.test(e.stanza));
}

export function writeStatus(ctx: ProcessContext, entries: StatusEntry[]): void {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  writeText(ctx, STATUS, `${sorted.map((e) => e.stanza).join('\n\n')}\n\n`);
}

export function stanzaOf(p: DebPackage): StatusEntry {
  const lines = [`Package: ${p.name}`, 'Status: install ok installed', `Priority: ${p.priority}`];
  lines.push(`Section: ${p.section}`, `Installed-Size: ${p.isize}`, `Architecture: ${p.arch}`);
  if (p.ma) lines.push('Multi-Arch: same');
  lines.push(`Version: ${p.version}`);
  if (p.provides) lines.push(`Provides: ${p.provides}`);
  if (p.depends) lines.push(`Depends: ${p.depends}`);
  if (p.recommends) lines.push(`Recommends: ${p.recommends}`);
  if (p.suggests) lines.push(`Suggests: ${p.suggests}`);
  lines.push(`Description: ${p.desc ?? `${p.name} (${p.section})`}`);
  return { name: p.name, version: p.version, stanza: lines.join('\n') };
}

/** Packages apt installed only as dependencies (apt-mark showauto). */
export function readAuto(ctx: ProcessContext): Set<string> {
  const text = readText(ctx, EXTENDED) ?? '';
  const auto = new Set<string>();
  for (const s of text.split(/\n\n+/)) {
    const name = /^Package: (.*)$/m.exec(s)?.[1];
    if (name && /^Auto-Installed: 1$/m.test(s)) auto.add(name);
  }
  return auto;
}

export function writeAuto(ctx: ProcessContext, release: Release, auto: Set<string>): void {
  const stanzas = [...auto]
    .sort()
    .map(
      (n) => `Package: ${n}\nArchitecture: ${release.byName.get(n)?.arch ?? 'amd64'}\nAuto-Installed: 1\n`,
    );
  writeText(ctx, EXTENDED, stanzas.length ? `${stanzas.join('\n')}\n` : '');
}

/** Whether `apt-get update` has run: the image ships an empty /var/lib/apt/lists. */
export function hasLists(ctx: ProcessContext): boolean {
  try {
    return ctx.fs.readdir(LISTS).some((n) => n.includes('_Packages'));
  } catch {
    return false;
  }
}

/** What dpkg counts in `(Reading database ... N files and directories currently installed.)`. */
export function databaseCount(release: Release, entries: StatusEntry[]): number {
  let n = release.baseFiles;
  for (const e of entries) {
    const p = release.byName.get(e.name);
    if (p && !p.base) n += p.nfiles ?? 1;
  }
  return n;
}
