import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ago, humanDuration } from '../../src/format/duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (docker/go-units)', () => {
  // The verified pairs of the reference (offset → .RunningFor).
  it.each([
    [0, 'Less than a second ago'],
    [5 * S, '5 seconds ago'],
    [59 * S, '59 seconds ago'],
    [61 * S, 'About a minute ago'],
    [119 * S, 'About a minute ago'],
    [121 * S, '2 minutes ago'],
    [3598 * S, '59 minutes ago'],
    [3660 * S, 'About an hour ago'],
    [5340 * S, 'About an hour ago'],
    [5460 * S, '2 hours ago'],
    [1 * D, '24 hours ago'],
    [47 * H, '47 hours ago'],
    [47 * H + 31 * M, '2 days ago'],
    [13 * D, '13 days ago'],
    [14 * D, '2 weeks ago'],
    [59 * D, '8 weeks ago'],
    [60 * D, '2 months ago'],
    [364 * D, '12 months ago'],
    [729 * D, '24 months ago'],
    [731 * D, '2 years ago'],
    [3650 * D, '10 years ago'],
  ])('%d ms → %s', (ms, expected) => {
    expect(ago(ms)).toBe(expected);
  });

  it.each([
    [999, 'Less than a second'],
    [1000, '1 second'],
    [1999.9, '1 second'],
    [2000, '2 seconds'],
    [60 * S, 'About a minute'],
    [120 * S, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [60 * M, 'About an hour'],
    [89 * M, 'About an hour'],
    [90 * M, '2 hours'],
    [47 * H + 29 * M, '47 hours'],
    [14 * D - 31 * M, '13 days'],
    [60 * D - 31 * M, '8 weeks'],
    [730 * D - 31 * M, '24 months'],
    [730 * D, '2 years'],
    [56 * 365 * D, '56 years'],
  ])('threshold %d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('treats negative and non-finite input as zero', () => {
    expect(humanDuration(-5000)).toBe('Less than a second');
    expect(humanDuration(Number.NaN)).toBe('Less than a second');
  });

  it('never throws and never says "1 days" for non-negative finite input', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), (ms) => {
        const s = humanDuration(ms);
        expect(s).toMatch(
          /^(Less than a second|1 second|About a minute|About an hour|\d+ (seconds|minutes|hours|days|weeks|months|years))$/,
        );
        expect(s).not.toMatch(/^1 (minutes|hours|days|weeks|months|years)$/);
      }),
    );
  });
});
