import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runBin, tempHome } from '../helpers/cli.js';

describe('dockersim reset', () => {
  it('asks first, keeps everything on no, wipes on yes and with -f', () => {
    const home = tempHome();
    const env = deterministicEnv(home);
    runBin(['pull', '-q', 'alpine'], env);
    const no = runBin(['reset'], env, { input: 'n\n' });
    expect(no.stdout).toMatch(
      /^WARNING! This will remove all images, containers, volumes, networks and build cache kept in .*\nAre you sure you want to continue\? \[y\/N\] $/,
    );
    expect(runBin(['images', '-q'], env).stdout).not.toBe('');
    expect(runBin(['reset'], env, { input: 'y\n' }).code).toBe(0);
    expect(runBin(['images', '-q'], env).stdout).toBe('');
    runBin(['pull', '-q', 'alpine'], env);
    expect(runBin(['reset', '-f'], env).code).toBe(0);
    expect(runBin(['images', '-q'], env).stdout).toBe('');
  });

  it('removes only what dockersim keeps in the folder', () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'precious.txt'), 'keep me');
    const env = deterministicEnv(home);
    runBin(['pull', '-q', 'alpine'], env);
    expect(runBin(['reset', '-f'], env).code).toBe(0);
    expect(fs.readFileSync(path.join(home, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(fs.existsSync(path.join(home, 'image'))).toBe(false);
  });
});
