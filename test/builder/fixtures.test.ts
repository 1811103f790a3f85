import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IgnoreMatcher, readContext } from '../../src/cli/commands/image/build-context.js';
import { ROOT } from '../helpers/cli.js';
import { backend, run } from './helpers.js';

/**
 * fixtures/dockerfiles/dockerignore: what .dockerignore leaves out never reaches the image.
 * node_modules and *.log are git-ignored, so they are made here.
 */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-ignore-'));
  fs.cpSync(path.join(ROOT, 'fixtures', 'dockerfiles', 'dockerignore'), dir, { recursive: true });
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  put('node_modules/left-pad/index.js', 'module.exports = (s) => s;\n');
  put('build.log', 'top-level log\n');
  put('src/debug.log', 'debug output\n');
  put('src/keep.log', 'kept on purpose\n');
  return dir;
}

describe('the dockerignore fixture', () => {
  it('keeps secrets, node_modules and logs out of the image', async () => {
    const dir = project();
    const files = readContext(
      dir,
      new IgnoreMatcher(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8')),
    );
    const b = backend();
    const o = await run(b, fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), files, {
      tags: ['ignore-demo'],
    });
    expect(o.error).toBeUndefined();
    const image = b.fs(o.imageId!);
    expect(image.readdir('/app')).toEqual(['.dockerignore', 'Dockerfile', 'src']);
    expect(image.readdir('/app/src')).toEqual(['index.js', 'keep.log']);
    for (const gone of [
      '/app/.env',
      '/app/secrets',
      '/app/node_modules',
      '/app/build.log',
      '/app/src/debug.log',
    ]) {
      expect(image.stat(gone)).toBeUndefined();
    }
  });
});
