import { type DebPackage, depGroups, type Release } from './data.js';

export interface InstallPlan {
  /** Names that match no package (`E: Unable to locate package`). */
  missing: string[];
  /** New packages in the order they are fetched, unpacked and set up. */
  install: DebPackage[];
  /** Requested packages that are already installed. */
  already: DebPackage[];
  suggested: string[];
  /** Recommends left out by --no-install-recommends. */
  recommended: string[];
}

/** A package for a name: itself, or the only (first) package that provides it. */
export function lookup(release: Release, name: string): DebPackage | undefined {
  return release.byName.get(name) ?? release.providers.get(name)?.[0];
}

/**
 * What `apt-get install` adds: the requested packages, their dependencies (the first alternative
 * apt can install when none is present) and, unless told otherwise, their recommendations.
 */
export function planInstall(
  release: Release,
  names: string[],
  installed: Set<string>,
  recommends: boolean,
): InstallPlan {
  const plan: InstallPlan = { missing: [], install: [], already: [], suggested: [], recommended: [] };
  const chosen = new Set<string>();
  const later: DebPackage[] = [];
  const present = (n: string) =>
    installed.has(n) ||
    chosen.has(n) ||
    (release.providers.get(n) ?? []).some((p) => installed.has(p.name) || chosen.has(p.name));
  const visit = (p: DebPackage) => {
    if (chosen.has(p.name) || installed.has(p.name)) return;
    chosen.add(p.name);
    for (const group of depGroups(p.depends)) {
      if (group.some(present)) continue;
      const pick = group.map((n) => lookup(release, n)).find(Boolean);
      if (pick) visit(pick);
    }
    plan.install.push(p);
    for (const group of depGroups(p.recommends)) {
      const pick = group.map((n) => lookup(release, n)).find(Boolean);
      if (pick) later.push(pick);
    }
  };
  for (const name of names) {
    const p = lookup(release, name);
    if (!p) plan.missing.push(name);
    else if (installed.has(p.name)) plan.already.push(p);
    else visit(p);
  }
  if (plan.missing.length > 0) return plan;
  for (let i = 0; i < later.length; i++) {
    const p = later[i]!;
    if (!present(p.name) && recommends) visit(p);
  }
  // What --no-install-recommends leaves out, listed in the order of the packages recommending it.
  if (!recommends)
    for (const p of [...plan.install].sort(byName))
      for (const group of depGroups(p.recommends)) {
        const pick = group.map((n) => lookup(release, n)).find(Boolean);
        if (pick && !present(pick.name) && !plan.recommended.includes(pick.name))
          plan.recommended.push(pick.name);
      }
  for (const p of [...plan.install].sort(byName)) {
    for (const group of depGroups(p.suggests)) {
      if (group.some(present)) continue;
      const word = group.join(' | ');
      if (!plan.suggested.includes(word)) plan.suggested.push(word);
    }
  }
  plan.suggested = plan.suggested
    .flatMap((w) => w.split(' ').map((x, i, all) => (x === '|' ? '' : all[i - 1] === '|' ? `| ${x}` : x)))
    .filter(Boolean);
  return plan;
}

export function byName(a: DebPackage, b: DebPackage): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Packages apt installed automatically that nothing manually installed needs any more (after
 * `gone` are removed): what `apt autoremove` would take.
 */
export function autoremovable(
  release: Release,
  installed: string[],
  auto: Set<string>,
  gone: Set<string>,
): string[] {
  const keep = new Set<string>();
  const visit = (name: string) => {
    if (keep.has(name) || gone.has(name)) return;
    keep.add(name);
    const p = release.byName.get(name);
    if (!p) return;
    for (const group of [...depGroups(p.depends), ...depGroups(p.recommends)]) {
      for (const n of group) {
        const target = installed.includes(n)
          ? n
          : release.providers.get(n)?.find((x) => installed.includes(x.name))?.name;
        if (target) visit(target);
      }
    }
  };
  for (const n of installed) if (!auto.has(n) && !gone.has(n)) visit(n);
  return installed.filter((n) => !keep.has(n) && !gone.has(n)).sort();
}
