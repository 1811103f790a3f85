/**
 * Image references: how `alpine` comes to mean `docker.io/library/alpine:latest`.
 *
 * This reimplements the behaviour of github.com/distribution/reference (the library both the docker
 * client and the daemon use): the plain parser, the "normalized" parser that fills in Docker Hub and
 * the `library/` namespace of official images, and the "familiar" forms docker prints back. Error
 * texts are docker's own, character for character, because learners compare them with real docker.
 */
import {
  DIGEST_RE,
  digestProblem,
  goQuote,
  goToLower,
  IDENTIFIER_RE,
  NAME_RE,
  REFERENCE_RE,
  TAG_RE,
} from './reference-grammar.js';

export const DEFAULT_DOMAIN = 'docker.io';
/** The old name of Docker Hub's registry; references to it are rewritten to `docker.io`. */
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';
export const NAME_TOTAL_LENGTH_MAX = 255;

/** The constant messages of the reference library. */
export const REFERENCE_ERRORS = {
  invalidFormat: 'invalid reference format',
  tagInvalidFormat: 'invalid tag format',
  digestInvalidFormat: 'invalid digest format',
  nameContainsUppercase: 'repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`,
  nameNotCanonical: 'repository name must be canonical',
} as const;

/** A reference docker cannot parse; the message is what docker prints. */
export class InvalidReferenceError extends Error {
  override readonly name = 'InvalidReferenceError';
}

/**
 * A named reference. `domain` is `docker.io` for Docker Hub and `path` holds `library/` for official
 * images. `domain` is empty only in one corner: `foo.bar_baz/x` is not a valid domain plus path, but
 * is a valid path, so docker keeps the whole thing as a path on no registry.
 */
export interface Reference {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** A bare digest (`sha256:<64 hex>`), which is how docker reads an image ID given where a reference goes. */
export interface DigestReference {
  readonly digest: string;
}

export type AnyReference = Reference | DigestReference;

export function isNamed(ref: AnyReference): ref is Reference {
  return 'path' in ref;
}

function makeReference(domain: string, path: string, tag?: string, digest?: string): Reference {
  return {
    domain,
    path,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/**
 * distribution's Parse: the reference exactly as written, no Docker Hub defaults (`alpine` has an empty
 * domain and path `alpine`). Most callers want {@link parseNormalized}.
 */
export function parse(s: string): Reference {
  const match = REFERENCE_RE.exec(s);
  if (match === null) {
    if (s === '') throw new InvalidReferenceError(REFERENCE_ERRORS.nameEmpty);
    if (REFERENCE_RE.test(goToLower(s)))
      throw new InvalidReferenceError(REFERENCE_ERRORS.nameContainsUppercase);
    throw new InvalidReferenceError(REFERENCE_ERRORS.invalidFormat);
  }
  const [, name = '', tag, digest] = match;
  const nameMatch = NAME_RE.exec(name);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch?.[2] ?? name;
  // Only the path counts: `localhost/` + 255 characters is fine, `library/` + 248 is not.
  if (path.length > NAME_TOTAL_LENGTH_MAX) throw new InvalidReferenceError(REFERENCE_ERRORS.nameTooLong);
  if (digest !== undefined) {
    const problem = digestProblem(digest);
    if (problem !== undefined) throw new InvalidReferenceError(problem);
  }
  return makeReference(domain, path, tag, digest);
}

/**
 * Splits off the registry. The first component is a registry when the name has a `/` and that
 * component is `localhost`, contains `.` or `:`, or has an upper-case letter (namespaces cannot).
 * Hub names without a namespace get `library/`.
 */
function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/');
  if (slash === -1) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const first = name.slice(0, slash);
  let domain = DEFAULT_DOMAIN;
  let remainder = name;
  if (first === LEGACY_DEFAULT_DOMAIN) {
    remainder = name.slice(slash + 1);
  } else if (first === 'localhost' || /[.:]/.test(first) || goToLower(first) !== first) {
    domain = first;
    remainder = name.slice(slash + 1);
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return [domain, remainder];
}

/**
 * distribution's ParseNormalizedNamed, what `docker pull`, `tag`, `push` and the daemon use:
 * `alpine` → docker.io/library/alpine (no tag added; see {@link withDefaultTag}).
 */
export function parseNormalized(s: string): Reference {
  if (IDENTIFIER_RE.test(s)) {
    throw new InvalidReferenceError(
      `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`,
    );
  }
  const [domain, remainder] = splitDockerDomain(s);
  // Docker shows the remainder up to its first `:` — which is why `BAD::ref` reports
  // `library/BAD` and `nginx@SHA256:…` reports `library/nginx@SHA256`.
  const colon = remainder.indexOf(':');
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (goToLower(remote) !== remote) {
    throw new InvalidReferenceError(
      `${REFERENCE_ERRORS.invalidFormat}: repository name (${remote}) must be lowercase`,
    );
  }
  return parse(`${domain}/${remainder}`);
}

/** distribution's ParseNamed: normalized parsing that also insists the input was already canonical. */
export function parseNamed(s: string): Reference {
  const ref = parseNormalized(s);
  if (fullString(ref) !== s) throw new InvalidReferenceError(REFERENCE_ERRORS.nameNotCanonical);
  return ref;
}

/** distribution's ParseDockerRef: normalized, `latest` added, and a tag dropped when a digest pins the image. */
export function parseDockerRef(s: string): Reference {
  const ref = parseNormalized(s);
  if (ref.digest !== undefined) return makeReference(ref.domain, ref.path, undefined, ref.digest);
  return withDefaultTag(ref);
}

/**
 * distribution's ParseAnyReference, used where an image ID may stand in for a reference (`run`,
 * `create`, `tag`'s source, the daemon's image lookup): 64 hex or a valid digest becomes a digest.
 */
export function parseAnyReference(s: string): AnyReference {
  if (IDENTIFIER_RE.test(s)) return { digest: `sha256:${s}` };
  if (digestProblem(s) === undefined) return { digest: s };
  return parseNormalized(s);
}

export function isNameOnly(ref: Reference): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}

/** distribution's TagNameOnly: `latest` when the reference has neither tag nor digest. */
export function withDefaultTag(ref: Reference): Reference {
  return isNameOnly(ref) ? makeReference(ref.domain, ref.path, DEFAULT_TAG) : ref;
}

/** distribution's WithTag: replaces the tag, keeps any digest. */
export function withTag(ref: Reference, tag: string): Reference {
  if (!TAG_RE.test(tag)) throw new InvalidReferenceError(REFERENCE_ERRORS.tagInvalidFormat);
  return makeReference(ref.domain, ref.path, tag, ref.digest);
}

/** distribution's WithDigest: replaces the digest, keeps any tag. Checks only the digest's shape. */
export function withDigest(ref: Reference, digest: string): Reference {
  if (!DIGEST_RE.test(digest)) throw new InvalidReferenceError(REFERENCE_ERRORS.digestInvalidFormat);
  return makeReference(ref.domain, ref.path, ref.tag, digest);
}

/** distribution's TrimNamed: the repository alone. */
export function trimNamed(ref: Reference): Reference {
  return makeReference(ref.domain, ref.path);
}

/** `docker.io/library/nginx` — the repository's full name (Named.Name()). */
export function fullName(ref: Reference): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}

function suffix(ref: Reference): string {
  return (ref.tag === undefined ? '' : `:${ref.tag}`) + (ref.digest === undefined ? '' : `@${ref.digest}`);
}

/** `docker.io/library/nginx:latest` — the last line of `docker pull`. */
export function fullString(ref: Reference): string {
  return fullName(ref) + suffix(ref);
}

/**
 * `nginx`, `bitnami/redis`, `quay.io/foo/bar`: Docker Hub is implied and `library/` is dropped, but
 * only for one-component official names (`library/a/b` stays as it is).
 */
export function familiarName(ref: Reference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return fullName(ref);
  const rest = ref.path.startsWith(OFFICIAL_REPO_PREFIX) ? ref.path.slice(OFFICIAL_REPO_PREFIX.length) : '';
  return rest !== '' && !rest.includes('/') ? rest : ref.path;
}

/** `nginx:latest`, `nginx@sha256:…` — how docker names an image back to the user. */
export function familiarString(ref: AnyReference): string {
  return isNamed(ref) ? familiarName(ref) + suffix(ref) : ref.digest;
}

/** `library/nginx`: the path without the registry, as in `latest: Pulling from library/nginx`. */
export function repoPath(ref: Reference): string {
  return ref.path;
}

/** What the daemon puts before `: Pulling from`: the digest of a pinned pull, else the tag. */
export function tagOrDigest(ref: Reference): string {
  return ref.digest ?? ref.tag ?? DEFAULT_TAG;
}

/** A full image ID, with or without its `sha256:`: docker reads it as an ID, never as a name. */
export function isFullImageId(s: string): boolean {
  return /^(?:sha256:)?[a-f0-9]{64}$/.test(s);
}

/**
 * The hex an image-ID lookup should search for when `s` looks like an ID or ID prefix (`sha256:<hex>`
 * or bare lower-case hex), else undefined. Docker's image lookup first tries `s` as a reference
 * (`abc123` → the tag `abc123:latest`) and only then as an ID prefix, so callers keep that order.
 */
export function imageIdPrefix(s: string): string | undefined {
  return /^(?:sha256:)?([a-f0-9]+)$/.exec(s)?.[1];
}

/**
 * The name in the daemon's `No such image: <ref>`: the familiar string with `latest` added to a bare
 * name (`nosuch` → `nosuch:latest`, even `abc123` → `abc123:latest`); an ID stays a digest.
 */
export function normalizeForLookup(s: string): string {
  const ref = parseAnyReference(s);
  return familiarString(isNamed(ref) ? withDefaultTag(ref) : ref);
}

/** How the docker client wraps a reference error from `docker tag SOURCE TARGET`. */
export function tagArgumentError(input: string, cause: unknown): InvalidReferenceError {
  const inner = cause instanceof Error ? cause.message : String(cause);
  return new InvalidReferenceError(
    `Error parsing reference: ${goQuote(input)} is not a valid repository/tag: ${inner}`,
    { cause },
  );
}

/**
 * The client-side checks of `docker tag SOURCE TARGET`: the source may be an ID, the target must be a
 * name and must not carry a digest; a bare target gets `latest`.
 */
export function parseTagArguments(
  source: string,
  target: string,
): { source: AnyReference; target: Reference } {
  const parsed = <T>(input: string, parser: (s: string) => T): T => {
    try {
      return parser(input);
    } catch (err) {
      throw tagArgumentError(input, err);
    }
  };
  const from = parsed(source, parseAnyReference);
  const to = parsed(target, parseNormalized);
  if (to.digest !== undefined) {
    throw new InvalidReferenceError('refusing to create a tag with a digest reference');
  }
  return { source: from, target: withDefaultTag(to) };
}
