import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from './helpers/cli.js';

/**
 * Output of whole commands in deterministic mode, compared byte for byte with golden files
 * (test/golden/<name>.txt). A session builds the state step by step; each step's stdout,
 * stderr and exit code are recorded. `UPDATE_GOLDEN=1` rewrites the files (review the diff).
 */
const DIR = path.join(import.meta.dirname, 'golden');

async function session(name: string, steps: string[][]): Promise<void> {
  const env = deterministicEnv(tempHome());
  let text = '';
  for (const argv of steps) {
    const r = await runCli(argv, env);
    text += `$ docker ${argv.map((a) => (/[\s'"{}]/.test(a) ? `'${a}'` : a)).join(' ')}\n${r.stdout}`;
    if (r.stderr) text += `[stderr]\n${r.stderr}`;
    text += `[exit ${r.code}]\n\n`;
  }
  const file = path.join(DIR, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) fs.writeFileSync(file, text);
  expect(text).toBe(fs.readFileSync(file, 'utf8'));
}

describe('golden output', () => {
  it('images: pull, images, history, inspect, tag, rmi, system df, search', () =>
    session('images', [
      ['pull', 'debian:bookworm-slim'],
      ['pull', 'nginx'],
      ['pull', 'nginx'],
      ['images'],
      ['images', '--digests'],
      ['images', '-q'],
      ['images', '--format', 'json'],
      ['history', 'nginx'],
      ['history', '-H=false', '--no-trunc', 'debian:bookworm-slim'],
      ['image', 'inspect', 'debian:bookworm-slim'],
      ['tag', 'nginx', 'myweb:prod'],
      ['images', 'myweb'],
      ['rmi', 'myweb:prod', 'nosuch'],
      ['system', 'df'],
      ['system', 'df', '-v'],
      ['search', 'redis'],
    ]));

  it('containers: run, ps, logs, top, stats, inspect, port, stop, rm', () =>
    session('containers', [
      ['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'],
      ['run', '--name', 'hello', 'hello-world'],
      ['run', '-d', '--name', 'db', '-e', 'MYSQL_ROOT_PASSWORD=secret', 'mysql:8.0'],
      ['ps'],
      ['ps', '-a'],
      ['ps', '-a', '--no-trunc', '--format', '{{.Names}}|{{.Image}}|{{.Command}}'],
      ['ps', '--format', 'raw'],
      ['logs', 'web'],
      ['logs', '-t', '--tail', '2', 'db'],
      ['top', 'web'],
      ['stats', '--no-stream'],
      ['port', 'web'],
      ['inspect', 'web'],
      ['host', 'ps', '-ef', '--forest'],
      ['host', 'pstree', '-p'],
      ['host', 'lsns', '-t', 'pid'],
      ['system', 'df'],
      ['stop', 'web', 'nosuch'],
      ['ps', '-a'],
      ['rm', 'db'],
      ['rm', '-f', 'db'],
      ['container', 'prune', '-f'],
      ['info'],
    ]));
});
