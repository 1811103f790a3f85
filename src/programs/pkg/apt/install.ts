import type { Output } from '../../run.js';
import type { ProcessContext } from '../../types.js';
import { downloadMs, installFiles, parseFile, writeText } from '../common.js';
import { type DebPackage, display, type Release } from './data.js';
import { byName, planInstall } from './resolve.js';
import { databaseCount, readAuto, readStatus, stanzaOf, writeAuto, writeStatus } from './status.js';
import { debFile, showList, sizeToStr, timeToStr } from './text.js';

export interface InstallOptions {
  yes: boolean;
  recommends: boolean;
  /** `apt` rather than `apt-get` (same output here, other wording for nothing-to-do). */
  tty: boolean;
}

/** The y/n question: without -y apt reads stdin; closed or empty stdin means no. */
export function confirm(ctx: ProcessContext, out: Output): boolean {
  out.out('Do you want to continue? [Y/n] ');
  const answer = (ctx.stdin ?? '').split('\n')[0]?.trim().toLowerCase();
  if (ctx.stdin !== null && (answer === '' || answer === 'y' || answer === 'yes') && ctx.stdin !== '') {
    out.out('\n');
    return true;
  }
  out.out('Abort.\n');
  return false;
}

export function aptInstall(
  ctx: ProcessContext,
  out: Output,
  release: Release,
  names: string[],
  opts: InstallOptions,
): number {
  const status = readStatus(ctx, release);
  const installed = new Set(status.map((e) => e.name));
  const plan = planInstall(release, names, installed, opts.recommends);
  if (plan.missing.length > 0) {
    out.err(`E: Unable to locate package ${plan.missing[0]}\n`);
    return 100;
  }
  for (const p of plan.already) out.out(`${p.name} is already the newest version (${p.version}).\n`);
  const requested = new Set(
    names.map((n) => plan.install.find((p) => p.name === n || p.provides?.includes(n))?.name ?? n),
  );
  const extra = plan.install.filter((p) => !requested.has(p.name)).sort(byName);
  out.out(
    showList(
      'The following additional packages will be installed:',
      extra.map((p) => p.name),
    ),
  );
  out.out(showList('Suggested packages:', plan.suggested));
  out.out(showList('Recommended packages:', plan.recommended));
  out.out(
    showList(
      'The following NEW packages will be installed:',
      [...plan.install].sort(byName).map((p) => p.name),
    ),
  );
  out.out(`0 upgraded, ${plan.install.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (plan.install.length === 0) return 0;
  const bytes = plan.install.reduce((n, p) => n + p.size, 0);
  const kib = plan.install.reduce((n, p) => n + p.isize, 0);
  out.out(`Need to get ${sizeToStr(bytes)}B of archives.\n`);
  out.out(`After this operation, ${sizeToStr(kib * 1024)}B of additional disk space will be used.\n`);
  if (!opts.yes && extra.length > 0 && !confirm(ctx, out)) return 1;
  let elapsed = 0;
  plan.install.forEach((p, i) => {
    out.out(
      `Get:${i + 1} ${release.archive} ${p.suite ?? release.component} amd64 ${p.name} ${p.arch} ${p.version} [${sizeToStr(p.size)}B]\n`,
    );
    const ms = downloadMs(p.size);
    out.wait(ms);
    elapsed += ms;
  });
  out.out(
    `Fetched ${sizeToStr(bytes)}B in ${timeToStr(elapsed)} (${sizeToStr((bytes * 1000) / Math.max(elapsed, 1))}B/s)\n`,
  );
  const debconf = plan.install.some((p) => p.debconf) && !installed.has('apt-utils');
  if (debconf) out.err('debconf: delaying package configuration, since apt-utils is not installed\n');
  unpackAll(ctx, out, plan.install, databaseCount(release, status));
  const auto = readAuto(ctx);
  for (const p of plan.install) if (!requested.has(p.name)) auto.add(p.name);
  setUpAll(ctx, out, release, plan.install);
  writeStatus(ctx, [...status, ...plan.install.map(stanzaOf)]);
  writeAuto(ctx, release, auto);
  return 0;
}

function unpackAll(ctx: ProcessContext, out: Output, list: DebPackage[], count: number): void {
  const width = String(list.length).length;
  list.forEach((p, i) => {
    out.out(`Selecting previously unselected package ${display(p)}.\n`);
    if (i === 0) out.out(`(Reading database ... ${count} files and directories currently installed.)\n`);
    const prefix = list.length > 1 ? `${String(i).padStart(width, '0')}-` : '';
    out.out(`Preparing to unpack .../${prefix}${debFile(p.name, p.version, p.arch)} ...\n`);
    out.out(`Unpacking ${display(p)} (${p.version}) ...\n`);
    out.wait(10 + Math.round(p.isize / 200));
    const files = (p.files ?? []).map((f) => parseFile(f));
    const written = installFiles(
      ctx,
      files,
      (f) => `dockersim: placeholder for ${f.path} of ${p.name} ${p.version}\n`,
    );
    const doc = `/usr/share/doc/${p.name}/copyright`;
    writeText(
      ctx,
      doc,
      `${p.name} ${p.version}: a stand-in for the Debian copyright file of this package.\n`,
    );
    const info = `/var/lib/dpkg/info/${display(p)}.list`;
    writeText(ctx, info, `${[...written, doc].join('\n')}\n`);
  });
}

function setUpAll(ctx: ProcessContext, out: Output, release: Release, list: DebPackage[]): void {
  const quiet = ctx.env.DEBIAN_FRONTEND === 'noninteractive';
  let frontendWarned = quiet;
  for (const p of list) {
    out.out(`Setting up ${display(p)} (${p.version}) ...\n`);
    out.wait(5);
    if (p.debconf && !frontendWarned) {
      frontendWarned = true;
      out.err(debconfFallback(release, ctx.env.TERM !== undefined));
    }
    for (const [link, name, target] of p.alternatives ?? []) {
      if (ctx.fs.lstat(link)) continue;
      writeAlternative(ctx, link, name, target);
      out.out(`update-alternatives: using ${target} to provide ${link} (${name}) in auto mode\n`);
    }
    for (const line of p.setup ?? []) out.out(`${line}\n`);
  }
  const libc = release.byName.get('libc-bin');
  const libs = list.some((p) => (p.files ?? []).some((f) => /\.so[.\d]*($|->)/.test(f)));
  if (libs && libc) out.out(`Processing triggers for libc-bin (${libc.version}) ...\n`);
  for (const p of list) {
    const lines = release.triggerLines[p.name];
    if (!lines) continue;
    out.out(`Processing triggers for ${p.name} (${p.version}) ...\n${lines.join('\n')}\n`);
  }
}

function writeAlternative(ctx: ProcessContext, link: string, name: string, target: string): void {
  const alt = `/etc/alternatives/${name}`;
  ctx.fs.mkdir('/etc/alternatives', { recursive: true });
  if (!ctx.fs.lstat(alt)) ctx.fs.symlink(target, alt);
  ctx.fs.mkdir(link.slice(0, link.lastIndexOf('/')) || '/', { recursive: true });
  ctx.fs.symlink(alt, link);
}

/** What debconf prints when it cannot ask questions (no TTY, no DEBIAN_FRONTEND). */
function debconfFallback(release: Release, term: boolean): string {
  const dialog = term
    ? 'debconf: (No usable dialog-like program is installed, so the dialog based frontend cannot be used. at /usr/share/perl5/Debconf/FrontEnd/Dialog.pm line 78.)'
    : 'debconf: (TERM is not set, so the dialog frontend is not usable.)';
  return [
    'debconf: unable to initialize frontend: Dialog',
    dialog,
    'debconf: falling back to frontend: Readline',
    'debconf: unable to initialize frontend: Readline',
    `debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC contains: ${release.perlInc}) at /usr/share/perl5/Debconf/FrontEnd/Readline.pm line 7.)`,
    'debconf: falling back to frontend: Teletype',
    '',
  ].join('\n');
}
