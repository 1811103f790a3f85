import { invalidParameter } from '../../api/errors.js';
import type { JsonMessage } from '../../api/images.js';
import { layerToTar, tarToLayer } from '../../fs/layer-tar.js';
import { readTar, type TarEntry, TarFormatError, writeTar } from '../../fs/tar.js';
import { type ChainId, hexOf, type ImageId, sha256 } from '../../images/digest.js';
import { familiarString, parseNormalized, withDefaultTag } from '../../images/reference.js';
import type { ImageServices } from './services.js';

interface ManifestEntry {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
  /** dockersim: the size each layer stands for, so a loaded image shows the size it had. */
  LayerSizes?: number[];
}

const MTIME = 0;

function file(path: string, content: Buffer | string): TarEntry {
  return { path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: MTIME, content: Buffer.from(content) };
}

/** `GET /images/get`: a tar that both docker and dockersim can load (OCI layout plus manifest.json). */
export function saveImages(svc: ImageServices, names: string[]): Buffer {
  const blobs = new Map<string, Buffer>();
  const manifest: ManifestEntry[] = [];
  const indexManifests: unknown[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const name of names) {
    const record = svc.find(name);
    const stack = record.topLayer ? svc.layers.stack(record.topLayer) : [];
    const layerPaths: string[] = [];
    for (const layer of stack) {
      const tar = layerToTar(svc.layers.files(layer.chainId));
      blobs.set(hexOf(layer.diffId), tar);
      layerPaths.push(`blobs/sha256/${hexOf(layer.diffId)}`);
    }
    blobs.set(hexOf(record.id), Buffer.from(record.configJson));
    // Names given as references are saved with that tag; names given as IDs keep every tag.
    const asRef = svc.tags.referencesTo(record.id).filter((r) => !r.digest);
    let tags = asRef.map((r) => familiarString(r));
    try {
      const ref = withDefaultTag(parseNormalized(name));
      if (svc.tags.get(ref) === record.id) tags = [familiarString(ref)];
    } catch {
      /* an ID: keep every tag */
    }
    manifest.push({
      Config: `blobs/sha256/${hexOf(record.id)}`,
      RepoTags: tags.length ? tags : null,
      Layers: layerPaths,
      LayerSizes: stack.map((l) => l.size),
    });
    for (const tag of tags) {
      const ref = parseNormalized(tag);
      repositories[ref.path.replace(/^library\//, '')] ??= {};
      repositories[ref.path.replace(/^library\//, '')]![ref.tag ?? 'latest'] = hexOf(
        stack.at(-1)?.diffId ?? record.id,
      );
    }
    const ociManifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: record.id,
        size: record.configJson.length,
      },
      layers: stack.map((l) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: l.diffId,
        size: blobs.get(hexOf(l.diffId))!.length,
      })),
    });
    const manifestDigest = sha256(ociManifest);
    blobs.set(hexOf(manifestDigest), Buffer.from(ociManifest));
    indexManifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: manifestDigest,
      size: ociManifest.length,
      ...(tags[0] ? { annotations: { 'io.containerd.image.name': tags[0] } } : {}),
    });
  }
  const entries: TarEntry[] = [
    { path: 'blobs', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: MTIME },
    { path: 'blobs/sha256', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: MTIME },
  ];
  for (const hex of [...blobs.keys()].sort()) entries.push(file(`blobs/sha256/${hex}`, blobs.get(hex)!));
  entries.push(
    file(
      'index.json',
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: indexManifests,
      }),
    ),
  );
  entries.push(file('manifest.json', JSON.stringify(manifest)));
  entries.push(file('oci-layout', JSON.stringify({ imageLayoutVersion: '1.0.0' })));
  if (Object.keys(repositories).length) entries.push(file('repositories', JSON.stringify(repositories)));
  return writeTar(entries);
}

/** `POST /images/load`: registers the layers and configs of a saved archive and restores its tags. */
export function loadImages(svc: ImageServices, archive: Buffer, onMessage: (m: JsonMessage) => void): void {
  let entries: TarEntry[];
  try {
    entries = readTar(archive);
  } catch (e) {
    if (e instanceof TarFormatError) throw invalidParameter('archive/tar: invalid tar header');
    throw e;
  }
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const manifestEntry = byPath.get('manifest.json');
  if (!manifestEntry?.content)
    throw invalidParameter('open /var/lib/docker/tmp/docker-import/manifest.json: no such file or directory');
  const manifest = JSON.parse(Buffer.from(manifestEntry.content).toString()) as ManifestEntry[];
  for (const item of manifest) {
    const configJson = Buffer.from(byPath.get(item.Config)?.content ?? []).toString();
    let top: ChainId | undefined;
    item.Layers.forEach((layerPath, i) => {
      const below = top;
      const files = tarToLayer(byPath.get(layerPath)?.content ?? new Uint8Array());
      top = svc.layers.register(below, files, item.LayerSizes?.[i]).info.chainId;
      if (below) svc.layers.release(below);
    });
    const record = svc.images.create(configJson);
    if (top) svc.layers.release(top);
    if (!item.RepoTags?.length) {
      onMessage({ stream: `Loaded image ID: ${record.id}\n` });
      continue;
    }
    for (const tag of item.RepoTags) {
      const ref = withDefaultTag(parseNormalized(tag));
      const previous = svc.tags.get(ref);
      if (previous && previous !== record.id) {
        onMessage({
          stream: `The image ${familiarString(ref)} already exists, renaming the old one with ID ${previous} to empty string\n`,
        });
      }
      svc.tags.set(ref, record.id as ImageId);
      onMessage({ stream: `Loaded image: ${familiarString(ref)}\n` });
    }
  }
}
