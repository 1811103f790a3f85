// Bundles the CLI into dist/ so that start-up loads a few files instead of hundreds of modules.
// Commands are split into chunks loaded on demand. The bundle is built beside dist/ and swapped
// in whole, so a dockersim process running meanwhile never sees half of it.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const tmp = `dist.build-${process.pid}`;
await build({
  entryPoints: { cli: 'src/cli/process.ts' },
  outdir: tmp,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
const old = `dist.old-${process.pid}`;
if (existsSync('dist')) renameSync('dist', old);
renameSync(tmp, 'dist');
rmSync(old, { recursive: true, force: true });
