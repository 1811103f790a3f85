import type { ImageSummary } from '../../api/images.js';
import { RowContext } from '../context.js';
import { ago } from '../duration.js';
import { humanSize, humanSizeWithPrecision } from '../size.js';
import { goTimeString } from '../time.js';
import { truncateId } from '../width.js';

export const IMAGE_HEADERS: Record<string, string> = {
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  ID: 'IMAGE ID',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
  VirtualSize: 'SIZE',
};

export const IMAGE_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince}}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
export const IMAGE_TABLE_DIGESTS =
  'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince}}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

/** One row of `docker images`: an image under one of its names. */
export class ImageContext extends RowContext {
  constructor(
    private readonly image: ImageSummary,
    private readonly repo: string,
    private readonly tag: string,
    private readonly digest: string,
    private readonly now: number,
    private readonly trunc: boolean,
  ) {
    super('*formatter.imageContext');
  }
  get ID(): string {
    return this.trunc ? truncateId(this.image.Id) : this.image.Id;
  }
  get Repository(): string {
    return this.repo;
  }
  get Tag(): string {
    return this.tag;
  }
  get Digest(): string {
    return this.digest;
  }
  get CreatedSince(): string {
    return ago(this.now - this.image.Created * 1000);
  }
  get CreatedAt(): string {
    return goTimeString(this.image.Created * 1000);
  }
  get Size(): string {
    return humanSizeWithPrecision(this.image.Size, 3);
  }
  get Containers(): string {
    return this.image.Containers < 0 ? 'N/A' : String(this.image.Containers);
  }
  get VirtualSize(): string {
    return humanSize(this.image.Size);
  }
  get SharedSize(): string {
    return this.image.SharedSize < 0 ? 'N/A' : humanSize(this.image.SharedSize);
  }
  get UniqueSize(): string {
    return this.image.SharedSize < 0 ? 'N/A' : humanSize(this.image.Size - this.image.SharedSize);
  }
}

function splitRef(ref: string, sep: '@' | ':'): [string, string] {
  const at = sep === '@' ? ref.indexOf('@') : ref.lastIndexOf(':');
  if (at < 0 || (sep === ':' && ref.slice(at).includes('/'))) return [ref, ''];
  return [ref.slice(0, at), ref.slice(at + 1)];
}

/**
 * docker's row expansion: a dangling image is one `<none> <none>` row; otherwise one row per
 * tag of each repository (per tag and digest with `--digests`), a digest-only repository as a
 * `<none>` tag.
 */
export function imageRows(
  images: ImageSummary[],
  now: number,
  opts: { digests: boolean; trunc: boolean },
): ImageContext[] {
  const rows: ImageContext[] = [];
  for (const image of images) {
    const repos = new Map<string, { tags: string[]; digests: string[] }>();
    const entry = (name: string) => {
      if (!repos.has(name)) repos.set(name, { tags: [], digests: [] });
      return repos.get(name)!;
    };
    for (const d of image.RepoDigests) {
      const [name, digest] = splitRef(d, '@');
      if (name !== '<none>') entry(name).digests.push(digest);
    }
    for (const t of image.RepoTags) {
      const [name, tag] = splitRef(t, ':');
      if (name !== '<none>') entry(name).tags.push(tag);
    }
    if (repos.size === 0) {
      rows.push(new ImageContext(image, '<none>', '<none>', '<none>', now, opts.trunc));
      continue;
    }
    for (const [name, { tags, digests }] of repos) {
      const tagList = tags.length ? tags : ['<none>'];
      for (const tag of tagList) {
        if (opts.digests && digests.length) {
          for (const digest of digests)
            rows.push(new ImageContext(image, name, tag, digest, now, opts.trunc));
        } else {
          rows.push(new ImageContext(image, name, tag, digests[0] ?? '<none>', now, opts.trunc));
        }
      }
    }
  }
  return rows;
}
