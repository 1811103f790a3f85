import type { ImageDeleteItem, ImagePruneReport } from '../../api/images.js';
import type { ChainId } from '../../images/digest.js';
import { deleteImage, type ImageUsers } from './remove.js';
import type { ImageServices } from './services.js';

/**
 * `POST /images/prune`: dangling images (no name, no children), or with `all` every image no
 * container uses. Space reclaimed counts the layers that went. The build cache's snapshots are
 * not images: pruning never sees them, and a pruned image the cache holds stays its snapshot.
 */
export function pruneImages(svc: ImageServices, users: ImageUsers, all: boolean): ImagePruneReport {
  const deleted: ImageDeleteItem[] = [];
  let reclaimed = 0;
  const sizes = new Map<ChainId, number>(svc.layers.list().map((l) => [l.chainId, l.size]));
  let progress = true;
  while (progress) {
    progress = false;
    for (const id of svc.images.listedIds()) {
      if (!svc.images.get(id)) continue;
      const named = svc.tags.referencesTo(id).length > 0;
      if ((!all && named) || svc.images.children(id).length > 0 || users.containersUsing(id).length > 0)
        continue;
      const items = deleteImage(svc, users, id, { force: true, noprune: true }, true);
      if (items.length === 0) continue;
      progress = true;
      for (const item of items) {
        deleted.push(item);
        if (item.Deleted) reclaimed += sizes.get(item.Deleted as ChainId) ?? 0;
      }
    }
  }
  return { ImagesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed };
}
