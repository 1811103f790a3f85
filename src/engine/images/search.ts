import { invalidParameter } from '../../api/errors.js';
import type { Filters, SearchResult } from '../../api/images.js';
import type { ImageServices } from './services.js';

/** `GET /images/search` over the offline registry's repositories, most stars first as Hub ranks them. */
export function searchImages(
  svc: ImageServices,
  term: string,
  limit: number,
  filters: Filters,
): SearchResult[] {
  for (const key of Object.keys(filters)) {
    if (!['is-official', 'is-automated', 'stars'].includes(key))
      throw invalidParameter(`invalid filter '${key}'`);
  }
  const minStars = Number(filters.stars?.[0] ?? '0');
  if (Number.isNaN(minStars)) throw invalidParameter(`invalid filter 'stars=${filters.stars?.[0]}'`);
  const official = filters['is-official']?.[0];
  const needle = term.toLowerCase();
  const results = svc.registry.catalogue
    .repositories()
    .map((repo) => ({
      name: repo.path.replace(/^library\//, ''),
      description: repo.description,
      star_count: repo.stars,
      is_official: repo.official,
      is_automated: false,
    }))
    .filter((r) => r.name.includes(needle) || r.description.toLowerCase().includes(needle))
    .filter((r) => r.star_count >= minStars)
    .filter((r) => official === undefined || String(r.is_official) === official)
    .sort((a, b) => b.star_count - a.star_count);
  return results.slice(0, limit);
}
