import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOMAIN,
  familiarString,
  fullString,
  InvalidReferenceError,
  normalizeForLookup,
  parse,
  parseAnyReference,
  parseNormalized,
  type Reference,
} from '../../src/images/reference.js';

const chars = (s: string) => fc.constantFrom(...s.split(''));
const lower = 'abcdefghijklmnopqrstuvwxyz0123456789';
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const hex = '0123456789abcdef';

// The grammar, built independently of the implementation's regular expressions.
const alphaNumeric = fc.string({ unit: chars(lower), minLength: 1, maxLength: 5 });
const separator = fc.constantFrom('.', '_', '__', '-', '--', '---');
const pathComponent = fc
  .tuple(alphaNumeric, fc.array(fc.tuple(separator, alphaNumeric), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([sep, an]) => sep + an).join(''));
const path = fc.array(pathComponent, { minLength: 1, maxLength: 4 }).map((cs) => cs.join('/'));

const domainEdge = chars(lower + upper);
const domainComponent = fc
  .tuple(
    domainEdge,
    fc.option(fc.tuple(fc.string({ unit: chars(lower + upper + '-'), maxLength: 4 }), domainEdge)),
  )
  .map(([first, rest]) => (rest === null ? first : first + rest[0] + rest[1]));
const ipv6Part = fc.string({ unit: chars('0123456789abcdefABCDEF:'), maxLength: 4 });
const host = fc.oneof(
  fc.array(domainComponent, { minLength: 1, maxLength: 3 }).map((cs) => cs.join('.')),
  fc.constant('localhost'),
  // An IPv6 literal counts as a registry only through its `:` (docker reads `[0]/a` as a Hub name).
  fc.tuple(ipv6Part, ipv6Part).map(([a, b]) => `[${a}:${b}]`),
);
const domain = fc
  .tuple(host, fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined }))
  .map(([h, port]) => (port === undefined ? h : `${h}:${port}`));

const word = lower + upper + '_';
const tag = fc
  .tuple(chars(word), fc.string({ unit: chars(word + '.-'), maxLength: 20 }))
  .map(([first, rest]) => first + rest);
const digest = fc.oneof(
  fc.string({ unit: chars(hex), minLength: 64, maxLength: 64 }).map((h) => `sha256:${h}`),
  fc.string({ unit: chars(hex), minLength: 128, maxLength: 128 }).map((h) => `sha512:${h}`),
);

const referenceParts = fc
  .record({
    domain: fc.option(domain, { nil: undefined }),
    path,
    tag: fc.option(tag, { nil: undefined }),
    digest: fc.option(digest, { nil: undefined }),
  })
  .map((r) => ({
    ...r,
    text:
      (r.domain === undefined ? '' : `${r.domain}/`) +
      r.path +
      (r.tag === undefined ? '' : `:${r.tag}`) +
      (r.digest === undefined ? '' : `@${r.digest}`),
  }));
const validReference = referenceParts.map((r) => r.text);

/** Strings from the grammar's alphabet and near misses of valid references. */
const alphabetString = fc.string({ unit: chars('aA0_.-:/@[]%z9 '), maxLength: 40 });
const nearMiss = fc
  .tuple(validReference, fc.nat(), fc.constantFrom('', '-', '.', '_', ':', '/', '@', 'A', '!', ' '))
  .map(([s, at, insert]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + insert + s.slice(i + (insert === '' ? 1 : 0));
  });
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  alphabetString,
  nearMiss,
  validReference,
);

/** Runs `fn`, allowing only InvalidReferenceError to escape. */
function tryParse<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof InvalidReferenceError)) throw err;
    return undefined;
  }
}

/**
 * The one place where the familiar form does not lead back to the same reference, a quirk of docker
 * itself: a Hub namespace that looks like a registry (`docker.io/a.b/x` prints as `a.b/x`).
 */
function familiarIsAmbiguous(ref: Reference): boolean {
  const first = ref.path.split('/')[0] ?? '';
  return ref.domain === DEFAULT_DOMAIN && (first.includes('.') || first === 'localhost');
}

describe('reference properties', () => {
  it('parsers throw nothing but InvalidReferenceError, whatever the input', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        tryParse(() => parseNormalized(s));
        tryParse(() => parse(s));
        tryParse(() => parseAnyReference(s));
        tryParse(() => normalizeForLookup(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('every reference built from the grammar parses, keeping its tag and digest', () => {
    fc.assert(
      fc.property(referenceParts, (parts) => {
        const ref = parseNormalized(parts.text);
        expect(ref.tag).toBe(parts.tag);
        expect(ref.digest).toBe(parts.digest);
      }),
      { numRuns: 1000 },
    );
  });

  it('the full string parses back to the same reference', () => {
    fc.assert(
      fc.property(fc.oneof(validReference, nearMiss, alphabetString), (s) => {
        const ref = tryParse(() => parseNormalized(s));
        if (ref === undefined) return;
        expect(parse(fullString(ref))).toEqual(ref);
        expect(parseNormalized(fullString(ref))).toEqual(ref);
      }),
      { numRuns: 1000 },
    );
  });

  it('the familiar string is stable and, but for a quirk of docker, leads back to the reference', () => {
    fc.assert(
      fc.property(fc.oneof(validReference, nearMiss), (s) => {
        const ref = tryParse(() => parseNormalized(s));
        if (ref === undefined) return;
        const familiar = familiarString(ref);
        const again = parseNormalized(familiar);
        expect(familiarString(again)).toBe(familiar);
        if (!familiarIsAmbiguous(ref)) expect(again).toEqual(ref);
      }),
      { numRuns: 1000 },
    );
  });
});
