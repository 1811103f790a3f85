import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * End-to-end tests run bin/dockersim, which loads the bundle: build it once per test run.
 * A failed build is reported here and then shows as failures of the end-to-end tests only.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`dockersim bundle failed to build:\n${r.stderr}\n`);
}
