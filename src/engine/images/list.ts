import { invalidParameter } from '../../api/errors.js';
import type { Filters, ImageListOptions, ImageSummary } from '../../api/images.js';
import type { ImageId } from '../../images/digest.js';
import type { ImageRecord } from '../../images/images.js';
import { familiarName } from '../../images/reference.js';
import type { ImageServices } from './services.js';

const IMAGE_FILTERS = ['dangling', 'label', 'before', 'since', 'reference', 'until'];

export function createdSeconds(record: ImageRecord): number {
  const ms = Date.parse(record.config.created);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

export function summarize(svc: ImageServices, record: ImageRecord): ImageSummary {
  const { tags, digests } = svc.names(record.id);
  return {
    Id: record.id,
    ParentId: record.parent ?? '',
    RepoTags: tags,
    RepoDigests: digests,
    Created: createdSeconds(record),
    Size: svc.size(record),
    SharedSize: -1,
    Labels: record.config.config?.Labels ?? null,
    Containers: -1,
  };
}

/** Shell-style pattern match as Go's path.Match does it for `reference=` filters. */
export function globMatch(pattern: string, text: string): boolean {
  let re = '^';
  for (const ch of pattern) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${re}$`).test(text);
}

function matchesReference(svc: ImageServices, id: ImageId, patterns: string[]): boolean {
  return svc.tags.referencesTo(id).some((ref) =>
    patterns.some((pattern) => {
      const name = familiarName(ref);
      if (pattern.includes(':') || pattern.includes('@')) {
        const full = ref.tag ? `${name}:${ref.tag}` : `${name}@${ref.digest}`;
        return globMatch(pattern, full);
      }
      return globMatch(pattern, name);
    }),
  );
}

function labelMatch(labels: Record<string, string> | null | undefined, wanted: string[]): boolean {
  return wanted.every((w) => {
    const eq = w.indexOf('=');
    const key = eq < 0 ? w : w.slice(0, eq);
    if (!labels || !(key in labels)) return false;
    return eq < 0 || labels[key] === w.slice(eq + 1);
  });
}

/**
 * `GET /images/json`: newest first, intermediate images only with `all`, filters as the daemon
 * applies them. BuildKit's step results are build cache, not images: never listed, even with `all`.
 */
export function listImages(svc: ImageServices, opts: ImageListOptions): ImageSummary[] {
  const filters: Filters = opts.filters ?? {};
  for (const key of Object.keys(filters))
    if (!IMAGE_FILTERS.includes(key)) throw invalidParameter(`invalid filter '${key}'`);
  const dangling = filters.dangling?.[0];
  if (dangling !== undefined && !['true', 'false', '1', '0'].includes(dangling)) {
    throw invalidParameter(`invalid filter 'dangling=${dangling}'`);
  }
  const bound = (key: 'before' | 'since') => {
    const name = filters[key]?.[0];
    return name === undefined ? undefined : createdSeconds(svc.find(name));
  };
  const before = bound('before');
  const since = bound('since');
  const out: ImageSummary[] = [];
  for (const id of svc.images.listedIds()) {
    const record = svc.images.get(id);
    if (!record) continue;
    const summary = summarize(svc, record);
    const untagged = summary.RepoTags.length === 0 && summary.RepoDigests.length === 0;
    if (!opts.all && untagged && svc.images.children(id).length > 0) continue;
    if (dangling === 'true' || dangling === '1') {
      if (!untagged) continue;
    } else if (dangling === 'false' || dangling === '0') {
      if (untagged) continue;
    }
    if (filters.reference && !matchesReference(svc, id, filters.reference)) continue;
    if (filters.label && !labelMatch(summary.Labels, filters.label)) continue;
    if (before !== undefined && summary.Created >= before) continue;
    if (since !== undefined && summary.Created <= since) continue;
    out.push(summary);
  }
  return out.sort((a, b) => b.Created - a.Created || (a.Id < b.Id ? -1 : 1));
}
