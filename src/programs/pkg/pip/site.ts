import { programVersion, versionOf } from '../../services/common.js';
import type { ProcessContext } from '../../types.js';
import { exists, installFiles, readText, removeQuietly, writeText } from '../common.js';
import { canonical, type PyProject, wheelFor } from './data.js';

/** Where this pip installs: the interpreter's version, site-packages and scripts directory. */
export interface PyEnv {
  pip: string;
  python: string;
  site: string;
  bin: string;
  /** Where pip itself lives (for `pip --version`). */
  pipDir: string;
  /** The distribution whose system Python refuses pip installs (PEP 668), if any. */
  managed?: 'debian' | 'alpine';
  venv: boolean;
}

export function pyEnv(ctx: ProcessContext): PyEnv {
  const pip = versionOf(ctx, '24.0');
  const python = programVersion(ctx, 'python3', '3.12.4').split('.').slice(0, 2).join('.');
  const venv = ctx.env.VIRTUAL_ENV;
  if (venv && exists(ctx, `${venv}/pyvenv.cfg`)) {
    const site = `${venv}/lib/python${python}/site-packages`;
    return { pip, python, site, bin: `${venv}/bin`, pipDir: `${site}/pip`, venv: true };
  }
  // A Python built into /usr/local (the python images) uses site-packages there; a distribution's
  // Python in /usr/lib has pip put what it installs in /usr/local/.../dist-packages instead.
  if (
    exists(ctx, `/usr/local/lib/python${python}/site-packages`) ||
    !exists(ctx, `/usr/lib/python${python}`)
  ) {
    const site = `/usr/local/lib/python${python}/site-packages`;
    return { pip, python, site, bin: '/usr/local/bin', pipDir: `${site}/pip`, venv: false };
  }
  const alpine = exists(ctx, '/etc/alpine-release');
  const managed = exists(ctx, `/usr/lib/python${python}/EXTERNALLY-MANAGED`)
    ? alpine
      ? 'alpine'
      : 'debian'
    : undefined;
  const site = alpine
    ? `/usr/lib/python${python}/site-packages`
    : `/usr/local/lib/python${python}/dist-packages`;
  const pipDir = alpine ? `${site}/pip` : '/usr/lib/python3/dist-packages/pip';
  return {
    pip,
    python,
    site,
    bin: alpine ? '/usr/bin' : '/usr/local/bin',
    pipDir,
    ...(managed ? { managed } : {}),
    venv: false,
  };
}

export interface InstalledDist {
  /** Name as its metadata gives it. */
  name: string;
  version: string;
  dir: string;
}

/** The distributions in site-packages, from their `*.dist-info` directories. */
export function installedDists(ctx: ProcessContext, env: PyEnv): Map<string, InstalledDist> {
  const found = new Map<string, InstalledDist>();
  let entries: string[] = [];
  try {
    entries = ctx.fs.readdir(env.site);
  } catch {
    return found;
  }
  for (const entry of entries) {
    const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
    if (!m) continue;
    const dir = `${env.site}/${entry}`;
    const meta = readText(ctx, `${dir}/METADATA`) ?? '';
    const name = /^Name: (.*)$/m.exec(meta)?.[1] ?? m[1]!;
    found.set(canonical(name), { name, version: m[2]!, dir });
  }
  return found;
}

/** Unpacks a wheel: its packages, a dist-info with METADATA and RECORD, and console scripts. */
export function writeDist(ctx: ProcessContext, env: PyEnv, p: PyProject, version: string): void {
  const wheel = wheelFor(p, version);
  const dist = `${env.site}/${wheel.split('-')[0]}-${version}.dist-info`;
  const written: string[] = [];
  for (const m of p.modules) {
    const file = /\.(py|so)$/.test(m) ? `${env.site}/${m}` : `${env.site}/${m}/__init__.py`;
    writeText(ctx, file, `# dockersim: placeholder for ${p.name} ${version}\n`);
    written.push(file);
  }
  const scripts = (p.scripts ?? []).map((s) => ({ path: `${env.bin}/${s}`, program: s }));
  written.push(...installFiles(ctx, scripts, () => ''));
  const requires = (p.requires ?? []).map((r) => `Requires-Dist: ${r}\n`).join('');
  writeText(
    ctx,
    `${dist}/METADATA`,
    `Metadata-Version: 2.1\nName: ${p.name}\nVersion: ${version}\n${requires}`,
  );
  writeText(ctx, `${dist}/INSTALLER`, 'pip\n');
  if (p.scripts?.length) {
    const lines = p.scripts.map((s) => `${s} = ${p.modules[0]!.replace(/\.py$/, '')}.cli:main`).join('\n');
    writeText(ctx, `${dist}/entry_points.txt`, `[console_scripts]\n${lines}\n`);
  }
  const record = [...written, `${dist}/METADATA`, `${dist}/INSTALLER`, `${dist}/RECORD`];
  writeText(ctx, `${dist}/RECORD`, `${record.map((f) => `${f},,`).join('\n')}\n`);
}

/** Removes what a dist's RECORD lists, then the dist-info itself. */
export function removeDist(ctx: ProcessContext, dist: InstalledDist): void {
  for (const line of (readText(ctx, `${dist.dir}/RECORD`) ?? '').split('\n')) {
    const file = line.split(',')[0];
    if (!file) continue;
    removeQuietly(ctx, file);
    const dir = file.slice(0, file.lastIndexOf('/'));
    if (file.endsWith('/__init__.py')) removeQuietly(ctx, dir, true);
  }
  removeQuietly(ctx, dist.dir, true);
}
