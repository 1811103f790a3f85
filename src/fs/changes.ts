import type { FileEntry } from './files.js';
import { joinPath } from './path.js';
import type { PathTable } from './union-table.js';

export type ChangeKind = 'A' | 'C' | 'D';

/** One line of `docker diff`: `A` added, `C` changed, `D` deleted. */
export interface Change {
  kind: ChangeKind;
  path: string;
}

/**
 * What `docker diff` prints for a writable layer over its lower layers, computed as moby's
 * overlay driver does (pkg/archive `changes` with `overlayDeletedFile`): walk the writable layer
 * in path order; a whiteout is `D`; a directory made opaque over a lower one is `D` too (it was
 * removed and made again), its contents then `A` or `C`; a record the lower layers also hold is
 * `C`, except a directory whose mode, owner and mtime did not change (copied up only because
 * something below it changed), which is left out; anything else is `A`. The parent of an `A`
 * or `D` is listed as `C` before it when its own walk did not list it. Contents of a deleted
 * directory are never listed (the writable layer holds only its whiteout).
 */
export function layerChanges(lower: PathTable, upper: PathTable): Change[] {
  const out: Change[] = [];
  const listedDirs = new Set<string>();
  const visit = (dir: string): void => {
    for (const name of [...upper.children(dir)].sort()) {
      const path = joinPath(dir, name);
      const rec = upper.get(path)!;
      const kind = classify(rec, lower.get(path));
      if (kind) {
        if (rec.type === 'dir' || rec.type === 'opaque') listedDirs.add(path);
        if (kind !== 'C' && dir !== '/' && !listedDirs.has(dir)) {
          out.push({ kind: 'C', path: dir });
          listedDirs.add(dir);
        }
        out.push({ kind, path });
      }
      visit(path);
    }
  };
  visit('/');
  return out;
}

function classify(rec: FileEntry, low: FileEntry | undefined): ChangeKind | undefined {
  if (rec.type === 'whiteout') return 'D';
  if (rec.type === 'opaque') return low ? 'D' : 'A';
  if (!low) return 'A';
  if (rec.type === 'dir' && low.type === 'dir' && sameMeta(rec, low)) return undefined;
  return 'C';
}

function sameMeta(a: FileEntry, b: FileEntry): boolean {
  return a.mode === b.mode && a.uid === b.uid && a.gid === b.gid && a.mtime === b.mtime;
}
