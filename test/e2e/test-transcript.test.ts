import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, tempHome } from '../helpers/cli.js';

/** `dockersim test-transcript`: the tool lesson authors replay their sessions with. */
describe('dockersim test-transcript', () => {
  const dir = tempHome();
  fs.mkdirSync(path.join(dir, 'set'));
  fs.writeFileSync(
    path.join(dir, 'set', 'a-pass.txt'),
    '@file Dockerfile\nFROM alpine\nRUN echo built > /b.txt\n@end\n$ docker build -q -t t1 .\n? 0\n$ docker run --rm t1 cat /b.txt\n~ built\n',
  );
  fs.writeFileSync(
    path.join(dir, 'set', 'b-fail.txt'),
    '$ docker version --format {{.Server.Os}}\n~ darwin\n? 0\n',
  );
  const env = { PATH: process.env.PATH, HOME: dir };

  it('replays each transcript in fresh state and reports PASS, FAIL and the totals', () => {
    const r = runBin(['test-transcript', 'set'], env, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'PASS set/a-pass.txt\n' +
        'FAIL set/b-fail.txt\n' +
        '    step 1 (line 1) `docker version --format {{.Server.Os}}`: expected ~ darwin; got exit 0, output "linux\\n"\n' +
        '1 passed, 1 failed\n',
    );
  });

  it('exits 0 when all pass, and shows commands with -v', () => {
    const r = runBin(['test-transcript', '-v', 'set/a-pass.txt'], env, { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  $ docker run --rm t1 cat /b.txt\n    built\n    [exit 0]\n');
    expect(r.stdout).toMatch(/PASS set\/a-pass.txt\n1 passed, 0 failed\n$/);
  });

  it('counts a missing file as a failure', () => {
    const r = runBin(['test-transcript', 'nope.txt'], env, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL nope.txt\n {4}ENOENT.*\n0 passed, 1 failed\n$/);
  });

  it('needs at least one file', () => {
    const r = runBin(['test-transcript'], env, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('requires at least 1 argument');
  });
});
