import type { Output } from '../../run.js';
import type { ProcessContext } from '../../types.js';
import { downloadMs, exists, writeText } from '../common.js';
import {
  bestVersion,
  canonical,
  compareVersions,
  formatSize,
  type PyProject,
  parseRequirement,
  pypi,
  type Requirement,
  satisfies,
  wheelFor,
} from './data.js';
import { installedDists, type PyEnv, removeDist, writeDist } from './site.js';

export interface Root {
  text: string;
  /** `-r requirements.txt (line 3)` for requirements read from a file. */
  from?: string;
}

export interface PipOptions {
  upgrade: boolean;
  noDeps: boolean;
  cache: boolean;
  quiet: boolean;
}

interface Node {
  key: string;
  /** The name as the requirement that first brought it spelled it (what pip prints). */
  label: string;
  project: PyProject;
  version: string;
  deps: string[];
  depth: number;
}

/**
 * A download as pip shows it: size, and rich's finished bar for files over 40 kB. pip 22 indents
 * the bar by five, says `KB`, and shortens the bar so the line fits rich's 80 columns.
 */
function download(out: Output, file: string, size: number, cached: boolean, style: Style): void {
  const indent = style.legacy || style.metadata ? '  ' : '';
  out.out(`${indent}${cached ? 'Using cached' : 'Downloading'} ${file} (${formatSize(size)})\n`);
  const ms = cached ? 2 : downloadMs(size);
  out.wait(ms);
  if (cached || size <= 40_000 || style.metadata) return;
  const mb = size > 1e6;
  const amount = mb ? (size / 1e6).toFixed(1) : (size / 1e3).toFixed(1);
  const speed = ((size / ms) * 1000) / 1e6;
  const tail = ` ${amount}/${amount} ${mb ? 'MB' : style.legacy ? 'KB' : 'kB'} ${speed.toFixed(1)} MB/s eta 0:00:00`;
  const pad = style.legacy ? '     ' : '   ';
  const width = style.legacy ? Math.min(40, 80 - pad.length - tail.length) : 40;
  out.out(`${pad}${'━'.repeat(width)}${tail}\n`);
}

/** What differs in pip's output by version: pip 22 fetches whole wheels while it collects. */
interface Style {
  legacy: boolean;
  /** The PEP 658 metadata files pip 23.1+ fetches while collecting. */
  metadata?: boolean;
}

/** A wheel built for CPython carries the interpreter's tag (`cp310-cp310` under Python 3.10). */
function wheelName(project: PyProject, version: string, python: string): string {
  const tag = `cp${python.replace('.', '')}`;
  return wheelFor(project, version).replace(/-cp3\d+-cp3\d+-/, `-${tag}-${tag}-`);
}

function notFound(out: Output, req: string, versions: string[]): number {
  out.err(
    `ERROR: Could not find a version that satisfies the requirement ${req} (from versions: ${versions.length ? versions.join(', ') : 'none'})\n`,
  );
  out.err(`ERROR: No matching distribution found for ${req}\n`);
  return 1;
}

/**
 * `pip install`: collects requirements breadth first (as the resolver reports them), downloads
 * the wheels, installs leaves first, and names what it installed.
 */
export function pipInstall(
  ctx: ProcessContext,
  out: Output,
  env: PyEnv,
  roots: Root[],
  opts: PipOptions,
): number {
  const index = pypi().packages;
  const installed = installedDists(ctx, env);
  const cacheDir = `${ctx.env.HOME ?? '/root'}/.cache/pip/wheels`;
  const legacy = compareVersions(env.pip, '23') < 0;
  const wheel = (p: PyProject, v: string) => wheelName(p, v, env.python);
  const isCached = (f: string) => opts.cache && exists(ctx, `${cacheDir}/${f}`);
  const say = (t: string) => (opts.quiet ? undefined : out.out(t));
  const nodes = new Map<string, Node>();
  const queue: { req: Requirement; shown: string; chain: string; depth: number; parent?: Node }[] = [];
  for (const r of roots) {
    const req = parseRequirement(r.text);
    if (!req) {
      out.err(`ERROR: Invalid requirement: '${r.text}'\n`);
      return 1;
    }
    queue.push({
      req,
      shown: r.from && !legacy ? ` (from ${r.from})` : '',
      chain: r.from ? `${req.text}->${r.from}` : req.text,
      depth: 0,
    });
  }
  for (let i = 0; i < queue.length; i++) {
    const { req, shown, chain, depth, parent } = queue[i]!;
    const key = canonical(req.name);
    const project = index[key];
    if (!project) return notFound(out, req.text, []);
    const known = nodes.get(key);
    if (known) {
      parent?.deps.push(key);
      continue;
    }
    const have = installed.get(key);
    let version: string | undefined;
    if (
      have &&
      satisfies(have.version, req.specs) &&
      !(opts.upgrade && depth === 0 && have.version !== bestVersion(project, req.specs))
    ) {
      say(`Requirement already satisfied: ${req.text} in ${env.site}${shown} (${have.version})\n`);
      version = have.version;
    } else {
      version = bestVersion(project, req.specs);
      if (!version) return notFound(out, req.text, project.versions);
      say(`Collecting ${req.text}${shown}\n`);
      const file = wheel(project, version);
      if (!opts.quiet && legacy) download(out, file, project.size, isCached(file), { legacy });
      else if (!opts.quiet)
        download(out, `${file}.metadata`, project.meta, isCached(file), { legacy, metadata: true });
    }
    const node: Node = { key, label: req.name, project, version, deps: [], depth };
    nodes.set(key, node);
    parent?.deps.push(key);
    if (opts.noDeps) continue;
    const extras = req.extras.flatMap((e) => project.extras?.[e] ?? []);
    for (const text of [...(project.requires ?? []), ...extras]) {
      const child = parseRequirement(text);
      if (child)
        queue.push({
          req: child,
          shown: legacy ? '' : ` (from ${chain})`,
          chain: `${child.text}->${chain}`,
          depth: depth + 1,
          parent: node,
        });
    }
  }
  const todo = [...nodes.values()].filter((n) => installed.get(n.key)?.version !== n.version);
  for (const n of todo) {
    const file = wheel(n.project, n.version);
    if (!opts.quiet && !legacy) download(out, file, n.project.size, isCached(file), { legacy });
    if (opts.cache) writeText(ctx, `${cacheDir}/${file}`, '');
  }
  if (todo.length === 0) return 0;
  const order = installOrder(todo, nodes);
  say(`Installing collected packages: ${order.map((n) => n.label).join(', ')}\n`);
  for (const n of order) {
    const old = installed.get(n.key);
    if (old) {
      say(
        `  Attempting uninstall: ${n.label}\n    Found existing installation: ${old.name} ${old.version}\n`,
      );
      say(
        `    Uninstalling ${old.name}-${old.version}:\n      Successfully uninstalled ${old.name}-${old.version}\n`,
      );
      removeDist(ctx, old);
    }
    out.wait(20 + Math.round(n.project.size / 200_000));
    writeDist(ctx, env, n.project, n.version);
  }
  const done = order.map((n) => `${n.label}-${n.version}`).sort();
  say(`Successfully installed ${done.join(' ')}\n`);
  return 0;
}

/**
 * pip's order: leaves (nothing to install under them) first, then the others by their distance
 * from the requirements, deepest first; ties go in reverse name order.
 */
function installOrder(todo: Node[], nodes: Map<string, Node>): Node[] {
  const set = new Set(todo.map((n) => n.key));
  const weight = new Map<string, number>();
  const walk = (n: Node, d: number, seen: Set<string>) => {
    if (seen.has(n.key)) return;
    weight.set(n.key, Math.max(weight.get(n.key) ?? 0, d));
    for (const k of n.deps) {
      const c = nodes.get(k);
      if (c) walk(c, d + 1, new Set([...seen, n.key]));
    }
  };
  for (const n of nodes.values()) if (n.depth === 0) walk(n, 1, new Set());
  const leaf = (n: Node) => n.deps.every((k) => !set.has(k));
  const max = Math.max(0, ...weight.values()) + 1;
  const w = (n: Node) => (leaf(n) ? max : (weight.get(n.key) ?? 0));
  return [...todo].sort((a, b) => w(b) - w(a) || (canonical(b.label) < canonical(a.label) ? -1 : 1));
}
