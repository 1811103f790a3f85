import type { ProgramRun } from '../types.js';
import { checkDirWrite } from './access.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { attempt, baseName, dirName, type Errno, joinPath, strerror, type Tool } from './common.js';

/**
 * `ln [-sfnvT] TARGET... LINK|DIR`. The simulated filesystem has no hard links, so a hard
 * link is a copy with the same mode, owner and time (it does not follow later edits).
 */
export function ln(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'sfnvTbLP',
    values: 'tS',
    long: {
      symbolic: 's',
      force: 'f',
      'no-dereference': 'n',
      verbose: 'v',
      'no-target-directory': 'T',
      'target-directory': 't=',
    },
  });
  if (!isParsed(p)) return p;
  const ops = [...p.operands];
  if (ops.length === 0) return t.gnu ? tryHelp(t, 'missing file operand') : showUsage(t);
  let dir = p.value('t');
  let pairs: [string, string][];
  if (dir === undefined && ops.length === 1) pairs = [[ops[0]!, baseName(ops[0]!)]];
  else if (dir === undefined && ops.length === 2) {
    const [target, link] = ops as [string, string];
    const st = p.has('n') ? t.fs.lstat(t.abs(link)) : t.fs.stat(t.abs(link));
    pairs =
      st?.type === 'dir' && !p.has('T') ? [[target, joinPath(link, baseName(target))]] : [[target, link]];
  } else {
    dir ??= ops.pop()!;
    if (t.fs.stat(t.abs(dir))?.type !== 'dir') {
      return t.fail(t.gnu ? `target '${dir}' is not a directory` : `'${dir}' is not a directory`).done(1);
    }
    pairs = ops.map((target) => [target, joinPath(dir!, baseName(target))]);
  }
  for (const [target, link] of pairs) linkOne(t, target, link, p.has('s'), p.has('f'), p.has('v'));
  return t.done();
}

function linkOne(
  t: Tool,
  target: string,
  link: string,
  symbolic: boolean,
  force: boolean,
  verbose: boolean,
): void {
  const kind = symbolic ? 'symbolic link' : 'hard link';
  const failCreate = (errno: Errno): void => {
    if (t.gnu) t.fail(`failed to create ${kind} '${link}': ${strerror(errno)}`);
    else t.fail(`${link}: ${strerror(errno)}`);
  };
  const abs = t.abs(link);
  const src = t.abs(target);
  const srcStat = symbolic ? undefined : t.fs.lstat(src);
  if (!symbolic) {
    if (!srcStat) {
      t.fail(
        t.gnu ? `failed to access '${target}': ${strerror('ENOENT')}` : `${target}: ${strerror('ENOENT')}`,
      );
      return;
    }
    if (srcStat.type === 'dir') {
      t.fail(t.gnu ? `${target}: hard link not allowed for directory` : `'${target}' is a directory`);
      return;
    }
  }
  const existing = t.fs.lstat(abs);
  if (existing) {
    if (!force) {
      failCreate('EEXIST');
      return;
    }
    if (existing.type === 'dir') {
      t.fail(t.gnu ? `${link}: cannot overwrite directory` : `${link}: ${strerror('EISDIR')}`);
      return;
    }
  }
  const errno =
    checkDirWrite(t, dirName(abs)) ??
    attempt(() => {
      if (existing) t.fs.remove(abs);
      if (symbolic) t.fs.symlink(target, abs);
      else if (srcStat!.type === 'symlink') t.fs.symlink(srcStat!.target ?? t.fs.readlink(src), abs);
      else {
        t.fs.writeFile(abs, t.fs.readFile(src), {
          mode: srcStat!.mode,
          uid: srcStat!.uid,
          gid: srcStat!.gid,
        });
        t.fs.utimes(abs, srcStat!.mtime);
      }
    });
  if (errno) {
    failCreate(errno);
    return;
  }
  if (verbose) t.out(`'${link}' ${symbolic ? '->' : '=>'} '${target}'\n`);
}
