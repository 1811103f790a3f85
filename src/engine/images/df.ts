import type { DiskUsage } from '../../api/engine.js';
import type { ChainId } from '../../images/digest.js';
import { summarize } from './list.js';
import type { ImageServices } from './services.js';

/** The images part of `GET /system/df`: sizes, and what each image shares with others. */
export function imageDiskUsage(
  svc: ImageServices,
  containersUsing: (id: string) => number,
): Pick<DiskUsage, 'LayersSize' | 'Images'> {
  const users = new Map<ChainId, number>();
  // Step results only the build cache holds are counted on its line, not here.
  const records = svc.images
    .listedIds()
    .map((id) => svc.images.get(id)!)
    .filter(Boolean);
  for (const r of records) {
    for (const l of r.topLayer ? svc.layers.stack(r.topLayer) : [])
      users.set(l.chainId, (users.get(l.chainId) ?? 0) + 1);
  }
  const sizes = new Map(svc.layers.list().map((l) => [l.chainId, l.size]));
  const layersSize = [...users.keys()].reduce((n, chain) => n + (sizes.get(chain) ?? 0), 0);
  const images = records.map((r) => {
    const stack = r.topLayer ? svc.layers.stack(r.topLayer) : [];
    const shared = stack.filter((l) => (users.get(l.chainId) ?? 0) > 1).reduce((n, l) => n + l.size, 0);
    return { ...summarize(svc, r), SharedSize: shared, Containers: containersUsing(r.id) };
  });
  images.sort((a, b) => b.Created - a.Created);
  return { LayersSize: layersSize, Images: images };
}
