import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesSize,
  humanSize,
  humanSizeWithPrecision,
  parseHumanSize,
  parseMemoryBytes,
} from '../../src/format/size.js';

describe('human sizes (docker/go-units)', () => {
  // The verified pairs of the reference: bytes → 3-digit / 4-digit.
  it.each([
    [0, '0B', '0B'],
    [1, '1B', '1B'],
    [999, '999B', '999B'],
    [1000, '1kB', '1kB'],
    [1023, '1.02kB', '1.023kB'],
    [1024, '1.02kB', '1.024kB'],
    [1500, '1.5kB', '1.5kB'],
    [12345, '12.3kB', '12.35kB'],
    [99949, '99.9kB', '99.95kB'],
    [99950, '100kB', '99.95kB'],
    [999499, '999kB', '999.5kB'],
    [999500, '1e+03kB', '999.5kB'],
    [999950, '1e+03kB', '1000kB'],
    [1000000, '1MB', '1MB'],
    [1234567, '1.23MB', '1.235MB'],
    [7795200, '7.8MB', '7.795MB'],
    [77952000, '78MB', '77.95MB'],
    [123456789, '123MB', '123.5MB'],
    [999999999, '1e+03MB', '1000MB'],
    [1.5e9, '1.5GB', '1.5GB'],
    [1e12, '1TB', '1TB'],
    [2.5e15, '2.5PB', '2.5PB'],
  ])('%d → %s / %s', (bytes, three, four) => {
    expect(humanSizeWithPrecision(bytes, 3)).toBe(three);
    expect(humanSize(bytes)).toBe(four);
  });

  it.each([
    [12582912, '12MiB'],
    [8241434624, '7.675GiB'],
    [0, '0B'],
    [1023, '1023B'],
    [1024, '1KiB'],
    [1536, '1.5KiB'],
  ])('bytesSize(%d) → %s', (bytes, expected) => {
    expect(bytesSize(bytes)).toBe(expected);
  });

  it('reaches the last unit and stays there', () => {
    expect(humanSize(1e24)).toBe('1YB');
    expect(humanSize(1e27)).toBe('1000YB');
    expect(humanSize(1e28)).toBe('1e+04YB');
  });

  it('never throws for non-negative finite input', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e30, noNaN: true }), fc.integer({ min: 1, max: 10 }), (b, p) => {
        expect(humanSizeWithPrecision(b, p)).toMatch(/^[0-9.e+-]+[kMGTPEZY]?B$/);
        expect(bytesSize(b)).toMatch(/^[0-9.e+-]+([KMGTPEZY]i)?B$/);
      }),
    );
  });
});

describe('parseMemoryBytes (RAMInBytes)', () => {
  it.each([
    ['32', 32],
    ['32b', 32],
    ['32B', 32],
    ['32k', 32 * 1024],
    ['32K', 32 * 1024],
    ['32kb', 32 * 1024],
    ['32Kib', 32 * 1024],
    ['32KIB', 32 * 1024],
    ['32m', 32 * 1024 ** 2],
    ['32mb', 32 * 1024 ** 2],
    ['32Mib', 32 * 1024 ** 2],
    ['32g', 32 * 1024 ** 3],
    ['32t', 32 * 1024 ** 4],
    ['32p', 32 * 1024 ** 5],
    ['1.5g', 1.5 * 1024 ** 3],
    ['0.5k', 512],
    ['32 mb', 32 * 1024 ** 2],
    ['512m', 536870912],
  ])('%s → %d', (input, expected) => {
    expect(parseMemoryBytes(input)).toBe(expected);
  });

  it.each([
    ['12x', "invalid suffix: 'x'"],
    ['12kx', "invalid suffix: 'kx'"],
    ['12KX', "invalid suffix: 'kx'"],
    ['12bb', "invalid suffix: 'bb'"],
    ['12kib2', 'strconv.ParseFloat: parsing "12kib2": invalid syntax'],
    ['12 KiBX', "invalid suffix: 'KiBX'"],
    ['abc', "invalid size: 'abc'"],
    ['', "invalid size: ''"],
    ['bad', "invalid size: 'bad'"],
    ['-1', "invalid size: '-1'"],
    ['1.2.3', 'strconv.ParseFloat: parsing "1.2.3": invalid syntax'],
  ])('%s fails with %s', (input, message) => {
    expect(() => parseMemoryBytes(input)).toThrow(message);
  });

  it('parseHumanSize uses decimal multiples', () => {
    expect(parseHumanSize('1kB')).toBe(1000);
    expect(parseHumanSize('1.5MB')).toBe(1500000);
    expect(parseHumanSize('32')).toBe(32);
  });
});
