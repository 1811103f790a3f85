import { describe, expect, it } from 'vitest';
import { displayWidth, ellipsis, truncateId } from '../../src/format/width.js';

describe('displayWidth', () => {
  it('counts East-Asian wide characters as 2 and the ellipsis as 1', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('ｈｉ')).toBe(4); // full-width
    expect(displayWidth('…')).toBe(1);
    expect(displayWidth('héllo')).toBe(5);
    expect(displayWidth('😀')).toBe(2);
  });
});

describe('ellipsis', () => {
  // Limits docker uses: ps COMMAND 20, MOUNTS 15, history CREATED BY 45.
  it('cuts ps COMMAND to 20 columns (19 + …)', () => {
    expect(ellipsis('/docker-entrypoint.sh nginx -g daemon off;', 20)).toBe('/docker-entrypoint.…');
    expect(ellipsis("sh -c 'echo hello; sleep 1000'", 20)).toBe("sh -c 'echo hello; …");
    expect(ellipsis('docker-entrypoint.sh postgres', 20)).toBe('docker-entrypoint.s…');
    expect(ellipsis('python3 -m http.server 8000', 20)).toBe('python3 -m http.ser…');
  });

  it('keeps strings that fit', () => {
    expect(ellipsis('nginx', 20)).toBe('nginx');
    expect(ellipsis('12345678901234567890', 20)).toBe('12345678901234567890');
    expect(ellipsis('', 20)).toBe('');
  });

  it('cuts mounts to 15 and history to 45', () => {
    expect(ellipsis('45daba8971ed5a1c2e3f', 15)).toBe('45daba8971ed5a…');
    expect(ellipsis('/home/user/project/src', 15)).toBe('/home/user/pro…');
    expect(ellipsis('RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx', 45)).toBe(
      'RUN /bin/sh -c set -x     && groupadd --syst…',
    );
    expect(ellipsis('/bin/sh -c #(nop) ADD file:4b1be1de1a1e5aa608c688cad3824587f8d4d1c2 in / ', 45)).toBe(
      '/bin/sh -c #(nop) ADD file:4b1be1de1a1e5aa60…',
    );
  });

  it('measures wide characters', () => {
    expect(ellipsis('日本語のテキスト', 7)).toBe('日本語…');
    expect(ellipsis('日本語', 6)).toBe('日本語');
    expect(displayWidth(ellipsis('日本語のテキスト', 8))).toBeLessThanOrEqual(8);
  });

  it('handles tiny limits like docker', () => {
    expect(ellipsis('abc', 0)).toBe('');
    expect(ellipsis('abc', -1)).toBe('');
    expect(ellipsis('abc', 1)).toBe('a');
    expect(ellipsis('abc', 2)).toBe('a…');
  });
});

describe('truncateId', () => {
  it('drops the algorithm and keeps 12 characters', () => {
    expect(truncateId('sha256:24b3c3ce2587a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b')).toBe(
      '24b3c3ce2587',
    );
    expect(truncateId('038ccd135921a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b')).toBe(
      '038ccd135921',
    );
    expect(truncateId('abc')).toBe('abc');
    expect(truncateId('a:b:c')).toBe('b:c');
  });
});
