// Bundles the CLI into dist/ so that start-up loads a few files instead of hundreds of modules.
// Commands are split into chunks loaded on demand.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/process.ts' },
  outdir: 'dist',
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
