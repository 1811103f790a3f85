import type { ProgramRun } from '../types.js';
import { checkDirWrite } from './access.js';
import { isParsed, type Parsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { attempt, baseName, dirName, joinPath, strerror, type Tool } from './common.js';
import { type CopyOptions, copyEntry } from './copy.js';
import { mayUnlink } from './rm.js';

interface Plan {
  /** [source operand, destination path as shown, destination absolute]. */
  moves: [string, string, string][];
}

/** Works out where each source goes: into a directory target, or onto the one destination. */
function plan(t: Tool, p: Parsed): Plan | ProgramRun {
  const ops = [...p.operands];
  let target = p.value('t');
  if (ops.length === 0) return t.gnu ? tryHelp(t, 'missing file operand') : showUsage(t);
  if (target === undefined) {
    if (ops.length === 1)
      return t.gnu ? tryHelp(t, `missing destination file operand after '${ops[0]}'`) : showUsage(t);
    const last = ops.pop()!;
    const st = t.fs.stat(t.abs(last));
    if (p.has('T') || (ops.length === 1 && st?.type !== 'dir'))
      return { moves: [[ops[0]!, last, t.abs(last)]] };
    target = last;
  }
  if (t.fs.stat(t.abs(target))?.type !== 'dir') {
    const exists = t.fs.stat(t.abs(target)) !== undefined;
    if (t.gnu)
      return t
        .fail(`target '${target}' is not a directory${exists ? '' : `: ${strerror('ENOENT')}`}`)
        .done(1);
    return t.fail(`'${target}' is not a directory`).done(1);
  }
  return {
    moves: ops.map((src) => [src, joinPath(target, baseName(src)), t.abs(joinPath(target, baseName(src)))]),
  };
}

/** `cp [-rRapfnvLHPdT] [-t DIR] SOURCE... DEST` */
export function cp(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'rRapfinvLHPdTul',
    values: 't',
    long: {
      recursive: 'r',
      archive: 'a',
      preserve: 'preserve?',
      force: 'f',
      'no-clobber': 'n',
      verbose: 'v',
      dereference: 'L',
      'no-dereference': 'P',
      'no-target-directory': 'T',
      'target-directory': 't=',
    },
  });
  if (!isParsed(p)) return p;
  const planned = plan(t, p);
  if ('events' in planned) return planned;
  const recursive = p.has('r') || p.has('R') || p.has('a');
  const o: CopyOptions = {
    recursive,
    deref: p.has('L') ? 'all' : p.has('H') ? 'args' : p.has('P') || p.has('d') || recursive ? 'none' : 'args',
    preserve: p.has('p') || p.has('a') || p.has('preserve'),
    noClobber: p.has('n'),
    verbose: p.has('v'),
  };
  for (const [src, shown, dst] of planned.moves) copyEntry(t, t.abs(src), dst, [src, shown], o, true);
  return t.done();
}

/** `mv [-fniv] [-t DIR] SOURCE... DEST`: a rename, or copy and delete across filesystems. */
export function mv(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'finvTu',
    values: 't',
    long: {
      force: 'f',
      'no-clobber': 'n',
      verbose: 'v',
      'no-target-directory': 'T',
      'target-directory': 't=',
    },
  });
  if (!isParsed(p)) return p;
  const planned = plan(t, p);
  if ('events' in planned) return planned;
  for (const [src, shown, dst] of planned.moves) moveOne(t, src, shown, dst, p);
  return t.done();
}

function moveOne(t: Tool, src: string, shown: string, dst: string, p: Parsed): void {
  const from = t.abs(src);
  const st = t.fs.lstat(from);
  const failRename = (errno: Parameters<typeof strerror>[0]): void => {
    if (t.gnu) t.fail(`cannot move '${src}' to '${shown}': ${strerror(errno)}`);
    else t.fail(`can't rename '${src}': ${strerror(errno)}`);
  };
  if (!st) {
    if (t.gnu) t.fail(`cannot stat '${src}': ${strerror('ENOENT')}`);
    else t.fail(`can't rename '${src}': ${strerror('ENOENT')}`);
    return;
  }
  if (from === dst) {
    t.fail(`'${src}' and '${shown}' are the same file`);
    return;
  }
  if (st.type === 'dir' && dst.startsWith(`${from}/`)) {
    if (t.gnu) t.fail(`cannot move '${src}' to a subdirectory of itself, '${shown}'`);
    else failRename('EINVAL');
    return;
  }
  const existing = t.fs.lstat(dst);
  if (existing) {
    if (p.has('n')) return;
    if (existing.type === 'dir' && st.type !== 'dir') {
      t.fail(`${t.gnu ? 'cannot' : "can't"} overwrite directory '${shown}' with non-directory`);
      return;
    }
    if (existing.type !== 'dir' && st.type === 'dir') {
      t.fail(`${t.gnu ? 'cannot' : "can't"} overwrite non-directory '${shown}' with directory '${src}'`);
      return;
    }
    if (existing.type === 'dir' && t.fs.readdir(dst).length > 0) {
      failRename('ENOTEMPTY');
      return;
    }
  }
  const denied = mayUnlink(t, dirName(from), st) ?? checkDirWrite(t, dirName(dst));
  if (denied) {
    failRename(denied);
    return;
  }
  let errno = attempt(() => {
    if (existing) t.fs.remove(dst, { recursive: true });
    t.fs.rename(from, dst);
  });
  if (errno === 'EXDEV') {
    const ok = copyEntry(
      t,
      from,
      dst,
      [src, shown],
      { recursive: true, deref: 'none', preserve: true, noClobber: false, verbose: false },
      true,
    );
    errno = ok ? attempt(() => t.fs.remove(from, { recursive: true })) : undefined;
  }
  if (errno) {
    failRename(errno);
    return;
  }
  if (p.has('v')) t.out(`renamed '${src}' -> '${shown}'\n`);
}
