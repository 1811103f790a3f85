import { registerProgram } from '../registry.js';
import { hello } from './hello.js';
import { mysqlEntrypoint } from './mysql-entrypoint.js';
import { mysqldProgram } from './mysqld.js';
import { nginxProgram } from './nginx.js';
import { nginxEntrypoint } from './nginx-entrypoint.js';

/**
 * The servers and language runtimes of the catalog's images, their entrypoints and a few of
 * their client tools. Each name an image's executables carry is registered (`nginx@1.27.0`),
 * plus the bare name, which reads the version from the executable it runs as.
 */
export function registerServicePrograms(): void {
  registerProgram(hello);
  registerProgram(nginxProgram('nginx'));
  for (const v of ['1.27.0', '1.11.8']) registerProgram(nginxProgram(`nginx@${v}`, v));
  registerProgram(nginxEntrypoint);
  registerProgram(mysqldProgram('mysqld'));
  for (const v of ['8.0.38', '9.0.0']) registerProgram(mysqldProgram(`mysqld@${v}`, v));
  registerProgram(mysqlEntrypoint);
}
