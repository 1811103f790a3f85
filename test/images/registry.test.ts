import { describe, expect, it } from 'vitest';
import { parseNormalized, withDefaultTag } from '../../src/images/reference.js';
import { OfflineRegistry } from '../../src/images/registry.js';

/**
 * The registry fixture gives the same digests on every run and every machine: these IDs are
 * the sha256 of configs and layer tars built from fixtures/registry. A change to a fixture's
 * content changes them on purpose (update the table then).
 */
const EXPECTED: Record<string, string> = {
  'hello-world': 'e64a7ee53ab6',
  'alpine:3.20': 'a62ea076d32d',
  'debian:bookworm-slim': '9142f7004177',
};

describe('offline registry digests', () => {
  it('are stable across registry instances', () => {
    for (const name of Object.keys(EXPECTED)) {
      const ref = withDefaultTag(parseNormalized(name));
      const a = new OfflineRegistry().resolve(ref);
      const b = new OfflineRegistry().resolve(ref);
      expect(a.id).toBe(b.id);
      expect(a.manifestDigest).toBe(b.manifestDigest);
      expect(a.layers.map((l) => l.diffId)).toEqual(b.layers.map((l) => l.diffId));
    }
  });

  it('match the recorded IDs', () => {
    const id = (name: string) =>
      new OfflineRegistry().resolve(withDefaultTag(parseNormalized(name))).id.slice(7, 19);
    for (const [name, short] of Object.entries(EXPECTED)) expect(id(name)).toBe(short);
  });
});
