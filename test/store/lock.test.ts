import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withStateLock } from '../../src/store/lock.js';

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-lock-'));
}

describe('withStateLock', () => {
  it('holds the lock file while the work runs and removes it after', async () => {
    const root = folder();
    let during = false;
    await withStateLock(root, async () => {
      during = fs.existsSync(path.join(root, 'engine.lock'));
    });
    expect(during).toBe(true);
    expect(fs.existsSync(path.join(root, 'engine.lock'))).toBe(false);
  });

  it('lays out a state folder that does not exist yet', async () => {
    const root = path.join(folder(), 'new', 'home');
    let ran = false;
    await withStateLock(root, async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(fs.existsSync(root)).toBe(true);
  });

  it('releases the lock when the work throws', async () => {
    const root = folder();
    await expect(
      withStateLock(root, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fs.existsSync(path.join(root, 'engine.lock'))).toBe(false);
  });

  it('runs holders one at a time', async () => {
    const root = folder();
    const log: string[] = [];
    const work = (name: string) =>
      withStateLock(root, async () => {
        log.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 20));
        log.push(`${name} out`);
      });
    await Promise.all([work('a'), work('b'), work('c')]);
    for (let i = 0; i < log.length; i += 2) {
      expect(log[i]!.endsWith(' in')).toBe(true);
      expect(log[i + 1]).toBe(log[i]!.replace(' in', ' out'));
    }
    expect(log).toHaveLength(6);
  });

  it('takes over a lock its holder left behind (untouched for over ten seconds)', async () => {
    const root = folder();
    const file = path.join(root, 'engine.lock');
    fs.writeFileSync(file, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    let ran = false;
    await withStateLock(root, async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('takes over the directory lock of an older version left behind', async () => {
    const root = folder();
    const dir = path.join(root, 'engine.lock');
    fs.mkdirSync(dir);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(dir, old, old);
    await withStateLock(root, async () => {});
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('leaves alone a lock another process took over meanwhile', async () => {
    const root = folder();
    const file = path.join(root, 'engine.lock');
    await withStateLock(root, async () => {
      // Another process found this lock stale and took it: the file now holds its token.
      fs.writeFileSync(file, 'someone-else');
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('someone-else');
  });
});
