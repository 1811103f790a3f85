import * as nodefs from 'node:fs';
import { EngineError } from '../../api/errors.js';
import { decodeFiles, encodeFiles, type FileEntry, type StoredFile } from '../../fs/files.js';
import { joinPath } from '../../fs/path.js';
import { UnionFs, type UnionLimits } from '../../fs/union.js';
import type { FsView } from '../../fs/view.js';
import type { StateStore } from '../../store/index.js';
import type { ContainerRecord } from '../containers/record.js';
import { BindFs } from './bindfs.js';
import type { DirMount } from './mountfs.js';
import { VolumeStore } from './store.js';

const LIMITS: UnionLimits = {
  maxFileSize: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxDepth: 64,
};

/** Copies the image's tree at `dir` as a volume's first content (docker does on first mount). */
function copyTree(view: FsView, dir: string): FileEntry[] {
  const root = view.stat(dir);
  if (root?.type !== 'dir') return [];
  const out: FileEntry[] = [
    { path: '/', type: 'dir', mode: root.mode, uid: root.uid, gid: root.gid, mtime: root.mtime },
  ];
  const walk = (from: string, to: string) => {
    for (const name of view.readdir(from)) {
      const src = joinPath(from, name);
      const dst = joinPath(to, name);
      const st = view.lstat(src);
      if (!st) continue;
      const meta = { path: dst, mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime };
      if (st.type === 'dir') {
        out.push({ ...meta, type: 'dir' });
        walk(src, dst);
      } else if (st.type === 'symlink') out.push({ ...meta, type: 'symlink', target: st.target ?? '' });
      else {
        const content = view.readFile(src);
        out.push({
          ...meta,
          type: 'file',
          content,
          ...(st.size !== content.length ? { size: st.size } : {}),
        });
      }
    }
  };
  walk(dir, '');
  return out;
}

function isEmpty(entries: FileEntry[]): boolean {
  return entries.every((e) => e.path === '/');
}

/** Makes the mount point in the container's layer when the image has none (docker does too). */
function ensureMountpoint(rootfs: FsView, target: string, file: boolean): void {
  if (rootfs.stat(target)) return;
  try {
    if (!file) rootfs.mkdir(target, { recursive: true });
    else {
      rootfs.mkdir(target.slice(0, target.lastIndexOf('/')) || '/', { recursive: true });
      rootfs.writeFile(target, '');
    }
  } catch {
    // a read-only root filesystem: the mount still shows at the path
  }
}

/** `-v /host/dir:/x` makes the host directory when it is missing (`--mount` refuses at create). */
function bindSource(source: string): string {
  if (nodefs.existsSync(source)) return source;
  try {
    nodefs.mkdirSync(source, { recursive: true, mode: 0o755 });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new EngineError(
      'system',
      `error while creating mount source path '${source}': mkdir ${source}: ${why}`,
    );
  }
  return source;
}

/**
 * The directory mounts of the containers of one engine call: a volume's files are one view
 * shared by every container that mounts it, read from its document once and written back by
 * `save`; tmpfs mounts live as long as the container runs.
 */
export class ContainerMounts {
  private readonly volumeFs = new Map<string, UnionFs>();
  private readonly tmpfsFs = new Map<string, Map<string, UnionFs>>();
  private readonly volumes: VolumeStore;

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number,
  ) {
    this.volumes = new VolumeStore(store);
  }

  private volume(name: string, image: FsView, target: string, copy: boolean): UnionFs {
    const cached = this.volumeFs.get(name);
    if (cached) return cached;
    let entries = this.volumes.files(name);
    if (copy && isEmpty(entries)) {
      const copied = copyTree(image, target);
      if (copied.length) entries = copied;
    }
    const fs = new UnionFs([], entries, { now: this.now, limits: LIMITS });
    this.volumeFs.set(name, fs);
    return fs;
  }

  private tmpfsFile(rec: ContainerRecord): string {
    return `containers/${rec.ID}/tmpfs.json`;
  }

  /** A tmpfs starts empty with each start of its container and lives while the container runs. */
  private tmpfs(rec: ContainerRecord, target: string): UnionFs {
    let mine = this.tmpfsFs.get(rec.ID);
    if (!mine) {
      mine = new Map();
      this.tmpfsFs.set(rec.ID, mine);
    }
    const cached = mine.get(target);
    if (cached) return cached;
    const running = rec.State.Running && !rec.State.Restarting;
    const text = running ? this.store.readText(this.tmpfsFile(rec)) : undefined;
    const saved = text ? (JSON.parse(text) as Record<string, StoredFile[]>)[target] : undefined;
    const root: FileEntry = {
      path: '/',
      type: 'dir',
      mode: 0o1777,
      uid: 0,
      gid: 0,
      mtime: this.now() / 1000,
    };
    const fs = new UnionFs([], saved ? decodeFiles(saved) : [root], { now: this.now, limits: LIMITS });
    mine.set(target, fs);
    return fs;
  }

  /** Opens a container's mounts over its root filesystem (`rootfs` shows the image's content). */
  open(rec: ContainerRecord, rootfs: FsView): DirMount[] {
    const out: DirMount[] = [];
    for (const m of rec.MountPoints) {
      if (m.Type === 'volume' && m.Name) {
        ensureMountpoint(rootfs, m.Destination, false);
        const copy = !m.Mode.split(',').includes('nocopy');
        out.push({
          target: m.Destination,
          fs: this.volume(m.Name, rootfs, m.Destination, copy),
          readOnly: !m.RW,
        });
      } else if (m.Type === 'bind') {
        const fs = new BindFs(bindSource(m.Source), !m.RW);
        ensureMountpoint(rootfs, m.Destination, !nodefs.statSync(fs.root).isDirectory());
        out.push({ target: m.Destination, fs, readOnly: !m.RW });
      } else if (m.Type === 'tmpfs') {
        ensureMountpoint(rootfs, m.Destination, false);
        out.push({ target: m.Destination, fs: this.tmpfs(rec, m.Destination), readOnly: !m.RW });
      }
    }
    for (const [target, options] of Object.entries(rec.HostConfig.Tmpfs ?? {})) {
      ensureMountpoint(rootfs, target, false);
      out.push({ target, fs: this.tmpfs(rec, target), readOnly: options.split(',').includes('ro') });
    }
    return out;
  }

  /** Writes back what a container's programs changed in its volumes and tmpfs mounts. */
  save(rec: ContainerRecord): void {
    for (const m of rec.MountPoints) {
      const fs = m.Type === 'volume' && m.Name ? this.volumeFs.get(m.Name) : undefined;
      if (fs && m.Name) this.volumes.saveFiles(m.Name, fs.upperEntries());
    }
    const mine = this.tmpfsFs.get(rec.ID);
    if (mine?.size) {
      const doc: Record<string, StoredFile[]> = {};
      for (const [target, fs] of mine) doc[target] = encodeFiles(fs.upperEntries());
      this.store.writeJson(this.tmpfsFile(rec), doc);
    }
  }
}
