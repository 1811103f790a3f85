import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { type Flavour, failure, usageFailure } from '../common/fail.js';
import { type GetoptSpec, getopt, isGetoptError } from '../common/getopt.js';
import { quote } from '../common/text.js';
import { groupList, groupName, userByName, userByUid } from '../common/users.js';

/**
 * `id` and `whoami`. Names come from the image's /etc/passwd and /etc/group (a container's
 * mysql is `mysql` inside and `999` on the host); the supplementary groups are the ones
 * /etc/group lists the user in, which is what the runtime gives a container's processes.
 */
const LONG: GetoptSpec['long'] = {
  context: ['Z', 'none'],
  group: ['g', 'none'],
  groups: ['G', 'none'],
  name: ['n', 'none'],
  real: ['r', 'none'],
  user: ['u', 'none'],
  zero: ['z', 'none'],
  help: ['h', 'none'],
  version: ['V', 'none'],
};

const named = (id: number, name: string | undefined) => (name === undefined ? String(id) : `${id}(${name})`);

export function id(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const gnu = flavour === 'gnu';
  const p = getopt(ctx.argv.slice(1), { short: gnu ? 'agnruzGZ' : 'ugGnrZ', long: gnu ? LONG : undefined });
  if (isGetoptError(p)) return usageFailure(ctx, 'id', flavour, p);
  const k = new Set(p.opts.map((o) => o.key));
  if (k.has('h')) return new Output().out('Usage: id [OPTION]... [USER]...\n').exit(0);
  if (k.has('V')) return new Output().out('id (GNU coreutils) 9.4\n').exit(0);
  if (k.has('Z'))
    return failure(
      'id',
      gnu ? '--context (-Z) works only on an SELinux-enabled kernel' : 'SELinux is disabled',
    );
  const only = ['u', 'g', 'G'].filter((x) => k.has(x));
  if (only.length > 1)
    return usageFailure(ctx, 'id', flavour, gnu ? 'cannot print "only" of more than one choice' : undefined);
  if (gnu && only.length === 0 && (k.has('n') || k.has('r'))) {
    return usageFailure(ctx, 'id', flavour, 'cannot print only names or real IDs in default format');
  }
  let uid = ctx.uid;
  let gid = ctx.gid;
  let user = userByUid(ctx.fs, uid)?.name;
  if (p.operands[0] !== undefined) {
    const arg = p.operands[0];
    const entry = userByName(ctx.fs, arg) ?? (/^\d+$/.test(arg) ? userByUid(ctx.fs, Number(arg)) : undefined);
    if (!entry) return failure('id', gnu ? `${quote(ctx.env, arg)}: no such user` : `unknown user ${arg}`);
    ({ uid, gid, name: user } = entry);
  }
  const groups = groupList(ctx.fs, user, gid);
  const gname = (g: number) => groupName(ctx.fs, g);
  const end = k.has('z') ? '\0' : '\n';
  if (only.length === 0) {
    const list = groups.map((g) => named(g, gname(g))).join(',');
    return new Output().out(`uid=${named(uid, user)} gid=${named(gid, gname(gid))} groups=${list}\n`).exit(0);
  }
  // -u, -g or -G: numbers, or with -n names (a number without a name is an error).
  const ids = k.has('u') ? [uid] : k.has('g') ? [gid] : groups;
  const names = ids.map((n) => (k.has('u') ? user : gname(n)));
  const missing = ids.findIndex((_, i) => names[i] === undefined);
  if (k.has('n') && missing >= 0) {
    const what = k.has('u') ? 'user' : 'group';
    return failure(
      'id',
      gnu ? `cannot find name for ${what} ID ${ids[missing]}` : `unknown ID ${ids[missing]}`,
    );
  }
  const words = k.has('n') ? (names as string[]) : ids.map(String);
  return new Output().out(`${words.join(k.has('z') ? '\0' : ' ')}${end}`).exit(0);
}

export function whoami(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const p = getopt(ctx.argv.slice(1), {
    short: '',
    long: flavour === 'gnu' ? { help: ['h', 'none'], version: ['V', 'none'] } : undefined,
  });
  if (isGetoptError(p)) return usageFailure(ctx, 'whoami', flavour, p);
  if (p.operands.length)
    return usageFailure(
      ctx,
      'whoami',
      flavour,
      flavour === 'gnu' ? `extra operand ${quote(ctx.env, p.operands[0]!)}` : undefined,
    );
  const name = userByUid(ctx.fs, ctx.uid)?.name;
  if (name === undefined) {
    return failure(
      'whoami',
      flavour === 'gnu' ? `cannot find name for user ID ${ctx.uid}` : `unknown uid ${ctx.uid}`,
    );
  }
  return new Output().out(`${name}\n`).exit(0);
}
