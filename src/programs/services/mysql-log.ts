import type { ProcessContext } from '../types.js';
import { readText } from './common.js';
import { mysqlTime } from './stamps.js';
import { MiB, type Timeline } from './timeline.js';

/** Facts of one mysqld about to run, shared by the entrypoint's helpers and the server. */
export interface Mysqld {
  version: string;
  /** The path it reports itself as (`/usr/sbin/mysqld`). */
  path: string;
  /** 8.4 and later frame each run with "MySQL Server - start." / "- end.". */
  framed: boolean;
  /** /etc/my.cnf still says skip-host-cache, deprecated in 8.0 (a warning at every start). */
  hostCacheWarning: boolean;
}

export function mysqldFacts(ctx: ProcessContext, version: string, path = '/usr/sbin/mysqld'): Mysqld {
  const major = Number.parseInt(version, 10);
  const cnf = readText(ctx, '/etc/my.cnf') ?? '';
  return {
    version,
    path,
    framed: major >= 9 || version.startsWith('8.4'),
    hostCacheWarning: major === 8 && /^\s*skip-host-cache\s*$/m.test(cnf),
  };
}

/**
 * MySQL's error log on stderr: `<time> <thread> [<level>] [MY-<code>] [<subsystem>] <text>`.
 * The microseconds vary from line to line, as they do in real logs.
 */
export class MysqlLog {
  private n = 0;

  constructor(private readonly t: Timeline) {}

  line(
    thread: number,
    level: 'System' | 'Warning' | 'ERROR' | 'Note',
    code: string,
    text: string,
    sub = 'Server',
  ): void {
    this.n += 1;
    const micros = (this.n * 389 + 211) % 1000;
    this.t.err(`${mysqlTime(this.t.clock(), micros)} ${thread} [${level}] [MY-${code}] [${sub}] ${text}\n`);
  }

  preamble(m: Mysqld): void {
    if (m.hostCacheWarning) {
      this.line(
        0,
        'Warning',
        '011068',
        "The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.",
      );
    }
  }

  /** `mysqld --initialize-insecure` as the entrypoint runs it (a child process). */
  initialize(m: Mysqld, pid: number, key?: string): void {
    const t = this.t;
    this.preamble(m);
    if (m.framed) this.line(0, 'System', '015017', 'MySQL Server Initialization - start.');
    this.line(
      0,
      'System',
      '013169',
      `${m.path} (mysqld ${m.version}) initializing of server in progress as process ${pid}`,
    );
    t.wait(15);
    this.line(1, 'System', '013576', 'InnoDB initialization has started.', 'InnoDB');
    t.wait(600).memory(150 * MiB, key);
    this.line(1, 'System', '013577', 'InnoDB initialization has ended.', 'InnoDB');
    t.wait(1400).memory(240 * MiB, key);
    this.line(
      6,
      'Warning',
      '010453',
      'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.',
    );
    t.wait(1500);
    if (m.framed) this.line(0, 'System', '015018', 'MySQL Server Initialization - end.');
  }

  /** A server coming up, through "ready for connections". Memory grows as InnoDB starts. */
  start(m: Mysqld, pid: number, networking: boolean, key?: string): void {
    const t = this.t;
    this.preamble(m);
    if (m.framed) this.line(0, 'System', '015015', 'MySQL Server - start.');
    this.line(0, 'System', '010116', `${m.path} (mysqld ${m.version}) starting as process ${pid}`);
    t.wait(10);
    this.line(1, 'System', '013576', 'InnoDB initialization has started.', 'InnoDB');
    t.wait(300).memory(180 * MiB, key);
    this.line(1, 'System', '013577', 'InnoDB initialization has ended.', 'InnoDB');
    t.wait(200).memory(320 * MiB, key);
    this.line(0, 'Warning', '010068', 'CA certificate ca.pem is self signed.');
    this.line(
      0,
      'System',
      '013602',
      'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.',
    );
    t.wait(10);
    this.line(
      0,
      'Warning',
      '011810',
      "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.",
    );
    t.wait(20);
    this.line(
      0,
      'System',
      '011323',
      networking
        ? "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock"
        : 'X Plugin ready for connections. Socket: /var/run/mysqld/mysqlx.sock',
    );
    this.line(
      0,
      'System',
      '010931',
      `${m.path}: ready for connections. Version: '${m.version}'  socket: '/var/run/mysqld/mysqld.sock'  port: ${networking ? 3306 : 0}  MySQL Community Server - GPL.`,
    );
  }

  /** A clean shutdown: by a client (`mysqladmin shutdown`, thread > 0) or by a signal. */
  shutdown(m: Mysqld, by: { thread: number; user: string }): void {
    this.line(
      by.thread,
      'System',
      '013172',
      `Received SHUTDOWN from user ${by.user}. Shutting down mysqld (Version: ${m.version}).`,
    );
    this.t.wait(1500);
    this.line(
      0,
      'System',
      '010910',
      `${m.path}: Shutdown complete (mysqld ${m.version})  MySQL Community Server - GPL.`,
    );
    if (m.framed) this.line(0, 'System', '015016', 'MySQL Server - end.');
  }
}
