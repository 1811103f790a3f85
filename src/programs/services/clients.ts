import { finished } from '../run.js';
import type { ProcessContext, Program } from '../types.js';
import { isRunning, notSimulated, programVersion, versionOf } from './common.js';

export { mysqlClient } from './mysql-client.js';
export { psql } from './psql.js';
export { redisCli } from './redis-cli.js';

/** A tool of which the simulation knows its version output, and says so for the rest. */
export function versionTool(
  name: string,
  fallback: string,
  answer: (v: string, ctx: ProcessContext) => string | undefined,
): Program {
  const fixed = name.split('@')[1];
  return {
    name,
    run(ctx) {
      const out = answer(versionOf(ctx, fallback, fixed), ctx);
      return out === undefined ? notSimulated(ctx, `"${ctx.argv.join(' ')}"`) : finished(out);
    },
  };
}

// Option parsers stop at --version wherever it stands (`mysql --user=root --version`).
const isVersion = (ctx: ProcessContext, ...flags: string[]) =>
  ctx.argv.slice(1).some((a) => flags.includes(a));

export const npm = (name: string) =>
  versionTool(name, '10.7.0', (v, ctx) => (isVersion(ctx, '-v', '--version') ? `${v}\n` : undefined));
export const yarn = (name: string) =>
  versionTool(name, '1.22.22', (v, ctx) => (isVersion(ctx, '-v', '--version') ? `${v}\n` : undefined));
export const goTool = (name: string) =>
  versionTool(name, '1.22.5', (v, ctx) =>
    ctx.argv[1] === 'version' ? `go version go${v} linux/amd64\n` : undefined,
  );
export const pip = (name: string) =>
  versionTool(name, '24.0', (v, ctx) => {
    if (!isVersion(ctx, '-V', '--version')) return undefined;
    const py = programVersion(ctx, 'python3', '3.12.4').split('.').slice(0, 2).join('.');
    return `pip ${v} from /usr/local/lib/python${py}/site-packages/pip (python ${py})\n`;
  });

/** mongosh: its version; without a mongod in the container, the refused connection. */
export function mongosh(name: string): Program {
  return {
    name,
    run(ctx) {
      const version = versionOf(ctx, '2.2.10', name.split('@')[1]);
      if (isVersion(ctx, '--version')) return finished(`${version}\n`);
      if (isRunning(ctx, 'mongod')) return notSimulated(ctx, 'a shell session');
      const id = Array.from({ length: 24 }, () => Math.floor(ctx.random() * 16).toString(16)).join('');
      const url = `mongodb://127.0.0.1:27017/?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+${version}`;
      return finished(
        `Current Mongosh Log ID:\t${id}\nConnecting to:\t\t${url}\n`,
        'MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n',
        1,
      );
    },
  };
}
