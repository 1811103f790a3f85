import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TAG,
  familiarName,
  familiarString,
  fullName,
  fullString,
  InvalidReferenceError,
  imageIdPrefix,
  isFullImageId,
  isNamed,
  isNameOnly,
  normalizeForLookup,
  parse,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalized,
  parseTagArguments,
  REFERENCE_ERRORS,
  repoPath,
  tagArgumentError,
  tagOrDigest,
  trimNamed,
  withDefaultTag,
  withDigest,
  withTag,
} from '../../src/images/reference.js';

const HEX = 'a'.repeat(64);
const DIGEST = `sha256:${HEX}`;

/** The error `fn` throws, checked to be an InvalidReferenceError. */
function thrown(fn: () => unknown): InvalidReferenceError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidReferenceError);
    return err as InvalidReferenceError;
  }
  throw new Error('expected an InvalidReferenceError');
}

describe('InvalidReferenceError', () => {
  it('is an Error named for its class, carrying docker message', () => {
    const err = thrown(() => parseNormalized('nginx:'));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('InvalidReferenceError');
    expect(err.message).toBe('invalid reference format');
  });
});

describe('parseNormalized', () => {
  it('fills in Docker Hub and library/ without adding a tag', () => {
    expect(parseNormalized('alpine')).toEqual({ domain: 'docker.io', path: 'library/alpine' });
    expect(parseNormalized('alpine')).not.toHaveProperty('tag');
  });

  it('splits registry, path, tag and digest', () => {
    expect(parseNormalized(`localhost:5000/team/app:1@${DIGEST}`)).toEqual({
      domain: 'localhost:5000',
      path: 'team/app',
      tag: '1',
      digest: DIGEST,
    });
  });

  it('rewrites the legacy index.docker.io domain', () => {
    expect(parseNormalized('index.docker.io/nginx')).toEqual(parseNormalized('nginx'));
  });

  it('treats an upper-case first component as a registry, not a namespace', () => {
    expect(parseNormalized('Foo/bar')).toEqual({ domain: 'Foo', path: 'bar' });
  });

  it('keeps a path on no registry when the would-be domain is only a valid path component', () => {
    expect(parseNormalized('foo.bar_baz/x')).toEqual({ domain: '', path: 'foo.bar_baz/x' });
  });
});

describe('parse (no normalization)', () => {
  it('leaves names as written', () => {
    expect(parse('alpine')).toEqual({ domain: '', path: 'alpine' });
    expect(parse('localhost:5000')).toEqual({ domain: '', path: 'localhost', tag: '5000' });
    expect(parse('quay.io/a/b:1')).toEqual({ domain: 'quay.io', path: 'a/b', tag: '1' });
  });

  it('reports an empty name and upper case with the library constants', () => {
    expect(thrown(() => parse('')).message).toBe(REFERENCE_ERRORS.nameEmpty);
    expect(thrown(() => parse('')).message).toBe('repository name must have at least one component');
    expect(thrown(() => parse('Foo')).message).toBe('repository name must be lowercase');
    expect(thrown(() => parse('a b')).message).toBe('invalid reference format');
  });
});

describe('parseNamed and parseDockerRef', () => {
  it('parseNamed accepts only canonical input', () => {
    expect(parseNamed('docker.io/library/nginx:1')).toEqual(parseNormalized('nginx:1'));
    expect(thrown(() => parseNamed('nginx')).message).toBe('repository name must be canonical');
  });

  it('parseDockerRef adds latest, and drops a tag beside a digest', () => {
    expect(fullString(parseDockerRef('nginx'))).toBe('docker.io/library/nginx:latest');
    expect(fullString(parseDockerRef(`nginx:1@${DIGEST}`))).toBe(`docker.io/library/nginx@${DIGEST}`);
  });
});

describe('tags and digests', () => {
  it('withDefaultTag adds latest only to a bare name', () => {
    const bare = parseNormalized('nginx');
    expect(withDefaultTag(bare).tag).toBe(DEFAULT_TAG);
    expect(bare).not.toHaveProperty('tag');
    expect(withDefaultTag(parseNormalized('nginx:1')).tag).toBe('1');
    expect(withDefaultTag(parseNormalized(`nginx@${DIGEST}`))).not.toHaveProperty('tag');
    expect(isNameOnly(bare)).toBe(true);
    expect(isNameOnly(withDefaultTag(bare))).toBe(false);
  });

  it('withTag checks the tag and keeps the digest', () => {
    const pinned = parseNormalized(`nginx@${DIGEST}`);
    expect(fullString(withTag(pinned, 'v2'))).toBe(`docker.io/library/nginx:v2@${DIGEST}`);
    expect(thrown(() => withTag(pinned, '-bad')).message).toBe('invalid tag format');
    expect(thrown(() => withTag(pinned, 'a'.repeat(129))).message).toBe('invalid tag format');
  });

  it('withDigest checks the digest and keeps the tag', () => {
    const tagged = parseNormalized('nginx:1');
    expect(fullString(withDigest(tagged, DIGEST))).toBe(`docker.io/library/nginx:1@${DIGEST}`);
    expect(thrown(() => withDigest(tagged, 'sha256:abc')).message).toBe('invalid digest format');
  });

  it('trimNamed keeps the repository alone', () => {
    expect(trimNamed(parseNormalized(`a/b:1@${DIGEST}`))).toEqual({ domain: 'docker.io', path: 'a/b' });
  });
});

describe('printing references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx', 'nginx', 'library/nginx'],
    ['bitnami/redis:7.2', 'docker.io/bitnami/redis', 'bitnami/redis', 'bitnami/redis'],
    ['quay.io/foo/bar:1.0', 'quay.io/foo/bar', 'quay.io/foo/bar', 'foo/bar'],
    ['library/a/b', 'docker.io/library/a/b', 'library/a/b', 'library/a/b'],
    ['localhost/app', 'localhost/app', 'localhost/app', 'app'],
  ])('%s → name %s, familiar %s, path %s', (input, name, familiar, path) => {
    const ref = parseNormalized(input);
    expect(fullName(ref)).toBe(name);
    expect(familiarName(ref)).toBe(familiar);
    expect(repoPath(ref)).toBe(path);
  });

  it('fullString and familiarString carry tag then digest', () => {
    const ref = withDefaultTag(parseNormalized('nginx'));
    expect(fullString(ref)).toBe('docker.io/library/nginx:latest');
    expect(familiarString(ref)).toBe('nginx:latest');
    expect(familiarString(parseNormalized(`nginx:1@${DIGEST}`))).toBe(`nginx:1@${DIGEST}`);
    expect(familiarString({ digest: DIGEST })).toBe(DIGEST);
  });

  it('tagOrDigest is what precedes ": Pulling from"', () => {
    expect(tagOrDigest(parseNormalized('nginx'))).toBe('latest');
    expect(tagOrDigest(parseNormalized('nginx:1.27'))).toBe('1.27');
    expect(tagOrDigest(parseNormalized(`nginx:1@${DIGEST}`))).toBe(DIGEST);
  });
});

describe('image IDs where a reference may go', () => {
  it('parseAnyReference reads 64 hex and valid digests as IDs', () => {
    expect(parseAnyReference(HEX)).toEqual({ digest: DIGEST });
    expect(parseAnyReference(DIGEST)).toEqual({ digest: DIGEST });
    const short = parseAnyReference('sha256:abc');
    expect(isNamed(short) && fullString(short)).toBe('docker.io/library/sha256:abc');
    expect(isNamed(parseAnyReference('nginx'))).toBe(true);
    expect(thrown(() => parseAnyReference('BAD::ref')).message).toBe(
      'invalid reference format: repository name (library/BAD) must be lowercase',
    );
  });

  it('isFullImageId and imageIdPrefix', () => {
    expect(isFullImageId(HEX)).toBe(true);
    expect(isFullImageId(DIGEST)).toBe(true);
    expect(isFullImageId(HEX.slice(1))).toBe(false);
    expect(isFullImageId(HEX.toUpperCase())).toBe(false);
    expect(imageIdPrefix('abc123')).toBe('abc123');
    expect(imageIdPrefix('sha256:abc')).toBe('abc');
    expect(imageIdPrefix(DIGEST)).toBe(HEX);
    expect(imageIdPrefix('nginx')).toBeUndefined();
    expect(imageIdPrefix('ABC')).toBeUndefined();
    expect(imageIdPrefix('sha256:')).toBeUndefined();
  });

  it('normalizeForLookup gives the name of "No such image: ..."', () => {
    expect(normalizeForLookup('nosuch')).toBe('nosuch:latest');
    expect(normalizeForLookup('abc123')).toBe('abc123:latest');
    expect(normalizeForLookup('docker.io/library/nginx:1')).toBe('nginx:1');
    expect(normalizeForLookup(`nginx@${DIGEST}`)).toBe(`nginx@${DIGEST}`);
    expect(normalizeForLookup(HEX)).toBe(DIGEST);
    expect(normalizeForLookup('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(thrown(() => normalizeForLookup('nginx:')).message).toBe('invalid reference format');
  });
});

describe('docker tag', () => {
  const wrapped = (input: string, inner: string): string =>
    `Error parsing reference: ${input} is not a valid repository/tag: ${inner}`;

  it('wraps reference errors of either argument as the docker client does', () => {
    expect(thrown(() => parseTagArguments('nginx', 'BAD::x')).message).toBe(
      wrapped('"BAD::x"', 'invalid reference format: repository name (library/BAD) must be lowercase'),
    );
    expect(thrown(() => parseTagArguments('BAD::y', 'x')).message).toBe(
      wrapped('"BAD::y"', 'invalid reference format: repository name (library/BAD) must be lowercase'),
    );
    expect(thrown(() => parseTagArguments('nginx', '')).message).toBe(
      wrapped('""', 'invalid reference format'),
    );
  });

  it('quotes the argument with Go %q escapes', () => {
    const inner = new InvalidReferenceError('invalid reference format');
    expect(tagArgumentError('a\tb"\\x\x7fé\x01', inner).message).toBe(
      wrapped('"a\\tb\\"\\\\x\\x7fé\\x01"', 'invalid reference format'),
    );
    expect(tagArgumentError('x', inner).cause).toBe(inner);
  });

  it('accepts an ID as source, refuses a digest in the target, defaults the tag', () => {
    const { source, target } = parseTagArguments(HEX, 'myapp');
    expect(source).toEqual({ digest: DIGEST });
    expect(fullString(target)).toBe('docker.io/library/myapp:latest');
    expect(thrown(() => parseTagArguments('nginx', `x@${DIGEST}`)).message).toBe(
      'refusing to create a tag with a digest reference',
    );
  });
});

describe('pathological input', () => {
  it.each([
    ['a-'.repeat(50_000) + '!'],
    ['a.'.repeat(50_000) + '!'],
    ['a-b.'.repeat(25_000) + ':1/x:y:z'],
    ['ab-c.d__e/'.repeat(10_000) + ':'],
    [`nginx@sha256:${'a'.repeat(100_000)}g`],
  ])('rejects a long near-miss quickly (%#)', (input) => {
    const start = performance.now();
    expect(thrown(() => parseNormalized(input)).message).toBe('invalid reference format');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
