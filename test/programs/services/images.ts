import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { findProgram } from '../../../src/programs/registry.js';
import { registerServicePrograms } from '../../../src/programs/services/index.js';
import type { ProgramRun, TimelineEvent } from '../../../src/programs/types.js';
import { clock, type FakeOptions, fakeContext, MemFs } from './fake.js';

registerServicePrograms();

/** The parts of an image's root file system the service programs read. */
export function nginxFs(variant: 'debian' | 'alpine' = 'debian'): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.program('/usr/sbin/nginx', 'nginx@1.27.0').program('/docker-entrypoint.sh', 'docker-entrypoint:nginx');
  if (variant === 'alpine') fs.put('/etc/alpine-release', '3.19.2\n');
  else fs.put('/etc/debian_version', '12.6\n');
  fs.put(
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n',
  );
  fs.put(
    '/etc/nginx/nginx.conf',
    'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n',
  );
  fs.put(
    '/etc/nginx/conf.d/default.conf',
    'server {\n    listen       80;\n    server_name  localhost;\n}\n',
  );
  fs.put('/proc/net/if_inet6', '00000000000000000000000000000001 01 80 10 80       lo\n');
  for (const f of [
    '10-listen-on-ipv6-by-default.sh',
    '15-local-resolvers.envsh',
    '20-envsubst-on-templates.sh',
    '30-tune-worker-processes.sh',
  ]) {
    fs.put(`/docker-entrypoint.d/${f}`, '#!/bin/sh\n', 0o755);
  }
  fs.mkdir('/var/run', { recursive: true });
  return fs;
}

export function mysqlFs(version = '8.0.38'): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.program('/usr/sbin/mysqld', `mysqld@${version}`).program('/usr/bin/mysql', `mysql@${version}`);
  fs.program('/usr/local/bin/docker-entrypoint.sh', 'docker-entrypoint:mysql');
  fs.put('/etc/my.cnf', '[mysqld]\nskip-host-cache\nskip-name-resolve\ndatadir=/var/lib/mysql\nuser=mysql\n');
  fs.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nmysql:x:999:999::/var/lib/mysql:/bin/bash\n');
  fs.mkdir('/var/lib/mysql', { recursive: true });
  fs.mkdir('/docker-entrypoint-initdb.d', { recursive: true });
  return fs;
}

export const MYSQL_ENV = { MYSQL_MAJOR: '8.0', MYSQL_VERSION: '8.0.38-1.el9' };

export function postgresFs(): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.program('/usr/lib/postgresql/16/bin/postgres', 'postgresql:postgres').program(
    '/usr/lib/postgresql/16/bin/psql',
    'postgresql:psql',
  );
  fs.program('/usr/local/bin/docker-entrypoint.sh', 'docker-entrypoint:postgres');
  fs.program('/usr/local/bin/docker-ensure-initdb.sh', 'docker-ensure-initdb:postgres');
  fs.put(
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/bash\npostgres:x:999:999::/var/lib/postgresql:/bin/bash\n',
  );
  fs.put('/usr/share/postgresql/postgresql.conf.sample', "listen_addresses = '*'\nmax_connections = 100\n");
  fs.mkdir('/var/lib/postgresql/data', { recursive: true });
  fs.mkdir('/docker-entrypoint-initdb.d', { recursive: true });
  return fs;
}

export const PG_ENV = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin',
  PG_MAJOR: '16',
  PG_VERSION: '16.3-1.pgdg120+1',
  PGDATA: '/var/lib/postgresql/data',
  LANG: 'en_US.utf8',
};

/** Runs a registered program in a fake context. */
export async function run(program: string, o: FakeOptions): Promise<ProgramRun> {
  const impl = findProgram(program);
  if (!impl) throw new Error(`no program ${program}`);
  return impl.run(fakeContext(o));
}

export function text(r: ProgramRun | TimelineEvent[], stream: 'stdout' | 'stderr'): string {
  const events = Array.isArray(r) ? r : r.events;
  return events
    .filter((e) => e.kind === stream)
    .map((e) => (e as { text: string }).text)
    .join('');
}

/** Both streams in time order, as `docker logs` shows them. */
export function logs(r: ProgramRun | TimelineEvent[]): string {
  const events = Array.isArray(r) ? r : r.events;
  return events
    .filter((e) => e.kind === 'stdout' || e.kind === 'stderr')
    .map((e) => (e as { text: string }).text)
    .join('');
}

export function exitCode(r: ProgramRun | TimelineEvent[]): number | undefined {
  const events = Array.isArray(r) ? r : r.events;
  const exit = events.find((e) => e.kind === 'exit');
  return exit?.kind === 'exit' ? exit.code : undefined;
}

export function kinds<K extends TimelineEvent['kind']>(
  r: ProgramRun | TimelineEvent[],
  kind: K,
): Extract<TimelineEvent, { kind: K }>[] {
  const events = Array.isArray(r) ? r : r.events;
  return events.filter((e): e is Extract<TimelineEvent, { kind: K }> => e.kind === kind);
}

/** Compares with test/programs/services/data/<name>; UPDATE_GOLDEN=1 rewrites it (review the diff). */
export function golden(name: string, actual: string): void {
  const url = new URL(`./data/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(new URL('./data/', import.meta.url), { recursive: true });
    writeFileSync(url, actual);
  }
  expect(actual).toBe(readFileSync(url, 'utf8'));
}
