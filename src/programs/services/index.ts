import { registerProgram } from '../registry.js';
import type { Program } from '../types.js';
import { goTool, mongosh, mysqlClient, npm, pip, psql, redisCli, yarn } from './clients.js';
import { flaskProgram } from './flask.js';
import { hello } from './hello.js';
import { httpdProgram } from './httpd.js';
import { mongodProgram, mongoEntrypoint } from './mongo.js';
import { mysqlEntrypoint } from './mysql-entrypoint.js';
import { mysqldProgram } from './mysqld.js';
import { nginxProgram } from './nginx.js';
import { nginxEntrypoint } from './nginx-entrypoint.js';
import { nodeEntrypoint, nodeProgram } from './node.js';
import { postgresServer } from './postgres.js';
import { postgresEnsureInitdb, postgresEntrypoint } from './postgres-entrypoint.js';
import { pythonProgram } from './python.js';
import { redisEntrypoint, redisServerProgram } from './redis.js';
import { registryProgram } from './registry.js';

/** Registers `make(name, version)` under each versioned name of the fixtures and the bare name. */
function versions(base: string, list: string[], make: (name: string, version?: string) => Program): void {
  registerProgram(make(base));
  for (const v of list) registerProgram(make(`${base}@${v}`, v));
}

/**
 * The servers and language runtimes of the catalog's images, their entrypoints and a few of
 * their client tools. Each name an image's executables carry is registered (`nginx@1.27.0`),
 * plus the bare name, which reads the version from the executable it runs as.
 */
export function registerServicePrograms(): void {
  registerProgram(hello);
  registerProgram(flaskProgram);
  versions('nginx', ['1.27.0', '1.11.8'], nginxProgram);
  versions('mysqld', ['8.0.38', '9.0.0'], mysqldProgram);
  versions('mysql', ['8.0.38', '9.0.0'], mysqlClient);
  versions('redis-server', ['7.2.5'], redisServerProgram);
  versions('redis-cli', ['7.2.5'], redisCli);
  versions('httpd', ['2.4.62'], httpdProgram);
  versions('mongod', ['7.0.12'], mongodProgram);
  versions('mongosh', ['2.2.10'], mongosh);
  versions('registry', ['2.8.3'], registryProgram);
  versions('node', ['20.15.1', '22.5.1'], nodeProgram);
  versions('python3', ['3.12.4', '3.11.2', '3.10.12'], pythonProgram);
  versions('npm', ['10.7.0', '10.8.2'], npm);
  versions('npx', ['10.7.0', '10.8.2'], npm);
  versions('yarn', ['1.22.22'], yarn);
  versions('pip', ['24.0'], pip);
  versions('go', ['1.22.5'], goTool);
  registerProgram(postgresServer, 'postgresql:postgres');
  registerProgram(psql, 'postgresql:psql');
  for (const entrypoint of [
    nginxEntrypoint,
    mysqlEntrypoint,
    postgresEntrypoint,
    postgresEnsureInitdb,
    redisEntrypoint,
    mongoEntrypoint,
    nodeEntrypoint,
  ]) {
    registerProgram(entrypoint);
  }
}
