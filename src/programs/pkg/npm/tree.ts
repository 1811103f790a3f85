import { type Manifest, manifest, pick, registry, satisfies } from './data.js';

/** A package placed in node_modules: `node_modules/send/node_modules/ms` → ms 2.1.3. */
export interface Placed {
  path: string;
  name: string;
  version: string;
  manifest: Manifest;
  dev: boolean;
}

export type Missing = { kind: 'E404' | 'ETARGET'; spec: string };

/**
 * npm's placement, simplified: breadth first, each dependency as high in the tree as it can go
 * (the root's node_modules) unless a different version already sits there, then under the
 * package that needs it. Optional packages for another OS are skipped, as on Linux.
 */
export function buildTree(roots: [string, string, boolean][]): Placed[] | Missing {
  const placed = new Map<string, Placed>();
  const queue: { name: string; range: string; parent: string; dev: boolean }[] = roots.map(
    ([name, range, dev]) => ({
      name,
      range,
      parent: '',
      dev,
    }),
  );
  for (let i = 0; i < queue.length; i++) {
    const { name, range, parent, dev } = queue[i]!;
    const found = nearest(placed, parent, name);
    if (found && satisfies(found.version, range)) continue;
    const version = pick(name, range);
    if (!version)
      return { kind: registry().packages[name] ? 'ETARGET' : 'E404', spec: `${name}@${range || '*'}` };
    const m = manifest(name, version)!;
    if (m.os && !m.os.includes('linux')) continue;
    const path = !placed.has(`node_modules/${name}`)
      ? `node_modules/${name}`
      : `${parent}/node_modules/${name}`;
    if (placed.has(path)) continue;
    placed.set(path, { path, name, version, manifest: m, dev });
    const deps = { ...m.dependencies, ...m.optionalDependencies };
    for (const dep of Object.keys(deps).sort())
      queue.push({ name: dep, range: deps[dep]!, parent: path, dev });
  }
  return [...placed.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The copy of `name` that `parent` would load (Node's lookup: its own node_modules, then up). */
function nearest(placed: Map<string, Placed>, parent: string, name: string): Placed | undefined {
  let dir = parent;
  for (;;) {
    const hit = placed.get(dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`);
    if (hit) return hit;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}
