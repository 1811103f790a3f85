import { hexOf } from '../../images/digest.js';
import { type DockerState, seconds } from './state.js';
import { listDir, type Meta, staticDir, textFile, type VNode } from './vfs.js';

const IMAGE = 'image/overlay2';
const LAYERDB = `${IMAGE}/layerdb/sha256`;
/** What docker keeps per layer in layerdb (the state's reference count is its own). */
const LAYER_FILES = ['cache-id', 'diff', 'parent', 'size'];

/** A state document shown as the file it mirrors; undefined when the state has none. */
function stateFile(state: DockerState, rel: string, meta: Meta): VNode | undefined {
  const text = state.store.readText(rel);
  return text === undefined ? undefined : textFile(meta, () => text);
}

/** A folder of the state listed as it is, each entry built by `child`. */
function stateDir(
  state: DockerState,
  rel: string,
  meta: Meta,
  child: (name: string) => VNode | undefined,
): VNode {
  return listDir(meta, () => state.store.list(rel), child);
}

/**
 * /var/lib/docker/image/overlay2: image configs (imagedb), layers by chain ID (layerdb, with
 * `mounts/<container>` naming each container's writable and init layers) and the tags
 * (repositories.json), straight from the state's documents.
 */
export function imageDir(state: DockerState): VNode {
  const t = state.rootTime();
  const dir = (mode: number, mtime = t): Meta => ({ mode, mtime });
  const imageTime = (hex: string) =>
    seconds(state.deps.images.images.lastTagTime(`sha256:${hex}` as never)) || t;
  const imagedb = staticDir(dir(0o700), () => ({
    content: () =>
      staticDir(dir(0o700), () => ({
        sha256: () =>
          stateDir(state, `${IMAGE}/imagedb/content/sha256`, dir(0o700), (hex) =>
            stateFile(state, `${IMAGE}/imagedb/content/sha256/${hex}`, {
              mode: 0o600,
              mtime: imageTime(hex),
            }),
          ),
      })),
    metadata: () =>
      staticDir(dir(0o700), () => ({
        sha256: () =>
          stateDir(state, `${IMAGE}/imagedb/metadata/sha256`, dir(0o700), (hex) => {
            const rel = `${IMAGE}/imagedb/metadata/sha256/${hex}`;
            const meta = { mode: 0o600, mtime: imageTime(hex) };
            return stateDir(state, rel, dir(0o700, meta.mtime), (name) =>
              stateFile(state, `${rel}/${name}`, meta),
            );
          }),
      })),
  }));
  const layerdb = staticDir(dir(0o700), () => ({
    mounts: () => mountsDir(state),
    sha256: () =>
      stateDir(state, LAYERDB, dir(0o700), (hex) => {
        const mtime = state.layerTime(`sha256:${hex}` as never);
        return listDir(
          dir(0o700, mtime),
          () => LAYER_FILES,
          (name) => stateFile(state, `${LAYERDB}/${hex}/${name}`, { mode: 0o644, mtime }),
        );
      }),
    tmp: () => staticDir(dir(0o700), () => ({})),
  }));
  return staticDir(dir(0o700), () => ({
    overlay2: () =>
      staticDir(dir(0o700), () => ({
        imagedb: () => imagedb,
        layerdb: () => layerdb,
        'repositories.json': () => stateFile(state, `${IMAGE}/repositories.json`, { mode: 0o600, mtime: t }),
      })),
  }));
}

/** layerdb/mounts/<container>/: `mount-id` (the writable layer), `init-id`, `parent` (chain ID). */
function mountsDir(state: DockerState): VNode {
  return listDir(
    { mode: 0o700, mtime: state.rootTime() },
    () => state.containerLayers().map((c) => c.rec.ID),
    (id) => {
      const c = state.containerLayers().find((x) => x.rec.ID === id);
      if (!c) return undefined;
      const meta = { mode: 0o644, mtime: seconds(c.rec.Created) };
      const parent = c.rec.ParentLayer ? hexOf(c.rec.ParentLayer) : '';
      return staticDir({ mode: 0o700, mtime: meta.mtime }, () => ({
        'init-id': () => textFile(meta, () => c.init),
        'mount-id': () => textFile(meta, () => c.upper),
        parent: () => (parent ? textFile(meta, () => `sha256:${parent}`) : undefined),
      }));
    },
  );
}
