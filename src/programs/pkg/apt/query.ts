import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { has, readText, splitArgs } from '../common.js';
import { type Release, releaseOf } from './data.js';
import { lookup } from './resolve.js';
import { hasLists, readStatus } from './status.js';

function describe(release: Release, name: string): string {
  const p = release.byName.get(name);
  return p?.desc ?? `${name} (${p?.section ?? 'misc'})`;
}

/** apt-cache search/show/policy (also `apt search|show|policy`). Before `update` they find nothing. */
export function aptCache(
  ctx: ProcessContext,
  out: Output,
  release: Release,
  cmd: string,
  names: string[],
): number {
  const lists = hasLists(ctx);
  const installed = new Map(readStatus(ctx, release).map((e) => [e.name, e.version]));
  if (cmd === 'search') {
    const re = names.map((n) => new RegExp(n, 'i'));
    const hits = lists
      ? release.packages.filter((p) => re.every((r) => r.test(p.name) || r.test(p.desc ?? '')))
      : [];
    for (const p of hits.sort((a, b) => (a.name < b.name ? -1 : 1)))
      out.out(`${p.name} - ${describe(release, p.name)}\n`);
    return 0;
  }
  for (const name of names) {
    const p = lookup(release, name);
    if (!p || (!lists && !installed.has(p.name))) {
      if (cmd === 'policy') continue;
      out.err(`E: No packages found\n`);
      return 100;
    }
    if (cmd === 'policy') {
      const now = installed.get(p.name);
      out.out(`${p.name}:\n  Installed: ${now ?? '(none)'}\n  Candidate: ${p.version}\n  Version table:\n`);
      out.out(
        `${now === p.version ? ' *** ' : '     '}${p.version} 500\n        500 ${release.archive} ${release.component} amd64 Packages\n`,
      );
      if (now === p.version) out.out('        100 /var/lib/dpkg/status\n');
      continue;
    }
    const lines = [
      `Package: ${p.name}`,
      `Version: ${p.version}`,
      `Installed-Size: ${p.isize}`,
      `Architecture: ${p.arch}`,
    ];
    if (p.depends) lines.push(`Depends: ${p.depends}`);
    if (p.recommends) lines.push(`Recommends: ${p.recommends}`);
    if (p.suggests) lines.push(`Suggests: ${p.suggests}`);
    lines.push(
      `Section: ${p.section}`,
      `Priority: ${p.priority}`,
      `Size: ${p.size}`,
      `Description: ${describe(release, p.name)}`,
    );
    out.out(`${lines.join('\n')}\n\n`);
  }
  return 0;
}

/** `apt list --installed` (and plain `apt list` of what the lists know). */
export function aptList(
  ctx: ProcessContext,
  out: Output,
  release: Release,
  flags: Map<string, string>,
): number {
  out.out('Listing...');
  out.out(ctx.tty ? ' Done\n' : '\n');
  const installed = readStatus(ctx, release);
  const names = has(flags, '--installed')
    ? installed.map((e) => e.name)
    : hasLists(ctx)
      ? release.packages.map((p) => p.name)
      : [];
  const suite = release.distro === 'debian' ? 'stable' : `${release.codename}`;
  for (const name of [...names].sort()) {
    const p = release.byName.get(name);
    const e = installed.find((x) => x.name === name);
    const state = e ? (p && !p.base ? ' [installed,automatic]' : ' [installed]') : '';
    out.out(`${name}/${suite}${e ? ',now' : ''} ${e?.version ?? p?.version} ${p?.arch ?? 'amd64'}${state}\n`);
  }
  return 0;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** dpkg -l, -L, -s, --version: read from /var/lib/dpkg. */
function runDpkg(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const { flags, words } = splitArgs(ctx.argv.slice(1), []);
  if (has(flags, '--version'))
    return out.out("Debian 'dpkg' package management program version 1.21.22 (amd64).\n").exit(0);
  const release = releaseOf(ctx);
  if (!release) return out.err('dpkg: no package database is simulated here\n').exit(2);
  const status = readStatus(ctx, release);
  if (has(flags, '-L', '--listfiles')) {
    for (const name of words) {
      const p = release.byName.get(name);
      const list = readText(ctx, `/var/lib/dpkg/info/${p?.ma ? `${name}:${p.arch}` : name}.list`);
      if (list === undefined) return out.err(`dpkg-query: package '${name}' is not installed\n`).exit(1);
      out.out(`/.\n${list}`);
    }
    return out.exit(0);
  }
  if (has(flags, '-s', '--status')) {
    for (const name of words) {
      const e = status.find((x) => x.name === name);
      if (!e)
        return out
          .err(`dpkg-query: package '${name}' is not installed and no information is available\n`)
          .exit(1);
      out.out(`${e.stanza}\n\n`);
    }
    return out.exit(0);
  }
  if (has(flags, '-l', '--list')) {
    const rows = status
      .filter(
        (e) =>
          words.length === 0 || words.some((w) => new RegExp(`^${w.replace(/\*/g, '.*')}$`).test(e.name)),
      )
      .map(
        (e) =>
          [
            e.name,
            e.version,
            release.byName.get(e.name)?.arch ?? 'amd64',
            describe(release, e.name),
          ] as const,
      );
    if (rows.length === 0)
      return out.err(`dpkg-query: no packages found matching ${words.join(' ')}\n`).exit(1);
    const w = [0, 1, 2].map((i) => Math.max(i === 2 ? 12 : 4, ...rows.map((r) => r[i]!.length)));
    out.out(
      'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n',
    );
    out.out(`||/ ${pad('Name', w[0]!)} ${pad('Version', w[1]!)} ${pad('Architecture', w[2]!)} Description\n`);
    out.out(`+++-${'='.repeat(w[0]!)}-${'='.repeat(w[1]!)}-${'='.repeat(w[2]!)}-${'='.repeat(40)}\n`);
    for (const r of rows)
      out.out(`ii  ${pad(r[0], w[0]!)} ${pad(r[1], w[1]!)} ${pad(r[2], w[2]!)} ${r[3]}\n`);
    return out.exit(0);
  }
  out.err(`dpkg: the options '${ctx.argv.slice(1).join(' ')}' are not simulated by dockersim\n`);
  return out.exit(2);
}

export const dpkgProgram: Program = { name: 'dpkg', run: runDpkg };
export const aptCacheProgram: Program = {
  name: 'apt-cache',
  run(ctx) {
    const out = new Output();
    const release = releaseOf(ctx);
    const [cmd, ...names] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (!release || !cmd || !['search', 'show', 'policy'].includes(cmd)) {
      out.err(`E: Invalid operation ${cmd ?? ''}\n`);
      return out.exit(100);
    }
    return out.exit(aptCache(ctx, out, release, cmd, names));
  },
};
