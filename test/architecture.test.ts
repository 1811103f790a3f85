import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction of shared/architecture.md, enforced: each folder of src/ may import
 * only the folders listed for it (and itself). Packages from node_modules are listed per folder.
 */
const ALLOWED: Record<string, string[]> = {
  api: [],
  util: [],
  store: [],
  format: ['api', 'util'],
  shell: ['util'],
  kernel: ['store', 'util'],
  fs: ['store', 'util'],
  images: ['fs', 'store', 'util'],
  programs: ['shell', 'kernel', 'fs', 'util'],
  // The builder handles files (COPY, layers of steps): it reads fs types as images do.
  builder: ['api', 'images', 'fs', 'util'],
  engine: ['api', 'images', 'fs', 'builder', 'kernel', 'programs', 'shell', 'store', 'util'],
  learn: ['api', 'format', 'util'],
  cli: ['api', 'format', 'util', 'learn'],
};

const PACKAGES: Record<string, string[]> = {
  cli: ['commander', 'chalk', 'ora', 'cli-table3'],
  learn: ['chalk'],
};

const SRC = path.resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Static and dynamic import specifiers of a file. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const re =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!;
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('every folder of src/ is in the table', () => {
    const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory());
    for (const f of folders) expect(Object.keys(ALLOWED)).toContain(f.name);
  });

  it('no import goes against the dependency direction', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (spec.startsWith('node:')) {
          if (from === 'api') violations.push(`${path.relative(SRC, file)} imports ${spec}`);
          continue;
        }
        if (!spec.startsWith('.')) {
          if (!(PACKAGES[from] ?? []).includes(spec.split('/')[0]!)) {
            violations.push(`${path.relative(SRC, file)} imports package ${spec}`);
          }
          continue;
        }
        const to = layerOf(path.resolve(path.dirname(file), spec));
        if (to === from) continue;
        const target = path.relative(SRC, path.resolve(path.dirname(file), spec));
        const engineOpen =
          from === 'cli' && to === 'engine' && path.relative(SRC, file) === path.join('cli', 'main.ts');
        // The docker client parses image references itself (client-side errors), as docker's CLI
        // uses the same reference library as the daemon.
        // The client also packs and unpacks tar archives itself (docker cp, import).
        const clientReference =
          from === 'cli' && [path.join('images', 'reference.js'), path.join('fs', 'tar.js')].includes(target);
        // /proc and /sys are overlaid on a process's view of files: the kernel implements the
        // filesystem interface (and its error type) that programs read through.
        const procView = from === 'kernel' && target === path.join('fs', 'view.js');
        if (!engineOpen && !clientReference && !procView && !(ALLOWED[from] ?? []).includes(to)) {
          violations.push(`${path.relative(SRC, file)} imports ${spec} (${from} -> ${to})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('the import scanner sees static, re-export and dynamic imports', () => {
    const text =
      "import { a } from '../x.js';\nexport * from './y.js';\nconst m = await import('../engine/open.js');";
    expect(importsOf(text)).toEqual(['../x.js', './y.js', '../engine/open.js']);
  });
});
