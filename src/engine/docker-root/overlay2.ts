import type { FileEntry } from '../../fs/files.js';
import { UnionFs } from '../../fs/union.js';
import type { FsView } from '../../fs/view.js';
import type { ContainerRecord } from '../containers/record.js';
import { initLayerEntries, layerDiffFs } from './layer-fs.js';
import { type DockerState, seconds } from './state.js';
import { listDir, type Meta, staticDir, textFile, type VNode } from './vfs.js';

/** One overlay2 directory: an image layer, a container's writable layer or its init layer. */
interface LayerDir {
  name: string;
  /** Overlay2 directories below it, top first (what its `lower` file names). */
  lowers: string[];
  /** Whether a layer was made on top of it (overlay2 then marks it `committed`). */
  committed: boolean;
  /** Whether it was ever mounted writable (overlayfs leaves `work/work` behind). */
  writable: boolean;
  mtime: number;
  files: () => FileEntry[];
  /** The container whose writable layer (or init layer, when `init`) this is. */
  container?: ContainerRecord;
  init?: boolean;
}

const dirMeta = (mode: number, mtime: number): Meta => ({ mode, mtime });

/**
 * /var/lib/docker/overlay2: a directory per layer (`diff`, `link`, `lower`, `work`,
 * `committed`, and `merged` while a container runs), and `l/` with a short symlink to each
 * layer's `diff`, whose names the `lower` files chain. The names are the ones `docker inspect`
 * shows in GraphDriver.Data.
 */
export class Overlay2Dir {
  constructor(private readonly state: DockerState) {}

  node(): VNode {
    const { state } = this;
    return listDir(
      dirMeta(0o710, state.rootTime()),
      () => ['l', ...this.dirNames()],
      (name) => (name === 'l' ? this.links() : this.layerNode(name)),
    );
  }

  /** The state's overlay2 folders, and an `-init` beside each container's writable layer. */
  private dirNames(): string[] {
    const names = new Set(this.state.store.list('overlay2'));
    for (const c of this.state.containerLayers()) {
      names.add(c.init);
      names.add(c.upper);
    }
    return [...names];
  }

  private links(): VNode {
    const targets = () => new Map(this.dirNames().map((d) => [this.state.linkOf(d), d]));
    return listDir(
      dirMeta(0o700, this.state.rootTime()),
      () => [...targets().keys()],
      (link) => {
        const dir = targets().get(link);
        return dir === undefined
          ? undefined
          : {
              kind: 'symlink',
              meta: dirMeta(0o777, this.describe(dir)?.mtime ?? 0),
              target: `../${dir}/diff`,
            };
      },
    );
  }

  /** What an overlay2 directory is; undefined when there is none of that name. */
  describe(name: string): LayerDir | undefined {
    const { state } = this;
    const image = state.imageLayers().get(name);
    if (image) {
      const stack = state.stack(image.chainId);
      return {
        name,
        lowers: stack
          .slice(0, -1)
          .reverse()
          .map((l) => l.cacheId),
        committed: state.hasChild(image.chainId),
        writable: false,
        mtime: state.layerTime(image.chainId),
        files: () => state.files(`overlay2/${name}/files.json`) ?? [],
      };
    }
    const owner = state.containerOfLayer(name);
    if (owner) {
      const { rec, isInit: init } = owner;
      return {
        name,
        lowers: init ? owner.image : [owner.init, ...owner.image],
        committed: init,
        writable: true,
        mtime: seconds(rec.Created),
        files: () => (init ? this.initFiles(rec) : (state.files(`overlay2/${name}/files.json`) ?? [])),
        container: rec,
        init,
      };
    }
    if (!state.store.exists(`overlay2/${name}`)) return undefined;
    return {
      name,
      lowers: [],
      committed: false,
      writable: false,
      mtime: state.rootTime(),
      files: () => state.files(`overlay2/${name}/files.json`) ?? [],
    };
  }

  private imageFiles(rec: ContainerRecord): FileEntry[][] {
    return this.state
      .stack(rec.ParentLayer)
      .map((l) => this.state.files(`overlay2/${l.cacheId}/files.json`) ?? []);
  }

  private initFiles(rec: ContainerRecord): FileEntry[] {
    const key = `init:${rec.ID}`;
    return this.state.derived(
      key,
      `image/overlay2/layerdb/sha256/${rec.ParentLayer.replace(/^sha256:/, '')}/diff`,
      () => initLayerEntries(new UnionFs(this.imageFiles(rec), [], { readOnly: true }), seconds(rec.Created)),
    );
  }

  /** The union a running container's root is: image layers, init layer, writable layer. */
  private merged(layer: LayerDir, rec: ContainerRecord): FsView {
    const source = `overlay2/${layer.name}/files.json`;
    return this.state.derived(`merged:${rec.ID}`, source, () => {
      const lowers = [...this.imageFiles(rec), this.initFiles(rec)];
      // The mount's root is the writable layer's root directory.
      const root = { path: '/', type: 'dir' as const, mode: 0o755, uid: 0, gid: 0, mtime: layer.mtime };
      const upper = layer.files();
      return new UnionFs(lowers, upper.some((f) => f.path === '/') ? upper : [root, ...upper], {
        readOnly: true,
        now: () => this.state.deps.now(),
      });
    });
  }

  private layerNode(name: string): VNode | undefined {
    const layer = this.describe(name);
    if (!layer) return undefined;
    const { state } = this;
    const t = layer.mtime;
    const diffKey = `diff:${name}`;
    // An init layer is computed from the image under it, which never changes.
    const source = layer.init
      ? `containers/${layer.container!.ID}/config.v2.json`
      : `overlay2/${name}/files.json`;
    // overlay2 mounts a container's layer at `merged` while it runs and removes the dir after.
    const running = layer.container?.State.Running && !layer.init;
    const hasParent = layer.lowers.length > 0;
    return staticDir(dirMeta(0o710, t), () => ({
      committed: () => (layer.committed ? textFile({ mode: 0o600, mtime: t }, () => '') : undefined),
      diff: () => ({ kind: 'view', fs: state.derived(diffKey, source, () => layerDiffFs(layer.files(), t)) }),
      link: () => textFile({ mode: 0o644, mtime: t }, () => state.linkOf(name)),
      lower: () =>
        hasParent
          ? textFile({ mode: 0o644, mtime: t }, () =>
              layer.lowers.map((d) => `l/${state.linkOf(d)}`).join(':'),
            )
          : undefined,
      merged: () =>
        running && layer.container ? { kind: 'view', fs: this.merged(layer, layer.container) } : undefined,
      work: () =>
        hasParent
          ? staticDir(dirMeta(0o700, t), () => ({
              work: () => (layer.writable ? staticDir(dirMeta(0, t), () => ({})) : undefined),
            }))
          : undefined,
    }));
  }
}
