import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

function newest(dir: string): number {
  let latest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * End-to-end tests run bin/dockersim, which loads the bundle: build it when the sources are
 * newer than it. A failed build is reported here and then shows as failures of those tests.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const bundle = path.join(root, 'dist', 'cli.js');
  const fresh = fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= newest(path.join(root, 'src'));
  if (fresh) return;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) process.stderr.write(`dockersim bundle failed to build:\n${r.stderr}\n`);
}
