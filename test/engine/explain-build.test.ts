import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SourceChecksum } from '../../src/api/explain.js';
import { changedFiles } from '../../src/engine/build/cache-narration.js';
import { deterministicEnv, ROOT, runCli, tempHome } from '../helpers/cli.js';

const TITLE = '── What the engine did underneath (--explain) ──';

const sum12 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** `[5/5] COPY app.py .` → its headline and detail lines. */
function stepLines(narration: string, step: string): string[] {
  const lines = narration.split('\n');
  const at = lines.findIndex((l) => l.includes(`  ${step}: `));
  if (at < 0) throw new Error(`no ${step} in\n${narration}`);
  const out = [lines[at]!];
  for (const l of lines.slice(at + 1)) {
    if (!/^\s{6,}/.test(l)) break;
    out.push(l.trim());
  }
  return out;
}

describe('--explain build: what the build cache decided and why', () => {
  let ctx: string;
  let env: NodeJS.ProcessEnv;
  const build = async (extra: NodeJS.ProcessEnv = {}) => {
    const r = await runCli(['--explain', 'build', '-q', '-t', 'app', '.'], { ...env, ...extra });
    expect(r.code).toBe(0);
    return { ...r, text: r.stderr.slice(r.stderr.indexOf(TITLE)) };
  };
  let first: Awaited<ReturnType<typeof build>>;
  let second: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    const home = tempHome();
    ctx = path.join(home, 'ctx');
    fs.cpSync(path.join(ROOT, 'fixtures/dockerfiles/flask-app'), ctx, { recursive: true });
    env = deterministicEnv(home, { DOCKERSIM_CWD: ctx });
    first = await build();
    second = await build();
  });

  test('the first build builds every step and says why; stdout is what docker prints', async () => {
    const other = tempHome();
    fs.cpSync(ctx, path.join(other, 'ctx'), { recursive: true });
    const plain = await runCli(
      ['build', '-q', '-t', 'app', '.'],
      deterministicEnv(other, { DOCKERSIM_CWD: path.join(other, 'ctx') }),
    );
    expect(first.stdout).toBe(plain.stdout);
    expect(first.stderr).toBe(plain.stderr + first.text);
    expect(stepLines(first.text, '[2/5] WORKDIR /app')[0]).toContain(
      'built, this instruction was never built on this parent image before',
    );
    expect(stepLines(first.text, '[3/5] COPY requirements.txt .')[0]).toContain(
      'built, the step before it was rebuilt',
    );
    expect(first.text).toMatch(/python:3\.12-slim: image [0-9a-f]{12}, \d+ layers by digest/);
    const [, pid] =
      /`\/bin\/sh -c echo installing requirements && mkdir -p \/app\/\.deps` ran in a temporary container: host PID (\d+), exit code 0/.exec(
        first.text,
      ) ?? [];
    expect(pid).toBeDefined();
  });

  test('the second build hits the cache: same instruction, same parent, same file checksums', () => {
    for (const step of [
      '[2/5] WORKDIR /app',
      '[4/5] RUN echo installing requirements && mkdir -p /app/.deps',
    ])
      expect(stepLines(second.text, step)[0]).toContain('CACHED, same instruction on the same parent image');
    const copy = stepLines(second.text, '[5/5] COPY app.py .');
    expect(copy[0]).toContain(
      'CACHED, same instruction on the same parent image, and the copied files have the same checksums',
    );
    expect(copy).toContain(`checksums: app.py ${sum12(fs.readFileSync(path.join(ctx, 'app.py')))}`);
    expect(second.stdout).toBe(first.stdout);
    expect(second.text).not.toContain('temporary container');
  });

  test('each step names its parent and result: the last result is the image built', () => {
    const image = second.stdout.trim().replace('sha256:', '').slice(0, 12);
    const last = stepLines(second.text, 'CMD ["python" "app.py"]');
    expect(last[1]).toMatch(new RegExp(`^parent image [0-9a-f]{12} → ${image}$`));
    const copy = stepLines(second.text, '[3/5] COPY requirements.txt .');
    const run = stepLines(second.text, '[4/5] RUN echo installing requirements && mkdir -p /app/.deps');
    expect(run[1]!.split(' ')[2]).toBe(copy[1]!.split(' ')[4]);
  });

  test('a changed file misses from its COPY on, naming the file and both checksums', async () => {
    const before = fs.readFileSync(path.join(ctx, 'app.py'));
    fs.appendFileSync(path.join(ctx, 'app.py'), '\n# changed\n');
    const after = fs.readFileSync(path.join(ctx, 'app.py'));
    const third = await build();
    expect(third.stdout).not.toBe(second.stdout);
    expect(stepLines(third.text, '[3/5] COPY requirements.txt .')[0]).toContain('CACHED');
    const copy = stepLines(third.text, '[5/5] COPY app.py .');
    expect(copy[0]).toContain('built, a copied file changed');
    expect(copy).toContain(`app.py changed: ${sum12(before)} → ${sum12(after)}`);
    expect(stepLines(third.text, 'ENV FLASK_APP=app.py')[0]).toContain(
      'built, the step before it was rebuilt',
    );
  });

  test('in Korean, and with --no-cache', async () => {
    fs.appendFileSync(path.join(ctx, 'app.py'), '# again\n');
    const ko = await runCli(['--explain', 'build', '-q', '-t', 'app', '.'], { ...env, DOCKERSIM_LANG: 'ko' });
    expect(ko.stderr).toMatch(/\[5\/5\] COPY app\.py \.: 새로 빌드 — 복사할 파일이 바뀌어/);
    expect(ko.stderr).toMatch(/\[2\/5\] WORKDIR \/app: 캐시 사용/);
    const none = await runCli(['--explain', 'build', '-q', '--no-cache', '-t', 'app', '.'], env);
    expect(stepLines(none.stderr, '[2/5] WORKDIR /app')[0]).toContain('built, --no-cache was given');
  });
});

describe('changedFiles', () => {
  const f = (path: string, checksum: string): SourceChecksum => ({ path, checksum });

  test('lists changed, new and removed files; nothing when equal', () => {
    expect(changedFiles([f('a', '1'), f('b', '2')], [f('a', '1'), f('b', '2')])).toEqual([]);
    expect(changedFiles([f('a', '1'), f('b', '2')], [f('a', '9'), f('c', '3')])).toEqual([
      { path: 'a', before: '1', after: '9' },
      { path: 'c', after: '3' },
      { path: 'b', before: '2' },
    ]);
  });
});
