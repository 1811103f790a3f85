/**
 * The grammar of image references, as the regular expressions of github.com/distribution/reference
 * define it, and the digest checks of github.com/opencontainers/go-digest.
 *
 *   reference        := name [ ":" tag ] [ "@" digest ]
 *   name             := [domain "/"] remote-name
 *   domain           := host [":" port-number]
 *   host             := domain-name | "[" IPv6address "]"
 *   domain-name      := domain-component ["." domain-component]*
 *   domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 *   remote-name      := path-component ["/" path-component]*
 *   path-component   := alpha-numeric [separator alpha-numeric]*
 *   alpha-numeric    := /[a-z0-9]+/
 *   separator        := /[_.]|__|[-]+/
 *   tag              := /[\w][\w.-]{0,127}/
 *   digest           := algorithm ":" hex     (hex at least 32 characters here; go-digest checks the rest)
 *
 * JavaScript regular expressions pick the same submatches as Go's (leftmost-first), so the captures
 * below split a reference exactly as docker does, including its odd corners.
 */

const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainAndPort = `(?:${domainName}|${ipv6Address})(?::[0-9]+)?`;

const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const name = `(?:${domainAndPort}/)?${remoteName}`;

/** Whole reference; captures name, tag, digest. */
export const REFERENCE_RE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
/** A name alone; captures domain (absent when the first component is not a valid domain) and path. */
export const NAME_RE = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
export const TAG_RE = new RegExp(`^${tag}$`);
export const DIGEST_RE = new RegExp(`^${digest}$`);
/** A full image ID written without its algorithm: what docker refuses as a repository name. */
export const IDENTIFIER_RE = /^[a-f0-9]{64}$/;

/** Hex length of each digest algorithm docker links in (go-digest's "available" algorithms). */
const DIGEST_HEX_LENGTH = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);
/** go-digest's own, looser, digest pattern: decides "unsupported" versus "invalid format". */
const GO_DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/**
 * Why go-digest's Parse would reject `d`, or undefined when it is a valid digest.
 * The texts are go-digest's, which docker prints unwrapped (`docker pull nginx@sha256:<32 hex>`).
 */
export function digestProblem(d: string): string | undefined {
  const colon = d.indexOf(':');
  if (colon <= 0 || colon + 1 === d.length) return 'invalid checksum digest format';
  const hexLength = DIGEST_HEX_LENGTH.get(d.slice(0, colon));
  if (hexLength === undefined) {
    return GO_DIGEST_RE.test(d) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  }
  const encoded = d.slice(colon + 1);
  if (encoded.length !== hexLength) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(encoded) ? undefined : 'invalid checksum digest format';
}

/**
 * Go's strings.ToLower: a simple per-character mapping. It differs from String.prototype.toLowerCase
 * for U+0130 (İ), which Go maps to a plain `i` — and that decides whether docker reports
 * "repository name must be lowercase" or "invalid reference format".
 */
export function goToLower(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += ch === '\u0130' ? 'i' : ch.toLowerCase();
  return out;
}

/** Go's %q for the strings docker quotes in messages (`Error parsing reference: "a\tb" ...`). */
export function goQuote(s: string): string {
  const named: Record<string, string> = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
    '"': '\\"',
    '\\': '\\\\',
  };
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (named[ch] !== undefined) out += named[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}
