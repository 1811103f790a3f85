import type { Output } from '../../run.js';
import type { ProcessContext } from '../../types.js';
import { downloadMs, installFiles, parseFile, removeQuietly } from '../common.js';
import { type ApkIndex, type ApkPackage, constraintName } from './data.js';
import { fromIndex, type Installed, okLine, readWorld, writeInstalled, writeWorld } from './db.js';

/** The order apk installs in: each package after its dependencies, in the order they are named. */
function plan(index: ApkIndex, roots: ApkPackage[], installed: Set<string>): ApkPackage[] {
  const out: ApkPackage[] = [];
  const seen = new Set<string>();
  const visit = (p: ApkPackage) => {
    if (seen.has(p.name) || installed.has(p.name)) return;
    seen.add(p.name);
    for (const d of p.deps ?? []) {
      const dep = index.byName.get(d);
      if (dep) visit(dep);
    }
    out.push(p);
  };
  for (const r of roots) visit(r);
  return out;
}

function triggerFires(pattern: string, dirs: Set<string>): boolean {
  const prefix = pattern.replace(/\*$/, '');
  return [...dirs].some((d) => (pattern.endsWith('*') ? `/${d}`.startsWith(prefix) : `/${d}` === prefix));
}

/** `Executing busybox-1.36.1-r29.trigger` for every installed package watching a changed directory. */
export function runTriggers(out: Output, index: ApkIndex, list: Installed[], changed: string[]): void {
  const dirs = new Set(changed.map((f) => f.slice(0, f.lastIndexOf('/'))));
  for (const p of list) {
    const patterns = index.byName.get(p.name)?.triggers ?? [];
    if (patterns.some((t) => triggerFires(t, dirs))) out.out(`Executing ${p.name}-${p.version}.trigger\n`);
  }
}

export interface AddOptions {
  virtual?: string;
  now: number;
}

/** `apk add`: resolves, installs in dependency order, runs scripts and triggers, updates world. */
export function apkAdd(
  ctx: ProcessContext,
  out: Output,
  index: ApkIndex,
  list: Installed[],
  words: string[],
  opts: AddOptions,
): number {
  const missing = words.filter((w) => !index.byName.has(constraintName(w)));
  if (missing.length > 0) {
    out.err('ERROR: unable to select packages:\n');
    for (const w of missing)
      out.err(`  ${constraintName(w)} (no such package):\n    required by: world[${w}]\n`);
    return 1;
  }
  const roots = words.map((w) => index.byName.get(constraintName(w))!);
  const installed = new Set(list.map((p) => p.name));
  const todo = plan(index, roots, installed);
  let virtual: ApkPackage | undefined;
  if (opts.virtual) {
    const d = new Date(opts.now);
    const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}.${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
    virtual = {
      name: opts.virtual,
      version: stamp,
      size: 0,
      download: 0,
      deps: roots.map((r) => r.name),
      files: [],
    };
    if (!installed.has(virtual.name)) todo.push(virtual);
  }
  const changed: string[] = [];
  todo.forEach((p, i) => {
    out.out(`(${i + 1}/${todo.length}) Installing ${p.name} (${p.version})\n`);
    out.wait(downloadMs(p.download));
    const written = installFiles(
      ctx,
      p.files.map((f) => parseFile(f)),
      (f) => placeholder(p, f.path),
    );
    changed.push(...written.map((w) => w.slice(1)));
    list.push(
      fromIndex(
        p,
        written.map((w) => w.slice(1)),
      ),
    );
    for (const s of (p.scripts ?? []).filter((x) => x === 'pre-install' || x === 'post-install')) {
      out.out(`Executing ${p.name}-${p.version}.${s}\n`);
      if (s === 'post-install' && p.notice) out.out(`${p.notice.join('\n')}\n`);
    }
  });
  runTriggers(out, index, list, changed);
  const world = readWorld(ctx);
  writeWorld(ctx, [
    ...world.filter((w) => !words.some((x) => constraintName(x) === constraintName(w))),
    ...(virtual ? [virtual.name] : words),
  ]);
  writeInstalled(ctx, list);
  out.out(okLine(list));
  return 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function placeholder(p: ApkPackage, path: string): string {
  return `dockersim: placeholder for ${path} of ${p.name}-${p.version}\n`;
}

/** `apk del`: drops names from world, then purges every package nothing in world needs any more. */
export function apkDel(
  ctx: ProcessContext,
  out: Output,
  index: ApkIndex,
  list: Installed[],
  words: string[],
): number {
  const unknown = words.filter((w) => !index.byName.has(w) && !list.some((p) => p.name === w));
  for (const w of unknown) out.err(`ERROR: No such package: ${w}\n`);
  if (unknown.length > 0) return 1;
  const world = readWorld(ctx).filter((w) => !words.includes(constraintName(w)));
  const keep = new Set<string>();
  const byName = new Map(list.map((p) => [p.name, p]));
  const resolve = (name: string) => byName.get(name) ?? byName.get(index.byName.get(name)?.name ?? '');
  const visit = (name: string) => {
    const p = resolve(constraintName(name));
    if (!p || keep.has(p.name)) return;
    keep.add(p.name);
    for (const d of p.deps) visit(d);
  };
  for (const w of world) visit(w);
  // Base packages stay even when world does not name them (the image's own set).
  for (const p of list) if (index.byName.get(p.name)?.base) visit(p.name);
  const purge = list.filter((p) => !keep.has(p.name)).reverse();
  const held = words.filter((w) => keep.has(resolve(w)?.name ?? ''));
  if (held.length > 0 && purge.length === 0) {
    out.out('World updated, but the following packages are not removed due to:\n');
    for (const w of held) out.out(`  ${w}: ${dependents(list, resolve(w)?.name ?? w).join(' ')}\n`);
    out.out('\n');
  }
  const changed: string[] = [];
  purge.forEach((p, i) => {
    out.out(`(${i + 1}/${purge.length}) Purging ${p.name} (${p.version})\n`);
    out.wait(5);
    for (const f of p.files) removeQuietly(ctx, `/${f}`);
    changed.push(...p.files);
  });
  const left = list.filter((p) => keep.has(p.name));
  runTriggers(out, index, left, changed);
  writeWorld(ctx, world);
  writeInstalled(ctx, left);
  out.out(okLine(left));
  return 0;
}

function dependents(list: Installed[], name: string): string[] {
  return list.filter((p) => p.deps.includes(name)).map((p) => p.name);
}
