import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * One lock for the whole state folder, held by a command for as long as it mutates state,
 * so concurrent `dockersim` processes (a learner's two terminals, a test running sixteen at
 * once) see each other's changes whole. Stale locks of crashed processes expire.
 */
export async function withStateLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(root, { recursive: true });
  // Loaded on first use: read-only commands never need it.
  const { default: lockfile } = await import('proper-lockfile');
  const release = await lockfile.lock(root, {
    lockfilePath: path.join(root, 'engine.lock'),
    realpath: false,
    stale: 10000,
    retries: { retries: 400, factor: 1.3, minTimeout: 5, maxTimeout: 60, randomize: true },
  });
  try {
    return await fn();
  } finally {
    await release();
  }
}
