import { conflict, notFound } from '../../api/errors.js';
import type { ImageDeleteItem, ImageRemoveOptions } from '../../api/images.js';
import { hexOf, type ImageId } from '../../images/digest.js';
import {
  familiarName,
  familiarString,
  normalizeForLookup,
  parseNormalized,
  type Reference,
  withDefaultTag,
} from '../../images/reference.js';
import type { ImageServices } from './services.js';

/** The containers standing on an image, which decide what `rmi` may do. */
export interface ImageUsers {
  containersUsing(id: ImageId): { id: string; running: boolean }[];
}

const short = (id: string) => hexOf(id).slice(0, 12);

/**
 * `DELETE /images/{name}` with the daemon's rules: removing one of several names only untags;
 * the last name (or the ID) deletes the image and the layers nothing else uses, then parents
 * left without names or children; containers and child images make it a conflict.
 */
export function removeImage(
  svc: ImageServices,
  users: ImageUsers,
  name: string,
  opts: ImageRemoveOptions,
): ImageDeleteItem[] {
  const record = svc.lookup(name);
  if (!record) throw notFound(`No such image: ${normalizeForLookup(name)}`);
  const id = record.id;
  const out: ImageDeleteItem[] = [];
  const refs = svc.tags.referencesTo(id);
  const parsed = safeParse(name);
  const named = parsed && (parsed.tag || parsed.digest ? parsed : withDefaultTag(parsed));
  if (named && svc.tags.get(named) === id) {
    const ref = named;
    const taggedElsewhere = refs.filter((r) => familiarString(r) !== familiarString(ref) && !r.digest);
    const using = users.containersUsing(id)[0];
    if (taggedElsewhere.length === 0 && using && !opts.force) {
      throw conflict(
        `conflict: unable to remove repository reference "${name}" (must force) - container ${short(using.id)} is using its referenced image ${short(id)}`,
      );
    }
    svc.tags.delete(ref);
    out.push({ Untagged: familiarString(ref) });
    // A repository left with only digest references loses those too.
    const sameRepo = svc.tags.referencesTo(id).filter((r) => familiarName(r) === familiarName(ref));
    if (sameRepo.every((r) => r.digest)) {
      for (const r of sameRepo) {
        svc.tags.delete(r);
        out.push({ Untagged: familiarString(r) });
      }
    }
    if (svc.tags.referencesTo(id).length > 0) return out;
    if (using) return out;
  } else {
    const repos = new Set(refs.filter((r) => !r.digest).map(familiarName));
    if (repos.size > 1 && !opts.force) {
      throw conflict(
        `conflict: unable to delete ${short(id)} (must be forced) - image is referenced in multiple repositories`,
      );
    }
  }
  out.push(...deleteImage(svc, users, id, opts, true));
  return out;
}

function safeParse(name: string): Reference | undefined {
  try {
    return parseNormalized(name);
  } catch {
    return undefined;
  }
}

/** Deletes an image record (untagging what is left), then prunes parents nothing else needs. */
export function deleteImage(
  svc: ImageServices,
  users: ImageUsers,
  id: ImageId,
  opts: ImageRemoveOptions,
  first: boolean,
): ImageDeleteItem[] {
  if (svc.images.children(id).length > 0) {
    if (!first) return [];
    throw conflict(
      `conflict: unable to delete ${short(id)} (cannot be forced) - image has dependent child images`,
    );
  }
  const using = users.containersUsing(id);
  const running = using.find((c) => c.running);
  if (running) {
    if (!first) return [];
    throw conflict(
      `conflict: unable to delete ${short(id)} (cannot be forced) - image is being used by running container ${short(running.id)}`,
    );
  }
  if (using.length > 0 && !opts.force) {
    if (!first) return [];
    throw conflict(
      `conflict: unable to delete ${short(id)} (must be forced) - image is being used by stopped container ${short(using[0]!.id)}`,
    );
  }
  const out: ImageDeleteItem[] = [];
  if (!first && svc.tags.referencesTo(id).length > 0) return [];
  for (const ref of svc.tags.referencesTo(id)) {
    svc.tags.delete(ref);
    out.push({ Untagged: familiarString(ref) });
  }
  const parent = svc.images.get(id)?.parent;
  const removedLayers = svc.removeImage(id);
  out.push({ Deleted: id }, ...removedLayers.map((l) => ({ Deleted: l })));
  if (parent && !opts.noprune && svc.images.get(parent))
    out.push(...deleteImage(svc, users, parent, opts, false));
  return out;
}
