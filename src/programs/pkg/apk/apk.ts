import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { downloadMs, exists, has, splitArgs, writeText } from '../common.js';
import { apkAdd, apkDel } from './add.js';
import { type ApkIndex, apkIndex, branchOf, repositories } from './data.js';
import { type Installed, okLine, readInstalled } from './db.js';
import { apkInfo, apkSearch } from './info.js';

const CACHE = '/var/cache/apk';
const VALUE_FLAGS = ['-t', '--virtual', '-X', '--repository', '-p', '--root'];

/** The index files `apk update` keeps in /var/cache/apk (one per repository). */
function cacheFile(repo: string): string {
  let h = 0;
  for (const c of repo) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `${CACHE}/APKINDEX.${h.toString(16).padStart(8, '0')}.tar.gz`;
}

/** The `fetch …/APKINDEX.tar.gz` lines; fresh indexes in the cache make them unnecessary. */
function fetchIndexes(ctx: ProcessContext, out: Output, branch: string, force: boolean, keep: boolean): void {
  const repos = repositories(ctx, branch);
  if (!force && repos.every((r) => exists(ctx, cacheFile(r)))) return;
  for (const repo of repos) {
    out.out(`fetch ${repo}/x86_64/APKINDEX.tar.gz\n`);
    out.wait(downloadMs(repo.endsWith('community') ? 1_300_000 : 900_000));
    if (keep) writeText(ctx, cacheFile(repo), `dockersim: APKINDEX of ${repo}\n`);
  }
}

function update(ctx: ProcessContext, out: Output, index: ApkIndex, keep: boolean): number {
  fetchIndexes(ctx, out, index.branch, true, keep);
  const repos = repositories(ctx, index.branch);
  for (const repo of repos) {
    const name = repo.split('/').pop() ?? '';
    const describe = index.indexes.find(([r]) => r === name)?.[1] ?? index.indexes[0]?.[1] ?? '';
    out.out(`${describe} [${repo}]\n`);
  }
  out.out(`OK: ${index.available} distinct packages available\n`);
  return 0;
}

function run(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const { flags, words } = splitArgs(ctx.argv.slice(1), VALUE_FLAGS);
  if (has(flags, '--version', '-V')) return out.out('apk-tools 2.14.4, compiled for x86_64.\n').exit(0);
  if (has(flags, '--print-arch')) return out.out('x86_64\n').exit(0);
  const [cmd, ...names] = words;
  if (!cmd) {
    out.out('apk-tools 2.14.4, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n');
    return out.exit(1);
  }
  const index = apkIndex(branchOf(ctx));
  const noCache = has(flags, '--no-cache');
  const writes = ['add', 'del', 'update', 'upgrade', 'fix'].includes(cmd);
  if (writes && ctx.uid !== 0) {
    out.err(
      'ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n',
    );
    return out.exit(99);
  }
  if (cmd === 'update') return out.exit(update(ctx, out, index, !noCache));
  const list: Installed[] = readInstalled(ctx, index);
  if (cmd === 'info') return out.exit(apkInfo(out, index, list, names, flags));
  if (cmd === 'search') return out.exit(apkSearch(out, index, names, flags));
  if (cmd === 'add' || cmd === 'del' || cmd === 'upgrade') {
    if (cmd !== 'del')
      fetchIndexes(ctx, out, index.branch, noCache || has(flags, '-U', '--update-cache'), !noCache);
    if (cmd === 'upgrade') return out.out(okLine(list)).exit(0);
    if (names.length === 0) {
      out.err(`ERROR: apk ${cmd}: no packages specified\n`);
      return out.exit(1);
    }
    const virtual = flags.get('--virtual') ?? flags.get('-t');
    const code =
      cmd === 'add'
        ? apkAdd(ctx, out, index, list, names, { now: ctx.sys.now(), ...(virtual ? { virtual } : {}) })
        : apkDel(ctx, out, index, list, names);
    return out.exit(code);
  }
  out.err(`apk: the command '${cmd}' is not simulated by dockersim\n`);
  return out.exit(1);
}

/** Alpine's apk-tools 2.14: add, del, update, upgrade, info, search, --version. */
export const apkProgram: Program = { name: 'apk', run };
