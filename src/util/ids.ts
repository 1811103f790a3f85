import type { Random } from './random.js';

/**
 * A 64-hex ID whose 12-character prefix is never all digits, so the short form can serve
 * as a hostname (docker regenerates such IDs too).
 */
export function generateId(random: Random): string {
  for (;;) {
    const id = random.bytes(32).toString('hex');
    if (!/^\d{12}/.test(id)) return id;
  }
}

export function shortId(id: string): string {
  const colon = id.indexOf(':');
  return (colon >= 0 ? id.slice(colon + 1) : id).slice(0, 12);
}
