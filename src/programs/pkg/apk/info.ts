import type { Output } from '../../run.js';
import { has } from '../common.js';
import type { ApkIndex } from './data.js';
import type { Installed } from './db.js';

function kib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MiB`
    : `${Math.round(bytes / 1024)} KiB`;
}

/** `apk info`: installed names; with names, their description and size; `-e` tests presence. */
export function apkInfo(
  out: Output,
  index: ApkIndex,
  list: Installed[],
  names: string[],
  flags: Map<string, string>,
): number {
  const installed = new Map(list.map((p) => [p.name, p]));
  if (has(flags, '-e', '--installed')) {
    const found = names.filter((n) => installed.has(n));
    for (const n of found) out.out(`${n}\n`);
    return found.length === names.length ? 0 : 1;
  }
  if (names.length === 0) {
    for (const p of list) out.out(has(flags, '-v') ? `${p.name}-${p.version}\n` : `${p.name}\n`);
    return 0;
  }
  for (const name of names) {
    const p = installed.get(name) ?? index.byName.get(name);
    if (!p) continue;
    const id = `${p.name}-${p.version}`;
    if (has(flags, '-L', '--contents')) {
      out.out(`${id} contains:\n${(installed.get(name)?.files ?? []).map((f) => `${f}\n`).join('')}\n`);
      continue;
    }
    out.out(`${id} description:\n${p.desc ?? ''}\n\n${id} installed size:\n${kib(p.size)}\n\n`);
  }
  return 0;
}

/** `apk search`: name-version of every package whose name (or, with -d, description) matches. */
export function apkSearch(out: Output, index: ApkIndex, names: string[], flags: Map<string, string>): number {
  const desc = has(flags, '-d', '--description');
  const exact = has(flags, '-e', '--exact');
  const hits = index.packages.filter((p) =>
    names.every((n) => {
      const needle = n.replace(/\*/g, '').toLowerCase();
      if (exact) return p.name === n;
      return p.name.includes(needle) || (desc && (p.desc ?? '').toLowerCase().includes(needle));
    }),
  );
  for (const p of hits.sort((a, b) => a.name.localeCompare(b.name))) out.out(`${p.name}-${p.version}\n`);
  return 0;
}
