import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { str } from '../../src/store/schema.js';
import { CorruptStateError, StateStore } from '../../src/store/state.js';

function store(): StateStore {
  return new StateStore(fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-store-')));
}

describe('StateStore cache', () => {
  it('serves a document read in an earlier locked call without reading the disk again', async () => {
    const s = store();
    s.writeText('a.txt', 'one');
    await s.cached(async () => expect(s.readText('a.txt')).toBe('one'));
    // Changed behind the store's back without a new generation: the cache still answers.
    fs.writeFileSync(s.path('a.txt'), 'sneaky');
    await s.cached(async () => expect(s.readText('a.txt')).toBe('one'));
    // Outside a locked call the disk is always read.
    expect(s.readText('a.txt')).toBe('sneaky');
  });

  it("drops everything when another process's write names a new generation", async () => {
    const mine = store();
    const theirs = new StateStore(mine.root);
    mine.writeText('a.txt', 'one');
    await mine.cached(async () => mine.readText('a.txt'));
    mine.remember('kernel', { tables: 1 });
    await theirs.cached(async () => theirs.writeText('a.txt', 'two'));
    await mine.cached(async () => {
      expect(mine.readText('a.txt')).toBe('two');
      expect(mine.memo('kernel')).toBeUndefined();
    });
  });

  it('keeps its own writes and memos across calls', async () => {
    const s = store();
    await s.cached(async () => {
      s.writeJson('d/x.json', { v: 1 });
      s.remember('kernel', 'k');
    });
    await s.cached(async () => {
      expect(s.readJson('d/x.json', (v) => v as { v: number })).toEqual({ v: 1 });
      expect(s.memo('kernel')).toBe('k');
      expect(s.list('d')).toEqual(['x.json']);
    });
  });

  it('does not write a document again when its text is unchanged', async () => {
    const s = store();
    await s.cached(async () => s.writeText('same.txt', 'x'));
    const before = fs.statSync(s.path('same.txt')).ino;
    await s.cached(async () => {
      expect(s.readText('same.txt')).toBe('x');
      s.writeText('same.txt', 'x');
    });
    // An atomic write replaces the file (a new inode); a skipped one leaves it.
    expect(fs.statSync(s.path('same.txt')).ino).toBe(before);
  });

  it('lists a folder afresh after a file is added or removed in it', async () => {
    const s = store();
    await s.cached(async () => {
      expect(s.list('f')).toEqual([]);
      s.writeText('f/a', '1');
      expect(s.list('f')).toEqual(['a']);
      s.remove('f/a');
      expect(s.list('f')).toEqual([]);
    });
  });

  it('returns a fresh copy of a checked document each time (callers may change it)', async () => {
    const s = store();
    s.writeJson('doc.json', { list: [1] });
    const check = (v: unknown) => v as { list: number[] };
    await s.cached(async () => {
      s.readJson('doc.json', check)!.list.push(2);
      expect(s.readJson('doc.json', check)).toEqual({ list: [1] });
    });
  });

  it('still names a corrupt document', async () => {
    const s = store();
    s.writeText('bad.json', '{');
    expect(() => s.readJson('bad.json', str)).toThrow(CorruptStateError);
  });
});
