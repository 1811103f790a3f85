import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignTable, tabwrite } from '../../src/format/tabwriter.js';

const golden = (name: string): string => readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');

describe('alignTable (docker tables: min width 10, padding 3)', () => {
  // Empty listings print only the header; no trailing spaces after the last header.
  it.each([
    [
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    ],
    [
      ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
    ],
    [['DRIVER', 'VOLUME NAME'], 'DRIVER    VOLUME NAME\n'],
    [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], 'NETWORK ID   NAME      DRIVER    SCOPE\n'],
    [
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', 'SIZE'],
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES     SIZE\n',
    ],
  ])('header %j', (header, expected) => {
    expect(alignTable([header])).toBe(expected);
  });

  it('pads empty cells and leaves the last cell unpadded, even when empty', () => {
    expect(
      alignTable([
        ['A', 'B', 'C'],
        ['x', '', 'z'],
        ['x', 'y', ''],
      ]),
    ).toBe('A         B         C\nx                   z\nx         y         \n');
  });

  it('reproduces `docker history nginx`, trailing spaces of empty COMMENTs included', () => {
    const rows = [
      ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
      ['733d213a1e03', '13 days ago', 'CMD ["nginx" "-g" "daemon off;"]', '0B', 'buildkit.dockerfile.v0'],
      ['<missing>', '13 days ago', 'STOPSIGNAL SIGQUIT', '0B', 'buildkit.dockerfile.v0'],
      ['<missing>', '13 days ago', 'EXPOSE map[80/tcp:{}]', '0B', 'buildkit.dockerfile.v0'],
      [
        '<missing>',
        '13 days ago',
        'RUN /bin/sh -c set -x     && groupadd --syst…',
        '118MB',
        'buildkit.dockerfile.v0',
      ],
      ['<missing>', '2 weeks ago', '/bin/sh -c #(nop)  CMD ["bash"]', '0B', ''],
      ['<missing>', '2 weeks ago', '/bin/sh -c #(nop) ADD file:4b1be1de1a1e5aa60…', '74.8MB', ''],
    ];
    expect(alignTable(rows)).toBe(golden('history.golden'));
  });

  it('counts wide characters twice', () => {
    expect(
      alignTable([
        ['NAME', 'X'],
        ['日本語の名前', 'y'],
      ]),
    ).toBe('NAME           X\n日本語の名前   y\n');
  });

  it('honours other settings (docker top: min width 20)', () => {
    expect(
      alignTable(
        [
          ['UID', 'PID'],
          ['root', '1'],
        ],
        { minWidth: 20, padding: 3 },
      ),
    ).toBe('UID                 PID\nroot                1\n');
  });
});

describe('tabwrite: column blocks', () => {
  it('lays out `docker version` (min width 20, padding 1): lines without tabs split blocks', () => {
    const lines = [
      'Client:',
      ' Version:\t28.2.2',
      ' API version:\t1.50',
      ' Go version:\tgo1.24.3',
      ' Git commit:\te6534b4',
      ' Built:\tFri May 30 12:07:14 2025',
      ' OS/Arch:\tlinux/amd64',
      ' Context:\tdefault',
      '',
      'Server: Docker Engine - Community',
      ' Engine:',
      '  Version:\t28.2.2',
      '  API version:\t1.50 (minimum version 1.24)',
      '  Go version:\tgo1.24.3',
      '  Git commit:\t45873be',
      '  Built:\tFri May 30 12:07:14 2025',
      '  OS/Arch:\tlinux/amd64',
      '  Experimental:\tfalse',
      ' containerd:',
      '  Version:\t1.7.27',
      '  GitCommit:\t05044ec0a9a75232cad458027ca83437aae3f4da',
      ' runc:',
      '  Version:\t1.2.5',
      '  GitCommit:\tv1.2.5-0-g59923ef',
      ' docker-init:',
      '  Version:\t0.19.0',
      '  GitCommit:\tde40ad0',
    ];
    expect(tabwrite(`${lines.join('\n')}\n`, { minWidth: 20, padding: 1 })).toBe(golden('version.golden'));
  });

  it('computes widths per block', () => {
    const text = 'a\tb\tc\nlonger cell\td\te\nno tabs here\nx\ty\tz\n';
    expect(tabwrite(text, { minWidth: 0, padding: 1 })).toBe(
      'a           b c\nlonger cell d e\nno tabs here\nx y z\n',
    );
  });

  it('lets a row with more cells open an inner block', () => {
    const text = 'a\tb\nc\td\te\tf\ng\th\ti\n';
    expect(tabwrite(text, { minWidth: 0, padding: 1 })).toBe('a b\nc d e f\ng h i\n');
  });

  it('keeps text without a final newline as the last line', () => {
    expect(tabwrite('a\tb\ncc\td', { minWidth: 0, padding: 1 })).toBe('a  b\ncc d');
    expect(tabwrite('', {})).toBe('');
  });
});
