/**
 * The offline registry: the images `docker pull` can fetch, read from declarative JSON fixtures.
 *
 *   fixtures/registry/repos/<namespace>/<name>.json   one repository: description, stars, tags → image keys,
 *                                                     and per image its config, history and layer names
 *   fixtures/registry/layers/<layer-name>.json        one layer: size, compressed size and files
 *
 * Images that share a base in reality name the same layer file (nginx, redis, postgres... all start
 * with `debian-bookworm-slim`), so pulling one after the other finds that layer already present.
 *
 * Layer files are entries with paths relative to the root (`etc/os-release`, no leading slash).
 * A `program` entry is an executable the simulator runs as the simulated program it names. Program
 * names are `<command>` or `<package>:<command>` (`coreutils:ls`, `util-linux:lsns`), optionally
 * followed by `@<version>` where the program reports a version (`bash@5.2.15`, `nginx@1.27.0`).
 * Program entries carry no content; what `cat` shows for them is up to the layer builder.
 *
 * Everything is read lazily and cached: resolving `nginx:latest` reads one repository file and
 * the image's layer files, nothing else.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLayer } from './catalog-layer.js';
import {
  CatalogError,
  type CatalogFile,
  type CatalogHistory,
  type CatalogImageConfig,
  type CatalogLayer,
  LAYER_NAME,
  parseRepository,
  type RepositoryDoc,
} from './catalog-schema.js';

export type { CatalogFile, CatalogHistory, CatalogImageConfig, CatalogLayer };
export { CatalogError };

export interface CatalogImage {
  /** Repository path, e.g. `library/nginx`. */
  repository: string;
  /** The image's key inside its repository file (several tags may name it). */
  key: string;
  created: string;
  author: string;
  /** Bottom layer first. */
  layers: CatalogLayer[];
  /** Oldest first; one entry without `empty_layer` per layer, in the same order. */
  history: CatalogHistory[];
  config: CatalogImageConfig;
}

export interface CatalogRepository {
  /** `library/alpine`, `nicolaka/netshoot`. */
  path: string;
  description: string;
  stars: number;
  official: boolean;
  /** tag → image key */
  tags: Record<string, string>;
}

/** `namespace/name` as Docker Hub spells repositories (lower case; no registry host, no tag). */
const REPOSITORY_PATH = /^[a-z0-9]+(?:[._-][a-z0-9]+)*\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export class Catalog {
  private readonly repos = new Map<string, RepositoryDoc | null>();
  private readonly layers = new Map<string, CatalogLayer>();
  private readonly images = new Map<string, CatalogImage>();

  /** dir: the registry folder, holding `repos/` and `layers/`. */
  constructor(readonly dir: string) {}

  /**
   * fixtures/registry of the package this module belongs to. Walks up from this file until a folder
   * has a package.json, so it works from src/images/ (tests) and from the bundle in dist/.
   */
  static defaultDir(): string {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (;;) {
      if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'fixtures', 'registry');
      const parent = path.dirname(dir);
      if (parent === dir) throw new CatalogError(`no package.json above ${fileURLToPath(import.meta.url)}`);
      dir = parent;
    }
  }

  repository(repoPath: string): CatalogRepository | undefined {
    const doc = this.repoDoc(repoPath);
    if (!doc) return undefined;
    const { description, stars, official, tags } = doc;
    return { path: repoPath, description, stars, official, tags: { ...tags } };
  }

  /** The image a tag of a repository stands for, with its layers loaded; undefined for an unknown one. */
  resolve(repoPath: string, tag: string): CatalogImage | undefined {
    const doc = this.repoDoc(repoPath);
    if (!doc || !Object.hasOwn(doc.tags, tag)) return undefined;
    const key = doc.tags[tag] as string;
    const cacheKey = `${repoPath}\u0000${key}`;
    const cached = this.images.get(cacheKey);
    if (cached) return cached;
    const img = doc.images[key];
    if (!img) return undefined;
    const image: CatalogImage = {
      repository: repoPath,
      key,
      created: img.created,
      author: img.author,
      layers: img.layers.map((name) => this.layer(name)),
      history: img.history,
      config: img.config,
    };
    this.images.set(cacheKey, image);
    return image;
  }

  /** Every repository, sorted by path (for `docker search`). */
  repositories(): CatalogRepository[] {
    const root = path.join(this.dir, 'repos');
    const found: string[] = [];
    for (const ns of safeReaddir(root)) {
      for (const f of safeReaddir(path.join(root, ns))) {
        if (f.endsWith('.json')) found.push(`${ns}/${f.slice(0, -'.json'.length)}`);
      }
    }
    return found
      .sort()
      .map((p) => this.repository(p))
      .filter((r): r is CatalogRepository => r !== undefined);
  }

  /** A layer by name; a missing or malformed layer file is a CatalogError. */
  layer(name: string): CatalogLayer {
    const cached = this.layers.get(name);
    if (cached) return cached;
    const file = path.join(this.dir, 'layers', `${name}.json`);
    if (!LAYER_NAME.test(name)) throw new CatalogError(`${file}: not a valid layer name`);
    const layer = parseLayer(file, name, readJson(file));
    this.layers.set(name, layer);
    return layer;
  }

  private repoDoc(repoPath: string): RepositoryDoc | undefined {
    if (this.repos.has(repoPath)) return this.repos.get(repoPath) ?? undefined;
    let doc: RepositoryDoc | null = null;
    if (REPOSITORY_PATH.test(repoPath)) {
      const file = path.join(this.dir, 'repos', `${repoPath}.json`);
      if (existsSync(file)) doc = parseRepository(file, readJson(file));
    }
    this.repos.set(repoPath, doc);
    return doc ?? undefined;
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CatalogError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})`}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CatalogError(`${file}: invalid JSON (${(err as Error).message})`);
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
