import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The offline package indexes: declarative JSON in fixtures/packages/ (one file per
 * distribution release or language registry). They are read once per process, found by walking
 * up from this module to the folder that holds package.json, so the same code works from
 * src/ (tests) and from the bundle in dist/.
 */
let dir: string | undefined;
const cache = new Map<string, unknown>();

function packagesDir(): string {
  if (dir) return dir;
  let at = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(at, 'package.json'))) {
      dir = path.join(at, 'fixtures', 'packages');
      return dir;
    }
    const parent = path.dirname(at);
    if (parent === at) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    at = parent;
  }
}

/** One index document (`alpine-v3.20`, `debian-bookworm`, `pypi`, `npm`); undefined when absent. */
export function loadIndex<T>(name: string): T | undefined {
  if (cache.has(name)) return cache.get(name) as T | undefined;
  const file = path.join(packagesDir(), `${name}.json`);
  const doc = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
  cache.set(name, doc);
  return doc;
}
