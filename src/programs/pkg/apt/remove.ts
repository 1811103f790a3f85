import type { Output } from '../../run.js';
import type { ProcessContext } from '../../types.js';
import { readText, removeQuietly } from '../common.js';
import { display, type Release } from './data.js';
import { confirm } from './install.js';
import { autoremovable, lookup } from './resolve.js';
import { databaseCount, readAuto, readStatus, writeAuto, writeStatus } from './status.js';
import { showList, sizeToStr } from './text.js';

export interface RemoveOptions {
  yes: boolean;
  purge: boolean;
  autoremove: boolean;
}

/** `apt-get remove|purge|autoremove`: takes packages out, and says which others could go too. */
export function aptRemove(
  ctx: ProcessContext,
  out: Output,
  release: Release,
  names: string[],
  opts: RemoveOptions,
): number {
  const status = readStatus(ctx, release);
  const installed = status.map((e) => e.name);
  const gone = new Set<string>();
  for (const name of names) {
    const p = lookup(release, name);
    if (!p && !installed.includes(name)) {
      out.err(`E: Unable to locate package ${name}\n`);
      return 100;
    }
    const n = p?.name ?? name;
    if (installed.includes(n)) gone.add(n);
    else out.out(`Package '${n}' is not installed, so not removed\n`);
  }
  const auto = readAuto(ctx);
  const orphans = autoremovable(release, installed, auto, gone);
  if (opts.autoremove) for (const o of orphans) gone.add(o);
  else if (orphans.length > 0) {
    out.out(
      showList('The following packages were automatically installed and are no longer required:', orphans),
    );
    out.out(`Use 'apt autoremove' to remove ${orphans.length === 1 ? 'it' : 'them'}.\n`);
  }
  const list = status.filter((e) => gone.has(e.name));
  out.out(
    showList(
      'The following packages will be REMOVED:',
      list.map((e) => (opts.purge ? `${e.name}*` : e.name)),
    ),
  );
  out.out(`0 upgraded, 0 newly installed, ${list.length} to remove and 0 not upgraded.\n`);
  if (list.length === 0) return 0;
  const kib = list.reduce((n, e) => n + (release.byName.get(e.name)?.isize ?? 0), 0);
  out.out(`After this operation, ${sizeToStr(kib * 1024)}B disk space will be freed.\n`);
  if (!opts.yes && !confirm(ctx, out)) return 1;
  out.out(
    `(Reading database ... ${databaseCount(release, status)} files and directories currently installed.)\n`,
  );
  let libs = false;
  for (const e of list) {
    const p = release.byName.get(e.name);
    const id = p ? display(p) : e.name;
    out.out(`Removing ${id} (${e.version}) ...\n`);
    out.wait(5);
    const info = `/var/lib/dpkg/info/${id}.list`;
    for (const f of (readText(ctx, info) ?? '').split('\n').filter(Boolean)) {
      if (/\.so[.\d]*$/.test(f)) libs = true;
      removeQuietly(ctx, f);
    }
    removeQuietly(ctx, info);
    for (const [link, name] of p?.alternatives ?? []) {
      removeQuietly(ctx, link);
      removeQuietly(ctx, `/etc/alternatives/${name}`);
    }
    auto.delete(e.name);
  }
  const libc = release.byName.get('libc-bin');
  if (libs && libc) out.out(`Processing triggers for libc-bin (${libc.version}) ...\n`);
  writeStatus(
    ctx,
    status.filter((e) => !gone.has(e.name)),
  );
  writeAuto(ctx, release, auto);
  return 0;
}
