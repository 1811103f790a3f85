import { invalidParameter } from '../../api/errors.js';
import { parseNormalized, withDefaultTag } from '../../images/reference.js';
import type { Runtime } from '../runtime.js';
import type { ImageServices } from './services.js';

/** `POST /images/{name}/tag`: points a new name at an image; an old holder of the name is left untagged. */
export function tagImage(svc: ImageServices, rt: Runtime, source: string, target: string): void {
  const record = svc.find(source);
  const ref = parseNormalized(target);
  if (ref.digest) throw invalidParameter('refusing to create a tag with a digest reference');
  svc.tags.set(withDefaultTag(ref), record.id);
  svc.images.setLastTagTime(record.id, new Date(rt.clock.now()).toISOString());
}
