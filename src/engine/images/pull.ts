import { EngineError, invalidParameter, notFound } from '../../api/errors.js';
import type { PullFact } from '../../api/explain.js';
import type { JsonMessage } from '../../api/images.js';
import type { ChainId } from '../../images/digest.js';
import { hexOf } from '../../images/digest.js';
import {
  familiarString,
  parseNormalized,
  type Reference,
  repoPath,
  tagOrDigest,
  withDefaultTag,
  withTag,
} from '../../images/reference.js';
import { RegistryError } from '../../images/registry.js';
import type { Runtime } from '../runtime.js';
import type { ImageServices } from './services.js';

/** Simulated bandwidth of the offline registry: what a decent home connection gives. */
const BYTES_PER_SECOND = 25e6;
const MAX_CONCURRENT_DOWNLOADS = 3;

export interface PullResult {
  ref: Reference;
  /** True when the image was already present with that name. */
  upToDate: boolean;
  /** What `--explain` says about it: each layer by digest, downloaded or already present. */
  fact: PullFact;
}

function registryFailure(e: unknown): never {
  if (e instanceof RegistryError) {
    if (e.kind === 'manifest-unknown' || e.kind === 'repository-not-found') throw notFound(e.message);
    throw new EngineError('system', e.message);
  }
  throw e;
}

/**
 * Pulls one reference: fetches the manifest, reports each layer (`Already exists` when its
 * chain is in the layer store), registers the missing ones, stores the config and tags it.
 * Simulated time passes for the transfer.
 */
export function pullImage(
  svc: ImageServices,
  rt: Runtime,
  input: string,
  onMessage: (m: JsonMessage) => void,
): PullResult {
  const ref = withDefaultTag(parseNormalized(input));
  let remote: ReturnType<typeof svc.registry.resolve>;
  try {
    remote = svc.registry.resolve(ref);
  } catch (e) {
    registryFailure(e);
  }
  onMessage({ status: `Pulling from ${repoPath(ref)}`, id: tagOrDigest(ref) });
  const existing = svc.tags.get(ref);
  // Which layers are missing: a chain present in the store "Already exists".
  let parent: ChainId | undefined;
  const plan = remote.layers.map((layer) => {
    const chain = svc.layers.chainFor(parent, layer.diffId);
    parent = chain;
    return { layer, chain, id: hexOf(layer.digest).slice(0, 12), present: svc.layers.has(chain) };
  });
  const upToDate = existing === remote.id && svc.images.get(remote.id) !== undefined;
  const fact: PullFact = {
    kind: 'pull',
    ref: familiarString(ref),
    imageId: remote.id,
    manifestDigest: remote.manifestDigest,
    upToDate,
    layers: plan.map((p) => ({
      digest: p.layer.digest,
      diffId: p.layer.diffId,
      chainId: p.chain,
      size: p.layer.size,
      present: p.present,
    })),
  };
  svc.narration?.push(fact);
  if (upToDate) {
    onMessage({ status: `Digest: ${remote.manifestDigest}` });
    onMessage({ status: `Status: Image is up to date for ${familiarString(ref)}` });
    return { ref, upToDate: true, fact };
  }
  const missing = plan.filter((p) => !p.present);
  for (const p of plan)
    onMessage({ status: p.present ? 'Already exists' : 'Pulling fs layer', id: p.id, progressDetail: {} });
  missing.slice(MAX_CONCURRENT_DOWNLOADS).forEach((p) => {
    onMessage({ status: 'Waiting', id: p.id, progressDetail: {} });
  });
  for (const p of missing) {
    const total = p.layer.compressedSize;
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      onMessage({
        status: 'Downloading',
        id: p.id,
        progressDetail: { current: Math.round(total * fraction), total },
      });
    }
    rt.clock.advance((total / BYTES_PER_SECOND) * 1000);
    onMessage({ status: 'Verifying Checksum', id: p.id, progressDetail: {} });
    onMessage({ status: 'Download complete', id: p.id, progressDetail: {} });
  }
  // Registering takes a temporary reference on each layer; once its child stands on it (or the
  // image holds the top one) the temporary reference is dropped again.
  let top: ChainId | undefined;
  for (const p of plan) {
    if (!p.present && p.layer.size > 0) {
      const total = p.layer.size;
      for (const fraction of [0.5, 1]) {
        onMessage({
          status: 'Extracting',
          id: p.id,
          progressDetail: { current: Math.round(total * fraction), total },
        });
      }
    }
    const below = top;
    top = svc.layers.register(below, p.layer.files, p.layer.size).info.chainId;
    if (below) svc.layers.release(below);
    if (!p.present) onMessage({ status: 'Pull complete', id: p.id, progressDetail: {} });
  }
  svc.images.create(remote.configJson);
  if (top) svc.layers.release(top);
  svc.tags.set(ref, remote.id);
  svc.tags.set({ domain: ref.domain, path: ref.path, digest: remote.manifestDigest }, remote.id);
  svc.images.setLastTagTime(remote.id, new Date(rt.clock.now()).toISOString());
  onMessage({ status: `Digest: ${remote.manifestDigest}` });
  onMessage({ status: `Status: Downloaded newer image for ${familiarString(ref)}` });
  return { ref, upToDate: false, fact };
}

/** `pull --all-tags`: every tag of the repository, in order. */
export function pullAllTags(
  svc: ImageServices,
  rt: Runtime,
  input: string,
  onMessage: (m: JsonMessage) => void,
): void {
  const ref = parseNormalized(input);
  if (ref.tag || ref.digest) throw invalidParameter("tag can't be used with --all-tags/-a");
  let tags: string[];
  try {
    tags = svc.registry.tags(ref);
  } catch (e) {
    registryFailure(e);
  }
  for (const tag of tags) pullImage(svc, rt, familiarString(withTag(ref, tag)), onMessage);
}
