import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RowContext } from '../../src/format/context.js';
import { ago } from '../../src/format/duration.js';
import { renderList, resolveFormat } from '../../src/format/formatter.js';
import { humanSizeWithPrecision } from '../../src/format/size.js';
import {
  goQuote,
  TemplateExecError,
  TemplateParseError,
  withSignature,
} from '../../src/format/template/index.js';
import { ellipsis } from '../../src/format/width.js';

const golden = (name: string): string => readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');
const DAY = 86_400_000;

const PS_TABLE =
  'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';
const PS_HEADERS = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  RunningFor: 'CREATED',
  Status: 'STATUS',
  Ports: 'PORTS',
  Names: 'NAMES',
  Size: 'SIZE',
  CreatedAt: 'CREATED AT',
  State: 'STATE',
};

interface Ps {
  id: string;
  image: string;
  command: string;
  created: string;
  status: string;
  ports: string;
  names: string;
}

/** A cut-down ContainerContext, enough for the tests. */
class PsContext extends RowContext {
  constructor(private readonly c: Ps) {
    super('*formatter.ContainerContext');
  }
  get ID(): string {
    return this.c.id;
  }
  get Image(): string {
    return this.c.image;
  }
  get Command(): string {
    return goQuote(ellipsis(this.c.command, 20));
  }
  get RunningFor(): string {
    return this.c.created;
  }
  get Status(): string {
    return this.c.status;
  }
  get Ports(): string {
    return this.c.ports;
  }
  get Names(): string {
    return this.c.names;
  }
  Label(name: string): string {
    return name === 'com.example.app-name' ? 'shop' : '';
  }
}
withSignature({ params: ['string'] }, PsContext.prototype.Label);

const PORTS_MANY =
  '7000-7002/tcp, 53/udp, 7005/tcp, 0.0.0.0:9000-9001->9000-9001/tcp, 0.0.0.0:32768->3000/tcp, [::]:32768->3000/tcp';
const psRows: Ps[] = [
  [
    '038ccd135921',
    'nginx',
    "/docker-entrypoint.sh nginx -g 'daemon off;'",
    '30 seconds ago',
    'Up 29 seconds',
    '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
    'quirky_lovelace',
  ],
  [
    '45531b801bc3',
    'nginx:1.27-alpine',
    'nginx',
    'About a minute ago',
    'Up About a minute (healthy)',
    '80/tcp, 443/tcp',
    'web',
  ],
  [
    '071969ed5e66',
    'postgres:16',
    'docker-entrypoint.sh postgres',
    '2 hours ago',
    'Up 2 hours (Paused)',
    '127.0.0.1:5432->5432/tcp',
    'db',
  ],
  [
    '48dfb85a2109',
    'busybox',
    "sh -c 'echo hello; sleep 1'",
    '3 days ago',
    'Exited (0) 3 days ago',
    '',
    'old_job',
  ],
  ['0aa606c763ab', 'alpine', 'sh', 'Less than a second ago', 'Created', '', 'fresh'],
  ['4c6c5534264e', '3c1ca95b6b30', '', '13 months ago', 'Restarting (1) 5 seconds ago', PORTS_MANY, 'ranges'],
  ['0e32a3a168f0', 'redis', 'redis-server', '2 weeks ago', 'Removal In Progress', '', 'dying'],
  [
    '4ff8f20e2b93',
    'registry.example.com:5000/team/app:v1.2.3',
    'python3 -m http.server 8000 --bind 0.0.0.0',
    '2 months ago',
    'Dead',
    '',
    'deadc',
  ],
].map(
  ([id, image, command, created, status, ports, names]) =>
    ({ id, image, command, created, status, ports, names }) as Ps,
);

const ps = (): PsContext[] => psRows.map((r) => new PsContext(r));
const psOpts = (format?: string) => ({ format, defaultTable: PS_TABLE, headers: PS_HEADERS });

describe('renderList: table mode', () => {
  it('renders `docker ps -a` exactly', () => {
    expect(renderList(ps(), psOpts(undefined))).toBe(golden('ps-a.golden'));
  });

  it('treats "table" like the default', () => {
    expect(renderList(ps(), psOpts('table'))).toBe(golden('ps-a.golden'));
  });

  it('prints only the header for an empty list', () => {
    expect(renderList([], psOpts(undefined))).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
    expect(renderList([], psOpts('table {{.ID}}\\t{{.Names}}\\t{{.Size}}'))).toBe(
      'CONTAINER ID   NAMES     SIZE\n',
    );
  });

  it('renders `table TEMPLATE` with its own columns', () => {
    expect(renderList(ps().slice(0, 2), psOpts('table {{.ID}}\\t{{.Names}}'))).toBe(
      'CONTAINER ID   NAMES\n038ccd135921   quirky_lovelace\n45531b801bc3   web\n',
    );
  });

  it('keeps text outside placeholders in the header', () => {
    expect(renderList(ps().slice(1, 2), psOpts('table foo {{.Names}}'))).toBe('foo NAMES\nfoo web\n');
  });

  it('derives the header of {{.Label "…"}} from the label name', () => {
    expect(renderList(ps().slice(1, 2), psOpts('table {{.Names}}\\t{{.Label "com.example.app-name"}}'))).toBe(
      'NAMES     app name\nweb       shop\n',
    );
    expect(renderList([], psOpts('table {{.Label "com.example.a"}}'))).toBe('a\n');
  });

  it('renders headers with docker header functions (only pad applies)', () => {
    // Same shape as a real `docker context ls --format 'table …'` capture.
    const out = renderList(
      ps().slice(1, 2),
      psOpts(
        'table {{.Names}}\\t{{json .Names}}\\t{{pad .Names 1 1}}|{{upper .Image}}|{{split .Names ","}}|{{truncate .Names 2}}|{{.Names | printf "%.3s"}}|{{lower .ID}}|{{title .Names}}',
      ),
    );
    expect(out).toBe(
      'NAMES     NAMES      NAMES |IMAGE|NAMES|NAMES|NAM|CONTAINER ID|NAMES\n' +
        'web       "web"      web |NGINX:1.27-ALPINE|[web]|we|web|45531b801bc3|Web\n',
    );
  });

  it('keeps what the header printed before failing, like docker', () => {
    expect(renderList(ps().slice(1, 2), psOpts('table {{json .}}'))).toMatch(/^\n\{"Command"/);
    expect(renderList([], psOpts('table {{.Names}}\\t{{.Unknown}} '))).toBe('NAMES     <no value>\n');
  });

  it('leaves an empty last column as trailing padding', () => {
    const out = renderList(ps().slice(3, 5), psOpts('table {{.Names}}\\t{{.Ports}}'));
    expect(out).toBe('NAMES     PORTS\nold_job   \nfresh     \n');
  });
});

describe('renderList: other modes', () => {
  it('json prints one object per line with every placeholder, sorted and HTML-escaped', () => {
    const out = renderList(ps().slice(0, 1), psOpts('json'));
    expect(out).toBe(
      '{"Command":"\\"/docker-entrypoint.…\\"","ID":"038ccd135921","Image":"nginx","Names":"quirky_lovelace",' +
        '"Ports":"0.0.0.0:8080-\\u003e80/tcp, [::]:8080-\\u003e80/tcp","RunningFor":"30 seconds ago","Status":"Up 29 seconds"}\n',
    );
    expect(renderList([], psOpts('json'))).toBe('');
  });

  it('a plain template prints per item, without header or alignment', () => {
    expect(renderList(ps().slice(0, 2), psOpts('{{.ID}}: {{.Names}}'))).toBe(
      '038ccd135921: quirky_lovelace\n45531b801bc3: web\n',
    );
    expect(renderList(ps().slice(0, 1), psOpts('{{.Names}}\\t{{.ID}}'))).toBe(
      'quirky_lovelace\t038ccd135921\n',
    );
    expect(renderList([], psOpts('{{.ID}}'))).toBe('');
  });

  it('quiet prints IDs only', () => {
    expect(renderList(ps().slice(0, 2), { ...psOpts('table {{.Names}}'), quiet: true })).toBe(
      '038ccd135921\n45531b801bc3\n',
    );
  });

  it('raw uses the command’s raw template when it has one', () => {
    const raw = 'container_id: {{.ID}}\\nnames: {{.Names}}\\n';
    expect(renderList(ps().slice(1, 2), { ...psOpts('raw'), raw })).toBe(
      'container_id: 45531b801bc3\nnames: web\n\n',
    );
  });
});

/** A row context whose placeholders are the given values (for the captured JSON lines). */
function staticContext(values: Record<string, string | null>): RowContext {
  class Static extends RowContext {
    constructor() {
      super('*formatter.staticContext');
    }
    Label(name: string): string {
      return name;
    }
  }
  for (const [k, v] of Object.entries(values)) Object.defineProperty(Static.prototype, k, { get: () => v });
  return new Static();
}

describe('renderList: the captured `--format json` lines', () => {
  const json = (values: Record<string, string | null>): string =>
    renderList([staticContext(values)], { format: 'json', defaultTable: 'table {{.ID}}', headers: {} });

  it('docker ps', () => {
    expect(
      json({
        ID: '038ccd135921',
        Image: 'nginx',
        Command: '"/docker-entrypoint.…"',
        CreatedAt: '2026-11-23 14:03:35 +0000 UTC',
        RunningFor: '30 seconds ago',
        Ports: '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
        State: 'running',
        Status: 'Up 29 seconds',
        Size: '0B',
        Names: 'quirky_lovelace',
        Labels: '',
        Mounts: '',
        Networks: 'bridge',
        LocalVolumes: '0',
        Platform: null,
      }),
    ).toBe(
      '{"Command":"\\"/docker-entrypoint.…\\"","CreatedAt":"2026-11-23 14:03:35 +0000 UTC","ID":"038ccd135921","Image":"nginx","Labels":"","LocalVolumes":"0","Mounts":"","Names":"quirky_lovelace","Networks":"bridge","Platform":null,"Ports":"0.0.0.0:8080-\\u003e80/tcp, [::]:8080-\\u003e80/tcp","RunningFor":"30 seconds ago","Size":"0B","State":"running","Status":"Up 29 seconds"}\n',
    );
  });

  it('docker images', () => {
    expect(
      json({
        Containers: 'N/A',
        CreatedAt: '2026-11-10 14:04:22 +0000 UTC',
        CreatedSince: '13 days ago',
        Digest: '<none>',
        ID: '24b3c3ce2587',
        Repository: 'nginx',
        SharedSize: 'N/A',
        Size: '192MB',
        Tag: 'latest',
        UniqueSize: 'N/A',
        VirtualSize: '192MB',
      }),
    ).toBe(
      '{"Containers":"N/A","CreatedAt":"2026-11-10 14:04:22 +0000 UTC","CreatedSince":"13 days ago","Digest":"\\u003cnone\\u003e","ID":"24b3c3ce2587","Repository":"nginx","SharedSize":"N/A","Size":"192MB","Tag":"latest","UniqueSize":"N/A","VirtualSize":"192MB"}\n',
    );
  });

  it('docker stats', () => {
    expect(
      json({
        BlockIO: '4.1MB / 12.3kB',
        CPUPerc: '2.00%',
        Container: 'web',
        ID: '038ccd135921',
        MemPerc: '0.15%',
        MemUsage: '12MiB / 7.675GiB',
        Name: 'web',
        NetIO: '1.45kB / 0B',
        PIDs: '3',
      }),
    ).toBe(
      '{"BlockIO":"4.1MB / 12.3kB","CPUPerc":"2.00%","Container":"web","ID":"038ccd135921","MemPerc":"0.15%","MemUsage":"12MiB / 7.675GiB","Name":"web","NetIO":"1.45kB / 0B","PIDs":"3"}\n',
    );
  });
});

describe('renderList: errors carry Go texts', () => {
  it('an unknown field names the context type', () => {
    expect(() => renderList(ps(), psOpts('{{.Bogus}}'))).toThrow(
      new TemplateExecError(
        'template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.ContainerContext',
      ),
    );
  });

  it('a syntax error is a parse error', () => {
    expect(() => renderList(ps(), psOpts('{{.ID'))).toThrow(
      new TemplateParseError('template: :1: unclosed action'),
    );
  });
});

describe('resolveFormat', () => {
  it.each([
    [undefined, true, '{{.ID}}\t{{.Names}}'],
    ['', true, '{{.ID}}\t{{.Names}}'],
    ['table', true, '{{.ID}}\t{{.Names}}'],
    ['table   {{.ID}} ', true, '{{.ID}}'],
    ['json', false, '{{json .}}'],
    [' {{.ID}}\\n', false, '{{.ID}}\n'],
  ])('%j', (format, table, template) => {
    expect(resolveFormat({ format, defaultTable: 'table {{.ID}}\\t{{.Names}}', headers: {} })).toEqual({
      table,
      template,
    });
  });
});

describe('docker images, end to end', () => {
  const IMAGES_TABLE =
    'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{if .CreatedSince}}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}';

  class ImageContext extends RowContext {
    constructor(private readonly r: [string, string, string, number, number]) {
      super('*formatter.imageContext');
    }
    get Repository(): string {
      return this.r[0];
    }
    get Tag(): string {
      return this.r[1];
    }
    get ID(): string {
      return this.r[2];
    }
    get CreatedSince(): string {
      return ago(this.r[3]);
    }
    get Size(): string {
      return humanSizeWithPrecision(this.r[4], 3);
    }
  }

  it('matches the captured table, `1e+03kB` included', () => {
    const rows: [string, string, string, number, number][] = [
      ['nginx', 'latest', '24b3c3ce2587', 13 * DAY, 192_000_000],
      ['nginx', '1.27', '24b3c3ce2587', 13 * DAY, 192_000_000],
      ['myweb', 'prod', '24b3c3ce2587', 13 * DAY, 192_000_000],
      ['alpine', '3.20', '667a123b6829', 60 * DAY, 7_795_200],
      ['<none>', '<none>', '284060a82acc', 5 * 3_600_000, 999_500],
      ['busybox', '<none>', '6a06af156d6f', 480 * DAY, 4_260_000],
      ['hello-world', 'latest', '2bccfd823011', 800 * DAY, 10_100],
      ['tiny', '1', '6d934bef72b4', 56 * 365.25 * DAY, 999],
      ['localhost:5000/team/app', 'dev', '2f599a5c3556', 45_000, 1_234_567_890],
    ];
    const headers = {
      Repository: 'REPOSITORY',
      Tag: 'TAG',
      ID: 'IMAGE ID',
      CreatedSince: 'CREATED',
      Size: 'SIZE',
    };
    const out = renderList(
      rows.map((r) => new ImageContext(r)),
      { format: undefined, defaultTable: IMAGES_TABLE, headers },
    );
    expect(out).toBe(golden('images.golden'));
  });
});
