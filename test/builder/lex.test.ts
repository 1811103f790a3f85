import { describe, expect, it } from 'vitest';
import { envLookup, processWord, processWords } from '../../src/builder/lex.js';

/** Variable expansion with BuildKit's rules (cases after moby/buildkit's shell/lex tests). */
const env = envLookup([
  'PWD=/home',
  'SHELL=bash',
  'EMPTY=',
  'X=a b',
  'FILE=archive.tar.gz',
  'PATH=/usr/bin:/bin',
]);

describe('processWord', () => {
  it.each([
    ['hello', 'hello'],
    ['he"llo"', 'hello'],
    ["'$PWD'", '$PWD'],
    ['"$PWD"', '/home'],
    ['$PWD/app', '/home/app'],
    ['${PWD}x', '/homex'],
    ['\\$PWD', '$PWD'],
    ['"\\$PWD"', '$PWD'],
    ['"a\\zb"', 'a\\zb'],
    ['a\\ b', 'a b'],
    ['$NOPE', ''],
    ['${NOPE:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${PWD:-fallback}', '/home'],
    ['${PWD:+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${EMPTY+set}', 'set'],
    ['${NOPE+set}', ''],
    ['${FILE%.gz}', 'archive.tar'],
    ['${FILE%%.*}', 'archive'],
    ['${FILE#*.}', 'tar.gz'],
    ['${FILE##*.}', 'gz'],
    ['${PATH/bin/sbin}', '/usr/sbin:/bin'],
    ['${PATH//bin/sbin}', '/usr/sbin:/sbin'],
    ['$', '$'],
    ['$1', ''],
    ['a$', 'a$'],
    ['"${X}"', 'a b'],
  ])('%s → %s', (word, expected) => {
    expect(processWord(word, env)).toBe(expected);
  });

  it.each([
    ['${', 'failed to process "${": syntax error: missing \'}\''],
    ['${}', 'failed to process "${}": syntax error: bad substitution'],
    ['${:x}', 'failed to process "${:x}": syntax error: bad substitution'],
    ['${PWD:-x', 'failed to process "${PWD:-x": syntax error: missing \'}\''],
    ['${PWD!}', 'failed to process "${PWD!}": unsupported modifier (!) in substitution'],
    ['${PWD:=x}', 'failed to process "${PWD:=x}": unsupported modifier (:=) in substitution'],
    ['${NOPE?}', 'failed to process "${NOPE?}": NOPE: is not allowed to be unset'],
    ['${EMPTY:?must be set}', 'failed to process "${EMPTY:?must be set}": EMPTY: must be set'],
    [
      "'open",
      'failed to process "\'open": unexpected end of statement while looking for matching single-quote',
    ],
    [
      '"open',
      'failed to process "\\"open": unexpected end of statement while looking for matching double-quote',
    ],
  ])('%s fails', (word, message) => {
    expect(() => processWord(word, env)).toThrow(message);
  });

  it('uses the escape character a directive chose', () => {
    expect(processWord('c:\\dir `$PWD', env, { escape: '`' })).toBe('c:\\dir $PWD');
  });
});

describe('processWords', () => {
  it('splits after expansion, keeping quoted spaces', () => {
    expect(processWords('$X "c d" e', env)).toEqual(['a', 'b', 'c d', 'e']);
    expect(processWords('80 ${NOPE:-443/udp}', env)).toEqual(['80', '443/udp']);
  });
});

describe('patterns of ${VAR#…} and ${VAR%…}', () => {
  const env = envLookup(['V=a-b-c', 'W=--interval=1s']);
  it('a dash is an ordinary character (no invalid escape in the regular expression)', () => {
    expect(processWord('${V#*-}', env)).toBe('b-c');
    expect(processWord('${V%-*}', env)).toBe('a-b');
    expect(processWord('${W#--}', env)).toBe('interval=1s');
  });
  it('a bracket expression no regular expression takes matches itself', () => {
    expect(processWord('${V#[z-a]}', env)).toBe('a-b-c');
  });
});
