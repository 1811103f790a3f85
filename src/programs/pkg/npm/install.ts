import type { Output } from '../../run.js';
import type { ProcessContext } from '../../types.js';
import { exists, installFiles, readText, removeQuietly, writeText } from '../common.js';
import { compare, registry } from './data.js';
import { buildTree, type Missing, type Placed } from './tree.js';

export interface Project {
  dir: string;
  json: Record<string, unknown> | undefined;
}

export function readProject(ctx: ProcessContext, dir: string): Project {
  const text = readText(ctx, `${dir}/package.json`);
  try {
    return { dir, json: text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>) };
  } catch {
    return { dir, json: undefined };
  }
}

/** npm's error block for a failed run, closed by the debug log line. */
export function npmError(ctx: ProcessContext, out: Output, lines: string[]): void {
  const stamp = new Date(ctx.sys.now()).toISOString().replace(/[:.]/g, '_');
  const home = ctx.env.HOME ?? '/root';
  for (const l of lines) out.err(l ? `npm error ${l}\n` : 'npm error\n');
  out.err(`npm error A complete log of this run can be found in: ${home}/.npm/_logs/${stamp}-debug-0.log\n`);
}

/** npm's error when the project has no package.json. */
export function enoent(ctx: ProcessContext, out: Output, dir: string): number {
  const file = `${dir}/package.json`;
  npmError(ctx, out, [
    'code ENOENT',
    'syscall open',
    `path ${file}`,
    'errno -2',
    `enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${file}'`,
    'enoent This is related to npm not being able to find a file.',
    'enoent',
  ]);
  return 254;
}

export function missingError(ctx: ProcessContext, out: Output, m: Missing): number {
  const [name] = m.spec.startsWith('@') ? [`@${m.spec.slice(1).split('@')[0]}`] : [m.spec.split('@')[0]!];
  if (m.kind === 'ETARGET')
    npmError(ctx, out, [
      'code ETARGET',
      `notarget No matching version found for ${m.spec}.`,
      'notarget In most cases you or one of your dependencies are requesting',
      "notarget a package version that doesn't exist.",
    ]);
  else
    npmError(ctx, out, [
      'code E404',
      `404 Not Found - GET https://registry.npmjs.org/${name.replace('/', '%2f')} - Not found`,
      '404',
      `404  '${m.spec}' is not in this registry.`,
      '404',
      '404 Note that you can also install from a',
      '404 tarball, folder, http url, or git url.',
    ]);
  return 1;
}

function tarball(name: string, version: string): string {
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/** node_modules/<pkg>/package.json and index.js, bins as programs linked from .bin. */
function writePackage(ctx: ProcessContext, base: string, binDir: string, p: Placed): void {
  const dir = `${base}/${p.path}`;
  const pkg = {
    name: p.name,
    version: p.version,
    main: 'index.js',
    license: p.manifest.license,
    dependencies: p.manifest.dependencies,
    bin: p.manifest.bin,
  };
  writeText(ctx, `${dir}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`);
  writeText(
    ctx,
    `${dir}/index.js`,
    `// dockersim: placeholder for ${p.name}@${p.version}\nmodule.exports = {};\n`,
  );
  if (p.path.split('node_modules/').length > 2) return;
  for (const [bin, file] of Object.entries(p.manifest.bin ?? {})) {
    const target = `${dir}/${file.replace(/^\.\//, '')}`;
    installFiles(ctx, [{ path: target, program: bin }], () => '');
    const rel = binDir.endsWith('/.bin')
      ? `../${p.path.replace(/^node_modules\//, '')}/${file.replace(/^\.\//, '')}`
      : target;
    installFiles(ctx, [{ path: `${binDir}/${bin}`, target: rel }], () => '');
  }
}

export interface Installed {
  added: number;
  funding: number;
  tree: Placed[];
}

/** Builds and writes a project's node_modules (or a global prefix's lib/node_modules). */
export function installTree(
  ctx: ProcessContext,
  base: string,
  binDir: string,
  roots: [string, string, boolean][],
  clean: boolean,
): Installed | Missing {
  const tree = buildTree(roots);
  if (!Array.isArray(tree)) return tree;
  if (clean) removeQuietly(ctx, `${base}/node_modules`, true);
  let added = 0;
  for (const p of tree) {
    const have = readText(ctx, `${base}/${p.path}/package.json`);
    if (have && (JSON.parse(have) as { version?: string }).version === p.version) continue;
    writePackage(ctx, base, binDir, p);
    added++;
  }
  const funding = new Set(tree.filter((p) => p.manifest.funding).map((p) => `${p.name}@${p.version}`)).size;
  return { added, funding, tree };
}

export function writeLock(ctx: ProcessContext, project: Project, tree: Placed[]): void {
  const json = project.json ?? {};
  const root: Record<string, unknown> = {};
  for (const k of ['name', 'version', 'license', 'dependencies', 'devDependencies'])
    if (json[k]) root[k] = json[k];
  const packages: Record<string, unknown> = { '': root };
  for (const p of tree) {
    const entry: Record<string, unknown> = { version: p.version, resolved: tarball(p.name, p.version) };
    if (p.dev) entry.dev = true;
    if (p.manifest.license) entry.license = p.manifest.license;
    if (p.manifest.dependencies) entry.dependencies = p.manifest.dependencies;
    if (p.manifest.bin) entry.bin = p.manifest.bin;
    if (p.manifest.engines) entry.engines = p.manifest.engines;
    if (p.manifest.funding)
      entry.funding = { url: `https://github.com/sponsors/${p.name.replace(/^@/, '').split('/')[0]}` };
    packages[p.path] = entry;
  }
  const name = (json.name as string | undefined) ?? project.dir.split('/').pop() ?? 'app';
  const lock = {
    name,
    ...(json.version ? { version: json.version } : {}),
    lockfileVersion: 3,
    requires: true,
    packages,
  };
  writeText(ctx, `${project.dir}/package-lock.json`, `${JSON.stringify(lock, null, 2)}\n`);
  const hidden = {
    name,
    lockfileVersion: 3,
    requires: true,
    packages: Object.fromEntries(Object.entries(packages).filter(([k]) => k)),
  };
  if (tree.length > 0)
    writeText(ctx, `${project.dir}/node_modules/.package-lock.json`, `${JSON.stringify(hidden, null, 2)}\n`);
}

/** The exact tree a lockfile records (npm ci, npm install with a lock). */
export function lockRoots(ctx: ProcessContext, dir: string): [string, string, boolean][] | undefined {
  const text = readText(ctx, `${dir}/package-lock.json`);
  if (!text) return undefined;
  try {
    const lock = JSON.parse(text) as { packages?: Record<string, { version?: string; dev?: boolean }> };
    return Object.entries(lock.packages ?? {})
      .filter(([k]) => k && k.split('node_modules/').length === 2)
      .map(([k, v]) => [k.replace(/^node_modules\//, ''), v.version ?? '*', v.dev === true]);
  } catch {
    return undefined;
  }
}

/** `added 64 packages, and audited 65 packages in 3s`, funding and audit lines. */
export function summary(out: Output, r: Installed, ms: number, global: boolean): void {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const time = ms < 1000 ? `${Math.round(ms)}ms` : `${Math.round(ms / 1000)}s`;
  const audited = n(r.tree.length + 1, 'package');
  if (global) out.out(`\n${r.added > 0 ? `added ${n(r.added, 'package')}` : 'up to date'} in ${time}\n`);
  else if (r.added > 0) out.out(`\nadded ${n(r.added, 'package')}, and audited ${audited} in ${time}\n`);
  else out.out(`\nup to date, audited ${audited} in ${time}\n`);
  if (r.funding > 0)
    out.out(
      `\n${n(r.funding, 'package')} ${r.funding === 1 ? 'is' : 'are'} looking for funding\n  run \`npm fund\` for details\n`,
    );
  if (!global) out.out('\nfound 0 vulnerabilities\n');
}

/** The update notifier: once a week (a stamp in ~/.npm), when the registry has a newer npm. */
export function notifier(ctx: ProcessContext, out: Output, version: string): void {
  const latest = registry().npm.latest;
  const stamp = `${ctx.env.HOME ?? '/root'}/.npm/_update-notifier-last-checked`;
  if (compare(version, latest) >= 0 || exists(ctx, stamp) || ctx.env.NO_UPDATE_NOTIFIER) return;
  writeText(ctx, stamp, '');
  const [a, b] = [version.split('.'), latest.split('.')];
  const kind = a[0] !== b[0] ? 'major' : a[1] !== b[1] ? 'minor' : 'patch';
  out.err(`npm notice\nnpm notice New ${kind} version of npm available! ${version} -> ${latest}\n`);
  out.err(
    `npm notice Changelog: https://github.com/npm/cli/releases/tag/v${latest}\nnpm notice To update run: npm install -g npm@${latest}\nnpm notice\n`,
  );
}
