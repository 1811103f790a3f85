import { createHash } from 'node:crypto';

/**
 * The one place digests are computed. IDs are branded strings so that an image ID cannot be
 * passed where a chain ID is expected.
 */
export type Digest = string & { readonly __digest: true };
export type DiffId = Digest & { readonly __diffId: true };
export type ChainId = Digest & { readonly __chainId: true };
export type ImageId = Digest & { readonly __imageId: true };

export function sha256(data: Uint8Array | string): Digest {
  return `sha256:${createHash('sha256').update(data).digest('hex')}` as Digest;
}

export const diffIdOf = (layerTar: Uint8Array): DiffId => sha256(layerTar) as DiffId;

/** OCI image spec: ChainID(L0) = DiffID(L0); ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)). */
export function chainIds(diffIds: readonly DiffId[]): ChainId[] {
  const out: ChainId[] = [];
  for (const diff of diffIds) {
    const prev = out[out.length - 1];
    out.push((prev === undefined ? diff : chainStep(prev, diff)) as unknown as ChainId);
  }
  return out;
}

/** Chain links already hashed: a stack of fifty layers is walked again for every image above it. */
const links = new Map<string, string>();

function chainStep(prev: ChainId, diff: DiffId): string {
  const key = `${prev} ${diff}`;
  let chain = links.get(key);
  if (chain === undefined) {
    chain = sha256(key);
    if (links.size > 10_000) links.clear();
    links.set(key, chain);
  }
  return chain;
}

/** An image's ID is the digest of its config JSON, byte for byte. */
export const imageIdOf = (configJson: string | Uint8Array): ImageId => sha256(configJson) as ImageId;

/** The hex part of a digest (`sha256:abc…` → `abc…`). */
export function hexOf(d: string): string {
  const colon = d.indexOf(':');
  return colon >= 0 ? d.slice(colon + 1) : d;
}
