import { describe, expect, it } from 'vitest';
import { busyboxHuman, gnuHuman, lsDate, modeString } from '../../../src/programs/tools/format.js';
import { fnmatch } from '../../../src/programs/tools/glob.js';
import { applyMode } from '../../../src/programs/tools/modes.js';
import { formatOne, parseConversion } from '../../../src/programs/tools/printf-format.js';
import { compile, RegexSyntaxError } from '../../../src/programs/tools/regex.js';
import { expandSet } from '../../../src/programs/tools/tr.js';

describe('human sizes', () => {
  it.each([
    [0, '0', '0'],
    [1023, '1023', '1023'],
    [1024, '1.0K', '1.0K'],
    [1536, '1.5K', '1.5K'],
    [12345, '13K', '12.1K'],
    [10239, '10K', '10.0K'],
    [1048575, '1.0M', '1024.0K'],
    [62671097856, '59G', '58.4G'],
  ])('%d bytes: GNU %s, BusyBox %s', (bytes, g, b) => {
    expect(gnuHuman(bytes)).toBe(g);
    expect(busyboxHuman(bytes)).toBe(b);
  });
});

describe('mode strings and chmod modes', () => {
  it.each([
    [{ type: 'dir', mode: 0o1777 }, 'drwxrwxrwt'],
    [{ type: 'file', mode: 0o4755 }, '-rwsr-xr-x'],
    [{ type: 'file', mode: 0o2644 }, '-rw-r-Sr--'],
    [{ type: 'symlink', mode: 0o777 }, 'lrwxrwxrwx'],
    [{ type: 'dir', mode: 0o1700 }, 'drwx-----T'],
  ] as const)('%o', (st, text) => expect(modeString(st)).toBe(text));

  it.each([
    ['755', 0o644, false, 0o755],
    ['u+x', 0o644, false, 0o744],
    ['go-w', 0o666, false, 0o644],
    ['a=r', 0o755, false, 0o444],
    ['+x', 0o644, false, 0o755],
    ['-w', 0o666, false, 0o466],
    ['u=rwx,g=rx,o=', 0o000, false, 0o750],
    ['a+X', 0o644, true, 0o755],
    ['a+X', 0o644, false, 0o644],
    ['g=u', 0o640, false, 0o660],
    ['u+s,+t', 0o755, true, 0o5755],
    ['abc', 0o644, false, undefined],
    ['99999', 0o644, false, undefined],
  ])('%s on %o', (spec, mode, dir, want) => expect(applyMode(spec, mode, dir)).toBe(want));
});

describe('ls dates', () => {
  const now = Date.UTC(2024, 5, 20, 12) / 1000;
  it('recent files show the time, older ones the year', () => {
    expect(lsDate(Date.UTC(2024, 5, 10, 7, 11) / 1000, now, true)).toBe('Jun 10 07:11');
    expect(lsDate(Date.UTC(2023, 0, 1) / 1000, now, true)).toBe('Jan  1  2023');
    expect(lsDate(now + 60, now, true)).toBe('Jun 20  2024');
    expect(lsDate(now + 60, now, false)).toBe('Jun 20 12:01');
  });
  it('a file written within the current second is not in the future', () => {
    expect(lsDate(now + 0.25, now, true)).toBe('Jun 20 12:00');
  });
});

describe('POSIX regular expressions', () => {
  const matches = (re: string, extended: boolean, text: string): boolean =>
    compile(re, { extended }).test(text);
  it.each([
    ['a\\+', false, 'aa', true],
    ['a+', false, 'a+', true],
    ['a+', true, 'aa', true],
    ['\\(ab\\)*c', false, 'ababc', true],
    ['(ab)*c', false, '(ab)c', true],
    ['^*x', false, '*x', true],
    ['a|b', false, 'a|b', true],
    ['a|b', true, 'b', true],
    ['[[:digit:]]\\{3\\}', false, 'ab123', true],
    ['[]x]', false, ']', true],
    ['[^[:space:]]', false, '   ', false],
    ['\\<cat\\>', false, 'a cat!', true],
    ['\\<cat\\>', false, 'concat', false],
    ['x$y', false, 'x$y', true],
    ['^a{,2}$', true, 'aa', true],
    ['^a{,2}$', true, 'aaa', false],
    ['a{x', true, 'a{x', true],
    ['[a\\]', false, '\\', true],
  ])('%s (extended %s) on %s', (re, extended, text, want) => expect(matches(re, extended, text)).toBe(want));

  it('reports malformed patterns in GNU words', () => {
    expect(() => compile('\\(', { extended: false })).toThrow(new RegexSyntaxError('Unmatched ( or \\('));
    expect(() => compile('[a', { extended: true })).toThrow('Unmatched [, [^, [:, [., or [=');
    expect(() => compile('a)', { extended: true })).toThrow('Unmatched ) or \\)');
  });
});

describe('globs', () => {
  it.each([
    ['*.txt', 'a.txt', true],
    ['*.txt', 'a.txt.bak', false],
    ['?.c', 'x.c', true],
    ['[!a]*', 'abc', false],
    ['[a-c]x', 'bx', true],
    ['\\*', '*', true],
    ['*/sub/*', '/data/sub/deep.txt', true],
    ['[[:digit:]]*', '9lives', true],
  ])('%s ~ %s', (glob, name, want) => expect(fnmatch(glob, name)).toBe(want));
});

describe('printf conversions', () => {
  const fmt = (spec: string, str: string, num: number): string =>
    formatOne(parseConversion(spec, 1)!.c, str, num);
  it.each([
    ['%5s', 'ab', 0, '   ab'],
    ['%-5s|', 'ab', 0, 'ab   '],
    ['%.1s', 'ab', 0, 'a'],
    ['%+d', '', 5, '+5'],
    ['% d', '', 5, ' 5'],
    ['%05d', '', -42, '-0042'],
    ['%x', '', -1, 'ffffffffffffffff'],
    ['%#o', '', 8, '010'],
    ['%#x', '', 255, '0xff'],
    ['%.3e', '', 12345.678, '1.235e+04'],
    ['%g', '', 100000, '100000'],
    ['%g', '', 1000000, '1e+06'],
    ['%g', '', 0.5, '0.5'],
    ['%G', '', 1e-10, '1E-10'],
    ['%08.3f', '', -2.5, '-002.500'],
    ['%f', '', Number.POSITIVE_INFINITY, 'inf'],
  ])('%s', (spec, str, num, want) => expect(fmt(spec, str, num)).toBe(want));
});

describe('tr sets', () => {
  it.each([
    ['a-e', 'abcde'],
    ['[:digit:]', '0123456789'],
    ['\\n\\t\\\\', '\n\t\\'],
    ['\\101', 'A'],
    ['x[=y=]', 'xy'],
    ['[z*3]', 'zzz'],
  ])('%s', (set, chars) => expect(expandSet(set).join('')).toBe(chars));

  it('fills a [c*] repeat up to the first set', () => expect(expandSet('a[-*]b', 5).join('')).toBe('a---b'));
});
