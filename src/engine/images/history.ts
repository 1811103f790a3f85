import type { HistoryItem } from '../../api/images.js';
import type { ImageId } from '../../images/digest.js';
import type { ImageServices } from './services.js';

/** `GET /images/{name}/history`: one row per history entry, newest first, sizes from the layers. */
export function imageHistory(svc: ImageServices, name: string): HistoryItem[] {
  const record = svc.find(name);
  const layers = record.topLayer ? svc.layers.stack(record.topLayer) : [];
  // Rows that begin a known image (this one and its build parents) carry that image's ID.
  const owners = new Map<number, ImageId>();
  for (let at: typeof record | undefined = record; at; ) {
    owners.set(at.config.history.length - 1, at.id);
    at = at.parent ? svc.images.get(at.parent) : undefined;
  }
  let layerIndex = 0;
  const rows: HistoryItem[] = record.config.history.map((h, i) => {
    const size = h.empty_layer ? 0 : (layers[layerIndex++]?.size ?? 0);
    const owner = owners.get(i);
    const created = Date.parse(h.created);
    return {
      Id: owner ?? '<missing>',
      Created: Number.isNaN(created) ? 0 : Math.floor(created / 1000),
      CreatedBy: h.created_by ?? '',
      Tags: owner ? svc.names(owner).tags : null,
      Size: size,
      Comment: h.comment ?? '',
    };
  });
  return rows.reverse();
}
