import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { has, splitArgs } from '../common.js';
import { releaseOf } from './data.js';
import { aptInstall } from './install.js';
import { aptCache, aptList } from './query.js';
import { aptRemove } from './remove.js';
import { hasLists } from './status.js';
import { APT_WARNING, readingLists } from './text.js';
import { aptUpdate } from './update.js';

const VALUE_FLAGS = ['-o', '-c', '-t', '--target-release'];

function lockError(cmd: string): string {
  return cmd === 'update'
    ? 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n'
    : 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n';
}

/** apt-get and apt: update, install, remove, purge, autoremove, clean; `apt list`. */
function runApt(ctx: ProcessContext, flavour: 'apt-get' | 'apt'): ProgramRun {
  const out = new Output();
  const { flags, words } = splitArgs(ctx.argv.slice(1), VALUE_FLAGS);
  const [cmd, ...names] = words;
  if (flavour === 'apt' && !ctx.tty && cmd && cmd !== 'list') out.err(APT_WARNING);
  if (has(flags, '--version', '-v')) return out.out('apt 2.6.1 (amd64)\n').exit(0);
  if (!cmd) {
    out.out(`apt 2.6.1 (amd64)\nUsage: ${flavour} [options] command\n`);
    return out.exit(1);
  }
  const release = releaseOf(ctx);
  if (!release) {
    out.err(`${flavour}: no package index is simulated for this distribution\n`);
    return out.exit(100);
  }
  if (cmd === 'list') return out.exit(aptList(ctx, out, release, flags));
  const writes = [
    'update',
    'install',
    'remove',
    'purge',
    'autoremove',
    'upgrade',
    'dist-upgrade',
    'full-upgrade',
  ];
  if (writes.includes(cmd) && ctx.uid !== 0) {
    out.err(lockError(cmd));
    return out.exit(100);
  }
  const yes =
    has(flags, '-y', '--yes', '--assume-yes', '-qq') || flags.get('-o')?.includes('Assume-Yes') === true;
  switch (cmd) {
    case 'update': {
      const code = aptUpdate(ctx, out, release, ctx.tty);
      if (flavour === 'apt')
        out.out(`${readingLists(ctx.tty).split('\n').slice(1).join('\n')}All packages are up to date.\n`);
      return out.exit(code);
    }
    case 'install':
    case 'remove':
    case 'purge':
    case 'autoremove':
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade': {
      out.out(readingLists(ctx.tty));
      if (cmd.endsWith('upgrade')) {
        out.out('Calculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
        return out.exit(0);
      }
      if (cmd === 'install') {
        if (!hasLists(ctx) && names.length > 0) {
          out.err(`E: Unable to locate package ${names[0]}\n`);
          return out.exit(100);
        }
        const recommends = !has(flags, '--no-install-recommends');
        return out.exit(aptInstall(ctx, out, release, names, { yes, recommends, tty: ctx.tty }));
      }
      const purge = cmd === 'purge' || has(flags, '--purge');
      const autoremove = cmd === 'autoremove' || has(flags, '--auto-remove', '--autoremove');
      return out.exit(aptRemove(ctx, out, release, names, { yes, purge, autoremove }));
    }
    case 'clean':
    case 'autoclean':
      return out.exit(0);
    default:
      if (flavour === 'apt-get' && ['search', 'show', 'policy'].includes(cmd)) {
        out.err(`E: Invalid operation ${cmd}\n`);
        return out.exit(100);
      }
      if (['search', 'show', 'policy'].includes(cmd))
        return out.exit(aptCache(ctx, out, release, cmd, names));
      out.err(`E: Invalid operation ${cmd}\n`);
      return out.exit(100);
  }
}

export const aptGetProgram: Program = { name: 'apt-get', run: (ctx) => runApt(ctx, 'apt-get') };
export const aptProgram: Program = { name: 'apt', run: (ctx) => runApt(ctx, 'apt') };
