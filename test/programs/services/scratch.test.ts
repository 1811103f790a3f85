import { it } from 'vitest';
import { findProgram } from '../../../src/programs/registry.js';
import { registerServicePrograms } from '../../../src/programs/services/index.js';
import { fakeContext, MemFs, T0 } from './fake.js';

registerServicePrograms();

function show(events: unknown[]) {
  for (const e of events as { at: number; kind: string; text?: string }[]) {
    if (e.kind === 'stdout' || e.kind === 'stderr') process.stdout.write(`${String(e.at).padStart(6)} ${e.kind === 'stdout' ? 'O' : 'E'} ${e.text!.replace(/\n$/, '').replaceAll('\n', '\n         ')}\n`);
    else process.stdout.write(`${String(e.at).padStart(6)} # ${JSON.stringify(e)}\n`);
  }
}

it('scratch', async () => {
  const fs = new MemFs(() => T0);
  fs.program('/usr/sbin/mysqld', 'mysqld@8.0.38').program('/usr/local/bin/docker-entrypoint.sh', 'docker-entrypoint:mysql');
  fs.put('/etc/my.cnf', '[mysqld]\nskip-host-cache\nuser=mysql\n').put('/etc/passwd', 'root:x:0:0::/root:/bin/bash\nmysql:x:999:999::/var/lib/mysql:/bin/bash\n');
  fs.mkdir('/var/lib/mysql', { recursive: true });
  fs.mkdir('/docker-entrypoint-initdb.d', { recursive: true });
  const ctx = fakeContext({ argv: ['docker-entrypoint.sh', 'mysqld'], path: '/usr/local/bin/docker-entrypoint.sh', fs, env: { MYSQL_ROOT_PASSWORD: 'x', MYSQL_DATABASE: 'app', MYSQL_VERSION: '8.0.38-1.el9' } });
  const run = await findProgram('docker-entrypoint:mysql')!.run(ctx);
  show(run.events);
  show(run.onSignal!('SIGTERM', 20000));
});
