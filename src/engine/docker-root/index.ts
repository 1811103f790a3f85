import type { FsView } from '../../fs/view.js';
import { MountTableFs } from '../volumes/mountfs.js';
import { VolumeStore } from '../volumes/store.js';
import { containersDir } from './containers.js';
import { imageDir } from './image.js';
import { layerDiffFs } from './layer-fs.js';
import { Overlay2Dir } from './overlay2.js';
import { type DockerRootDeps, DockerState, seconds } from './state.js';
import { ComputedFs, listDir, staticDir, textFile, type VNode } from './vfs.js';

export { initLayerEntries } from './layer-fs.js';
export type { DockerRootDeps } from './state.js';

/** Where docker keeps its state on the host (`docker info`: Docker Root Dir). */
export const DOCKER_ROOT = '/var/lib/docker';

/** volumes/<name>/_data: the volume's files. */
function volumesDir(state: DockerState): VNode {
  const volumes = new VolumeStore(state.store);
  return listDir(
    { mode: 0o701, mtime: state.rootTime() },
    () => volumes.names(),
    (name) => {
      const mtime = seconds(volumes.lookup(name)?.CreatedAt);
      const rel = `volumes/${name}/_data/files.json`;
      return staticDir({ mode: 0o755, mtime }, () => ({
        _data: () => ({
          kind: 'view',
          fs: state.derived(`volume:${name}`, rel, () => layerDiffFs(volumes.files(name), mtime)),
        }),
      }));
    },
  );
}

/** network/files/local-kv.db: libnetwork's store, which holds each network's JSON document. */
function networkDir(state: DockerState): VNode {
  const t = state.rootTime();
  const docs = () =>
    state.store
      .list('network/networks')
      .map((n) => state.store.readText(`network/networks/${n}`) ?? '')
      .join('');
  return staticDir({ mode: 0o750, mtime: t }, () => ({
    files: () =>
      staticDir({ mode: 0o755, mtime: t }, () => ({
        'local-kv.db': () => textFile({ mode: 0o644, mtime: t }, docs),
      })),
  }));
}

function rootNode(state: DockerState): VNode {
  const t = state.rootTime();
  return staticDir({ mode: 0o710, mtime: t }, () => ({
    buildkit: () =>
      state.store.exists('builder') ? staticDir({ mode: 0o711, mtime: t }, () => ({})) : undefined,
    containers: () => containersDir(state),
    'engine-id': () => {
      const id = state.store.readText('engine-id');
      return id === undefined ? undefined : textFile({ mode: 0o600, mtime: t }, () => id);
    },
    image: () => imageDir(state),
    network: () => networkDir(state),
    overlay2: () => new Overlay2Dir(state).node(),
    volumes: () => volumesDir(state),
  }));
}

/**
 * The engine's state as a real host's /var/lib/docker shows it, computed from the state folder
 * on each lookup (read-only; nothing is built for a directory nobody lists).
 */
export function dockerRootFs(deps: DockerRootDeps): FsView {
  const state = new DockerState(deps);
  return new ComputedFs(() => rootNode(state));
}

/** `base` with /var/lib/docker mounted over it, read-only (root-only by its mode, as on a host). */
export function withDockerRoot(base: FsView, deps: DockerRootDeps): FsView {
  return new MountTableFs(base, [{ target: DOCKER_ROOT, fs: dockerRootFs(deps), readOnly: true }]);
}
