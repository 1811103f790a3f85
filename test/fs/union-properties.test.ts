import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnionFs } from '../../src/fs/union.js';
import { FsError } from '../../src/fs/view.js';
import { dir, file, link, opaque, treeOf, whiteout } from './builders.js';

/**
 * The union against a reference model: a Map of path → content (or DIR) that knows nothing of
 * layers. Any sequence of mkdir/write/remove/rename must fail with the same errno in both, and
 * leave the same files; FsError is the only thing the union may throw.
 */
const DIR = Symbol('dir');
type Model = Map<string, string | typeof DIR>;

const LOWERS = [
  [
    dir('/a'),
    dir('/a/b'),
    file('/a/f', 'f0'),
    file('/a/b/g', 'g0'),
    file('/c', 'c0'),
    dir('/d'),
    file('/d/h', 'h0'),
  ],
  [whiteout('/a/f'), opaque('/d'), file('/d/g', 'g1'), file('/e', 'e1')],
];
const START: [string, string | typeof DIR][] = [
  ['/a', DIR],
  ['/a/b', DIR],
  ['/a/b/g', 'g0'],
  ['/c', 'c0'],
  ['/d', DIR],
  ['/d/g', 'g1'],
  ['/e', 'e1'],
];

type Op =
  | { op: 'mkdir'; path: string; recursive: boolean }
  | { op: 'write'; path: string; data: string; append: boolean }
  | { op: 'remove'; path: string; recursive: boolean }
  | { op: 'rename'; from: string; to: string };

const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('mkdir' as const), path, recursive: fc.boolean() }),
  fc.record({
    op: fc.constant('write' as const),
    path,
    data: fc.string({ maxLength: 4 }),
    append: fc.boolean(),
  }),
  fc.record({ op: fc.constant('remove' as const), path, recursive: fc.boolean() }),
  fc.record({ op: fc.constant('rename' as const), from: path, to: path }),
);

function prefixes(p: string): string[] {
  const parts = p.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

function parentError(m: Model, p: string): string | undefined {
  for (const prefix of prefixes(p).slice(0, -1)) {
    const v = m.get(prefix);
    if (v === undefined) return 'ENOENT';
    if (v !== DIR) return 'ENOTDIR';
  }
  return undefined;
}

const below = (m: Model, p: string) => [...m.keys()].filter((k) => k.startsWith(`${p}/`));

function applyModel(m: Model, o: Op): string | undefined {
  switch (o.op) {
    case 'mkdir':
      if (o.recursive) {
        const all = prefixes(o.path);
        for (const [i, prefix] of all.entries()) {
          const v = m.get(prefix);
          if (v === undefined) m.set(prefix, DIR);
          else if (v !== DIR) return i === all.length - 1 ? 'EEXIST' : 'ENOTDIR';
        }
        return undefined;
      }
      if (parentError(m, o.path)) return parentError(m, o.path);
      if (m.has(o.path)) return 'EEXIST';
      m.set(o.path, DIR);
      return undefined;
    case 'write': {
      if (parentError(m, o.path)) return parentError(m, o.path);
      const v = m.get(o.path);
      if (v === DIR) return 'EISDIR';
      m.set(o.path, o.append && v !== undefined ? v + o.data : o.data);
      return undefined;
    }
    case 'remove': {
      if (parentError(m, o.path)) return parentError(m, o.path);
      const v = m.get(o.path);
      if (v === undefined) return 'ENOENT';
      if (v === DIR && !o.recursive && below(m, o.path).length > 0) return 'ENOTEMPTY';
      for (const k of [o.path, ...below(m, o.path)]) m.delete(k);
      return undefined;
    }
    case 'rename':
      return renameModel(m, o.from, o.to);
  }
}

function renameModel(m: Model, from: string, to: string): string | undefined {
  if (parentError(m, from)) return parentError(m, from);
  const sv = m.get(from);
  if (sv === undefined) return 'ENOENT';
  if (parentError(m, to)) return parentError(m, to);
  if (from === to) return undefined;
  if (to.startsWith(`${from}/`)) return 'EINVAL';
  const dv = m.get(to);
  if (dv !== undefined) {
    if (sv === DIR && dv !== DIR) return 'ENOTDIR';
    if (sv !== DIR && dv === DIR) return 'EISDIR';
    if (dv === DIR && below(m, to).length > 0) return 'ENOTEMPTY';
  }
  const moved = [from, ...below(m, from)].map((k) => [to + k.slice(from.length), m.get(k)!] as const);
  for (const k of [from, ...below(m, from)]) m.delete(k);
  m.delete(to);
  for (const [k, v] of moved) m.set(k, v);
  return undefined;
}

function applyUnion(fs: UnionFs, o: Op): string | undefined {
  try {
    if (o.op === 'mkdir') fs.mkdir(o.path, { recursive: o.recursive });
    else if (o.op === 'write') fs.writeFile(o.path, o.data, { append: o.append });
    else if (o.op === 'remove') fs.remove(o.path, { recursive: o.recursive });
    else fs.rename(o.from, o.to);
    return undefined;
  } catch (err) {
    if (err instanceof FsError) return err.code;
    throw err;
  }
}

function viewOf(fs: UnionFs): Model {
  const out: Model = new Map();
  const walk = (d: string) => {
    for (const n of fs.readdir(d)) {
      const p = d === '/' ? `/${n}` : `${d}/${n}`;
      if (fs.lstat(p)?.type === 'dir') {
        out.set(p, DIR);
        walk(p);
      } else out.set(p, fs.readFile(p).toString());
    }
  };
  walk('/');
  return out;
}

const sorted = (m: Model) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('UnionFs against a reference model', () => {
  it('gives the same errors and leaves the same files for any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const model: Model = new Map(START);
        const fs = new UnionFs(LOWERS, []);
        expect(sorted(viewOf(fs))).toEqual(sorted(model));
        for (const o of ops) expect(applyUnion(fs, o)).toBe(applyModel(model, o));
        expect(sorted(viewOf(fs))).toEqual(sorted(model));
        // The saved layer reopens as the same view, and the lower layers were never touched.
        expect(sorted(viewOf(new UnionFs(LOWERS, fs.upperEntries())))).toEqual(sorted(model));
        expect(sorted(viewOf(new UnionFs(LOWERS, [])))).toEqual(START);
      }),
      { numRuns: 400 },
    );
  });

  it('docker diff accounts for every difference from the image', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
        const fs = new UnionFs(LOWERS, []);
        for (const o of ops) applyUnion(fs, o);
        const before = new Map(START);
        const after = viewOf(fs);
        const changes = fs.changes();
        const kinds = new Map(changes.map((c) => [c.path, c.kind]));
        expect(changes.map((c) => c.path)).toEqual([...new Set(changes.map((c) => c.path))]);
        const added = changes.filter((c) => c.kind === 'A').map((c) => c.path);
        expect(added.sort()).toEqual([...after.keys()].filter((p) => !before.has(p)).sort());
        for (const [p, v] of after) {
          // A directory made where a file was is opaque, which moby lists as D; below a directory
          // that was itself recreated (D), moby compares with the lower layers only and says C.
          const underRecreated = prefixes(p)
            .slice(0, -1)
            .some((q) => kinds.get(q) === 'D');
          if (before.has(p) && before.get(p) !== v)
            expect(kinds.get(p)).toBe(v === DIR && !underRecreated ? 'D' : 'C');
        }
        for (const p of before.keys()) {
          if (after.has(p)) continue;
          const covered = prefixes(p).some(
            (q) => kinds.get(q) === 'D' || (q !== p && kinds.get(q) === 'C' && after.get(q) !== DIR),
          );
          expect(covered, `${p} vanished without a D`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with symlinks, odd paths and metadata changes, only FsError is thrown and the layer round-trips', () => {
    const odd = fc.oneof(
      path,
      path.map((p) => `${p}/`),
      path.map((p) => `${p}/../..`),
      path.map((p) => `/..${p}/.`),
    );
    const anyOp = fc.oneof(
      op,
      fc.record({ op: fc.constant('symlink' as const), target: fc.oneof(odd, name), path: odd }),
      fc.record({ op: fc.constant('chmod' as const), path: odd }),
      fc.record({ op: fc.constant('read' as const), path: odd }),
      fc.record({ op: fc.constant('rename' as const), from: odd, to: odd }),
      fc.record({ op: fc.constant('remove' as const), path: odd, recursive: fc.boolean() }),
    );
    const lowers = [...LOWERS, [link('/l', 'a/b'), link('/loop', 'loop'), link('/up', '../../a')]];
    fc.assert(
      fc.property(fc.array(anyOp, { maxLength: 25 }), (ops) => {
        const fs = new UnionFs(lowers, []);
        for (const o of ops) {
          try {
            if (o.op === 'symlink') fs.symlink(o.target, o.path);
            else if (o.op === 'chmod') fs.chmod(o.path, 0o700);
            else if (o.op === 'read') {
              fs.stat(o.path);
              fs.lstat(o.path);
              fs.readdir(o.path);
            } else applyUnion(fs, o);
          } catch (err) {
            expect(err).toBeInstanceOf(FsError);
          }
        }
        const again = new UnionFs(lowers, fs.upperEntries());
        expect(treeOf(again)).toEqual(treeOf(fs));
        expect(again.changes()).toEqual(fs.changes());
      }),
      { numRuns: 300 },
    );
  });
});
