import {
  type Dialect,
  type ExecIO,
  type ExecOutcome,
  Shell,
  type ShellHost,
  type ShellOptions,
} from '../../src/shell/index.js';
import { MemFs } from './memfs.js';
import { PROGRAMS } from './programs.js';

/**
 * A host for shell tests: an in-memory filesystem with the fake programs in /bin, and scripts
 * with a `#!/bin/sh` line run by a nested Shell of the same dialect.
 */
export class FakeHost implements ShellHost {
  readonly fs: MemFs;
  readonly calls: Array<{ argv: string[]; io: ExecIO }> = [];

  constructor(
    files: Record<string, string> = {},
    readonly dialect: Dialect = 'ash',
  ) {
    this.fs = new MemFs({ '/root/': '', '/tmp/': '', '/usr/bin/': '', ...files });
    for (const name of [...Object.keys(PROGRAMS), 'sh']) this.fs.put(`/bin/${name}`, '', 0o755);
  }

  pid(): number {
    return 1;
  }

  hostname(): string {
    return 'c0ffee123456';
  }

  uid = (): number => 0;

  async exec(argv: string[], io: ExecIO): Promise<ExecOutcome> {
    this.calls.push({ argv, io });
    const name = argv[0]!;
    let path: string | undefined;
    if (name.includes('/')) path = name.startsWith('/') ? name : `${io.cwd === '/' ? '' : io.cwd}/${name}`;
    else {
      for (const dir of (io.env.PATH ?? '/bin').split(':')) {
        if (this.fs.stat(`${dir}/${name}`)) {
          path = `${dir}/${name}`;
          break;
        }
      }
    }
    const st = path === undefined ? undefined : this.fs.stat(path.replace(/\/\.\//g, '/'));
    if (!st || !path) return { notFound: true };
    if (st.type === 'dir' || (st.mode & 0o111) === 0) return { notExecutable: true };
    const base = path.slice(path.lastIndexOf('/') + 1);
    const text = this.fs.readFile(path.replace(/\/\.\//g, '/'));
    if (text.startsWith('#!')) return this.script(path, text, argv.slice(1), io);
    const program = PROGRAMS[base];
    if (!program) return { events: [], code: 0, duration: 0 };
    // A program that looks at its stdin reads all of it.
    let read = false;
    const out = program({
      args: argv.slice(1),
      get stdin() {
        read = true;
        return io.stdin;
      },
      env: io.env,
      cwd: io.cwd,
      fs: this.fs,
    });
    const events = [];
    if (out.stdout) events.push({ at: 0, kind: 'stdout', text: out.stdout });
    if (out.stderr) events.push({ at: 0, kind: 'stderr', text: out.stderr });
    const stdinRead = read ? (io.stdin?.length ?? 0) : 0;
    return { events, code: out.code ?? 0, duration: out.duration ?? 0, stdinRead };
  }

  private async script(path: string, text: string, args: string[], io: ExecIO): Promise<ExecOutcome> {
    const body = text.slice(text.indexOf('\n') + 1);
    const sh = new Shell(this, {
      dialect: this.dialect,
      argv0: path,
      env: io.env,
      cwd: io.cwd,
      args,
      stdin: io.stdin,
    });
    const r = await sh.run(body);
    return { events: r.events, code: r.code, duration: r.duration };
  }
}

export interface RunOutput {
  stdout: string;
  stderr: string;
  code: number;
  duration: number;
  exited: boolean;
  events: Array<{ at: number; kind: string; text?: string }>;
  host: FakeHost;
}

export const BASE_ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' };

/** Runs a script in a fresh shell of the dialect and collects its output. */
export async function runShell(
  script: string,
  opts: Partial<ShellOptions> & { files?: Record<string, string>; host?: FakeHost } = {},
): Promise<RunOutput> {
  const dialect = opts.dialect ?? 'ash';
  const host = opts.host ?? new FakeHost(opts.files, dialect);
  const argv0 = opts.argv0 ?? (dialect === 'bash' ? 'bash' : 'sh');
  const shell = new Shell(host, {
    dialect,
    argv0,
    env: opts.env ?? BASE_ENV,
    cwd: opts.cwd ?? '/',
    stdin: opts.stdin ?? null,
    ...(opts.args ? { args: opts.args } : {}),
    ...(opts.interactive ? { interactive: true } : {}),
  });
  const r = await shell.run(script);
  const text = (kind: string): string =>
    r.events
      .filter((e) => e.kind === kind)
      .map((e) => e.text)
      .join('');
  return {
    stdout: text('stdout'),
    stderr: text('stderr'),
    code: r.code,
    duration: r.duration,
    exited: r.exited,
    events: r.events,
    host,
  };
}
