import { type FileEntry, programContent } from '../fs/files.js';
import { layerToTar } from '../fs/layer-tar.js';
import { Catalog, type CatalogImage, type CatalogLayer } from './catalog.js';
import { type ImageConfig, serializeConfig } from './config.js';
import { type DiffId, type Digest, diffIdOf, type ImageId, imageIdOf, sha256 } from './digest.js';
import { familiarName, familiarString, type Reference, repoPath } from './reference.js';

/** A layer as the registry serves it. */
export interface RegistryLayer {
  /** The blob digest (layers are served uncompressed, so it equals the DiffID). */
  digest: Digest;
  diffId: DiffId;
  files: FileEntry[];
  size: number;
  compressedSize: number;
}

export interface RegistryImage {
  manifestDigest: Digest;
  configJson: string;
  config: ImageConfig;
  id: ImageId;
  layers: RegistryLayer[];
}

export type RegistryErrorKind = 'repository-not-found' | 'manifest-unknown' | 'unreachable';

export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Catalog files carry no dates of their own; every layer file gets this one (the catalog's snapshot). */
const LAYER_MTIME = Date.parse('2024-07-01T00:00:00Z') / 1000;

export function catalogLayerFiles(layer: CatalogLayer): FileEntry[] {
  return layer.files.map((f): FileEntry => {
    const base = {
      path: `/${f.path.replace(/^\/+/, '')}`,
      mode: f.mode,
      uid: f.uid,
      gid: f.gid,
      mtime: LAYER_MTIME,
    };
    switch (f.type) {
      case 'program':
        return { ...base, type: 'file', content: programContent(f.program ?? f.path.split('/').pop()!) };
      case 'symlink':
        return { ...base, type: 'symlink', target: f.target ?? '' };
      case 'file':
        return { ...base, type: 'file', content: Buffer.from(f.content ?? '', 'utf8') };
      default:
        return { ...base, type: f.type };
    }
  });
}

/**
 * The offline stand-in for Docker Hub: repositories and tags from fixtures/registry, served as
 * manifests, configs and layer blobs whose digests follow from their content.
 */
export class OfflineRegistry {
  private readonly layerCache = new Map<string, RegistryLayer>();

  constructor(private readonly catalog: Catalog = new Catalog(Catalog.defaultDir())) {}

  get catalogue(): Catalog {
    return this.catalog;
  }

  /** Tags of a repository, for `pull --all-tags`. */
  tags(ref: Reference): string[] {
    return Object.keys(this.repository(ref).tags).sort();
  }

  private repository(ref: Reference) {
    if (ref.domain !== 'docker.io') {
      const host = ref.domain.includes(':') ? ref.domain : `${ref.domain}:443`;
      throw new RegistryError(
        'unreachable',
        `Get "https://${ref.domain}/v2/": dial tcp: lookup ${host.split(':')[0]}: no such host`,
      );
    }
    const repo = this.catalog.repository(repoPath(ref));
    if (!repo) {
      throw new RegistryError(
        'repository-not-found',
        `pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      );
    }
    return repo;
  }

  resolve(ref: Reference): RegistryImage {
    this.repository(ref);
    const tag = ref.tag ?? 'latest';
    const image = ref.digest ? this.byDigest(ref) : this.catalog.resolve(repoPath(ref), tag);
    if (!image) {
      throw new RegistryError(
        'manifest-unknown',
        `manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`,
      );
    }
    return this.build(image);
  }

  private byDigest(ref: Reference): CatalogImage | undefined {
    const repo = this.catalog.repository(repoPath(ref))!;
    for (const tag of Object.keys(repo.tags)) {
      const image = this.catalog.resolve(repoPath(ref), tag);
      if (image && this.build(image).manifestDigest === ref.digest) return image;
    }
    return undefined;
  }

  private layer(layer: CatalogLayer): RegistryLayer {
    const cached = this.layerCache.get(layer.name);
    if (cached) return cached;
    const files = catalogLayerFiles(layer);
    const diffId = diffIdOf(layerToTar(files));
    const built: RegistryLayer = {
      digest: diffId,
      diffId,
      files,
      size: layer.size,
      compressedSize: layer.compressedSize,
    };
    this.layerCache.set(layer.name, built);
    return built;
  }

  private build(image: CatalogImage): RegistryImage {
    const layers = image.layers.map((l) => this.layer(l));
    const c = image.config;
    const config: ImageConfig = {
      architecture: 'amd64',
      ...(image.author ? { author: image.author } : {}),
      config: {
        ...(c.User ? { User: c.User } : {}),
        ...(c.ExposedPorts ? { ExposedPorts: c.ExposedPorts as Record<string, Record<string, never>> } : {}),
        Env: c.Env,
        ...(c.Entrypoint ? { Entrypoint: c.Entrypoint } : {}),
        Cmd: c.Cmd,
        ...(c.Healthcheck ? { Healthcheck: c.Healthcheck } : {}),
        ...(c.Volumes ? { Volumes: c.Volumes as Record<string, Record<string, never>> } : {}),
        WorkingDir: c.WorkingDir,
        Labels: c.Labels,
        ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
      },
      created: image.created,
      history: image.history.map((h) => ({ ...h })),
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    };
    const configJson = serializeConfig(config);
    const id = imageIdOf(configJson);
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: id,
        size: Buffer.byteLength(configJson),
      },
      layers: layers.map((l) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: l.digest,
        size: l.compressedSize,
      })),
    };
    return { manifestDigest: sha256(JSON.stringify(manifest)), configJson, config, id, layers };
  }
}
