import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../../helpers/cli.js';

/** `dockersim learn` in-process: the list, starting, hints, progress, languages and errors. */
function learner(extra: NodeJS.ProcessEnv = {}) {
  const home = tempHome();
  const env = deterministicEnv(home, extra);
  return { home, run: (...argv: string[]) => runCli(['learn', ...argv], env) };
}

describe('dockersim learn', () => {
  it('lists the lessons when none is in progress', async () => {
    const { run } = learner();
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lessons (start one with `dockersim learn start N`):');
    expect(r.stdout).toContain('  1. Your first container and images');
    expect((await run('list')).stdout).toBe(r.stdout);
  });

  it('starts a lesson, keeps the step in the state folder and shows it again', async () => {
    const { home, run } = learner();
    const start = await run('start', '1');
    expect(start.stdout).toMatch(/^Your first container and images\n\nAn image is/);
    expect(start.stdout).toContain('Lesson 1: Your first container and images — step 1 of 5');
    const saved = JSON.parse(fs.readFileSync(path.join(home, 'dockersim', 'lesson.json'), 'utf8'));
    expect(saved).toMatchObject({ lesson: '01-first-container', step: 0 });
    expect((await run()).stdout).toContain('step 1 of 5');
    expect((await run('list')).stdout).toContain('▶ 1. Your first container');
    expect((await run('hint')).stdout).toBe('Hint: docker pull hello-world\n');
  });

  it('starts at a later step by number or folder name', async () => {
    const { run } = learner();
    const r = await run('start', 'layers', '4');
    expect(r.stdout).toMatch(/^Lesson 5: Layers, copy-on-write, diff and commit — step 4 of 5/);
    expect((await run('start', '5', '9')).stdout).toBe('Step 9 does not exist: that lesson has 5 steps.\n');
  });

  it('fails a check with what is not true yet, and exit code 1', async () => {
    const { run } = learner();
    await run('start', '1');
    const r = await run('check');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('✗ Not yet:\n  - There is no image hello-world.\nStuck? `dockersim learn hint`\n');
  });

  it('speaks Korean with DOCKERSIM_LANG=ko or a Korean LANG', async () => {
    const ko = learner({ DOCKERSIM_LANG: 'ko' });
    await ko.run('start', '1');
    expect((await ko.run('check')).stdout).toContain('✗ 아직입니다:\n  - hello-world 이미지가 없습니다.');
    const lang = learner({ LANG: 'ko_KR.UTF-8' });
    expect((await lang.run('start', '2')).stdout).toContain(
      '레슨 2: 컨테이너는 호스트의 프로세스다 — 1/3단계',
    );
  });

  it('reset forgets progress only', async () => {
    const { run } = learner();
    await run('start', '3');
    expect((await run('reset')).stdout).toContain('Lesson progress cleared');
    expect((await run('check')).stdout).toContain('No lesson is in progress.');
    expect((await run('check')).code).toBe(1);
  });

  it('rejects unknown lessons and subcommands', async () => {
    const { run } = learner();
    const none = await run('start', '99');
    expect([none.code, none.stdout]).toEqual([1, 'There is no lesson 99. See `dockersim learn list`.\n']);
    const bad = await run('frobnicate');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown learn command: "frobnicate"');
    expect((await run('start')).stderr).toContain('"learn start" requires a lesson');
  });
});
