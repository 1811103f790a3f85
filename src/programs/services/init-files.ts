import type { ProcessContext } from '../types.js';
import { listDir } from './common.js';
import { runScript } from './exec.js';
import type { Timeline } from './timeline.js';

const DIR = '/docker-entrypoint-initdb.d';

/**
 * `docker_process_init_files /docker-entrypoint-initdb.d/*` of the database entrypoints:
 * `*.sh` run (or are sourced when not executable), SQL files are fed to the client, anything
 * else is ignored. `say` prints one message the way the script does (the MySQL one stamps it).
 * Without bash's nullglob (postgres) an empty directory leaves the pattern itself, "ignored".
 * Returns the status of a failing script (the entrypoints run with `set -e`), else 0.
 */
export async function processInitFiles(
  ctx: ProcessContext,
  t: Timeline,
  say: (text: string) => void,
  nullglob: boolean,
): Promise<number> {
  const names = listDir(ctx, DIR);
  const files = names.length > 0 || nullglob ? names.map((n) => `${DIR}/${n}`) : [`${DIR}/*`];
  t.out('\n');
  for (const f of files) {
    const stat = ctx.fs.stat(f);
    if (f.endsWith('.sh') && stat) {
      const executable = (stat.mode & 0o111) !== 0;
      say(`${ctx.path}: ${executable ? 'running' : 'sourcing'} ${f}`);
      const code = await runScript(ctx, t, executable ? [f] : ['bash', f]);
      if (code !== 0) return code;
    } else if (/\.sql(\.(bz2|gz|xz|zst))?$/.test(f) && stat) {
      say(`${ctx.path}: running ${f}`);
      t.wait(40).out('\n');
    } else {
      say(`${ctx.path}: ignoring ${f}`);
    }
    t.out('\n');
  }
  return 0;
}
