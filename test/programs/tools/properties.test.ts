import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode } from '../../../src/programs/tools/encode.js';
import { gnu, pipeline } from './helpers.js';

const line = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\n'));

describe('sort', () => {
  it('prints a permutation of its input lines, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), async (lines) => {
        const input = lines.map((l) => `${l}\n`).join('');
        const r = await gnu(['sort'], { stdin: input });
        const out = r.stdout === '' ? [] : r.stdout.slice(0, -1).split('\n');
        expect([...out].sort()).toEqual([...lines].sort());
        for (let i = 1; i < out.length; i++) expect(out[i - 1]! <= out[i]!).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('-n orders numbers numerically and -u leaves no duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }), async (nums) => {
        const r = await gnu(['sort', '-n', '-u'], { stdin: nums.map((n) => `${n}\n`).join('') });
        const out = r.stdout === '' ? [] : r.stdout.slice(0, -1).split('\n').map(Number);
        expect(out).toEqual([...new Set(nums)].sort((a, b) => a - b));
      }),
      { numRuns: 60 },
    );
  });
});

describe('tr', () => {
  const plain = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[\\[\]-]/.test(s));

  it('with the same set twice is the identity', async () => {
    await fc.assert(
      fc.asyncProperty(plain, fc.string({ maxLength: 30 }), async (set, input) => {
        const r = await gnu(['tr', set, set], { stdin: input });
        expect(r.stdout).toBe(input);
      }),
      { numRuns: 80 },
    );
  });

  it('-d removes exactly the characters of the set', async () => {
    await fc.assert(
      fc.asyncProperty(plain, fc.string({ maxLength: 30 }), async (set, input) => {
        const r = await gnu(['tr', '-d', set], { stdin: input });
        expect(r.stdout).toBe([...input].filter((c) => !set.includes(c)).join(''));
      }),
      { numRuns: 80 },
    );
  });
});

describe('base64', () => {
  it('decodes what it encodes, at any wrap width', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 100 }), (bytes, width) => {
        expect([...base64Decode(base64Encode(bytes, width))!]).toEqual([...bytes]);
      }),
    );
  });

  it('round-trips text through `base64 | base64 -d`', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), async (text) => {
        const r = await pipeline('gnu', 'base64 | base64 -d', { stdin: text });
        expect(r.stdout).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});

describe('wc and cat', () => {
  it('wc -l counts newlines; cat gives its input back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (text) => {
        expect((await gnu(['wc', '-l'], { stdin: text })).stdout).toBe(`${text.split('\n').length - 1}\n`);
        expect((await gnu(['cat'], { stdin: text })).stdout).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});
