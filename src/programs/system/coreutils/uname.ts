import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { type Flavour, usageFailure } from '../common/fail.js';
import { type GetoptSpec, getopt, isGetoptError } from '../common/getopt.js';
import { libcOf, osId } from '../common/host.js';
import { quote } from '../common/text.js';

/**
 * uname. The kernel fields come from the caller's UTS namespace (the nodename is the
 * container's hostname inside a container; the release is the host's everywhere). Upstream
 * coreutils prints processor and hardware platform as `unknown` and leaves them out of `-a`;
 * Ubuntu and Fedora patch it to print the machine; BusyBox leaves them out of `-a` too.
 */
const FIELDS = 'snrvmpio';
const LONG: GetoptSpec['long'] = {
  all: ['a', 'none'],
  'kernel-name': ['s', 'none'],
  sysname: ['s', 'none'],
  nodename: ['n', 'none'],
  'kernel-release': ['r', 'none'],
  release: ['r', 'none'],
  'kernel-version': ['v', 'none'],
  machine: ['m', 'none'],
  processor: ['p', 'none'],
  'hardware-platform': ['i', 'none'],
  'operating-system': ['o', 'none'],
  help: ['h', 'none'],
  version: ['V', 'none'],
};

const PATCHED = ['ubuntu', 'fedora', 'rhel', 'centos', 'rocky', 'almalinux'];

const HELP = `Usage: uname [OPTION]...
Print certain system information.  With no OPTION, same as -s.

  -a, --all                print all information, in the following order,
                             except omit -p and -i if unknown:
  -s, --kernel-name        print the kernel name
  -n, --nodename           print the network node hostname
  -r, --kernel-release     print the kernel release
  -v, --kernel-version     print the kernel version
  -m, --machine            print the machine hardware name
  -p, --processor          print the processor type (non-portable)
  -i, --hardware-platform  print the hardware platform (non-portable)
  -o, --operating-system   print the operating system
      --help        display this help and exit
      --version     output version information and exit
`;

export function uname(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const p = getopt(ctx.argv.slice(1), { short: 'asnrvmpio', long: flavour === 'gnu' ? LONG : undefined });
  if (isGetoptError(p)) return usageFailure(ctx, 'uname', flavour, p);
  if (p.opts.some((o) => o.key === 'h')) return new Output().out(HELP).exit(0);
  if (p.opts.some((o) => o.key === 'V')) return new Output().out('uname (GNU coreutils) 9.4\n').exit(0);
  if (p.operands.length) {
    return usageFailure(
      ctx,
      'uname',
      flavour,
      flavour === 'gnu' ? `extra operand ${quote(ctx.env, p.operands[0]!)}` : undefined,
    );
  }
  const all = p.opts.some((o) => o.key === 'a');
  const wanted = new Set(all ? [...FIELDS] : p.opts.map((o) => o.key));
  if (wanted.size === 0) wanted.add('s');
  const u = ctx.sys.uts();
  const patched = flavour === 'gnu' && PATCHED.includes(osId(ctx.fs));
  const platform = patched ? u.machine : 'unknown';
  const os = flavour === 'busybox' && libcOf(ctx.fs) === 'musl' ? 'Linux' : 'GNU/Linux';
  const values: Record<string, string> = {
    s: u.sysname,
    n: u.nodename,
    r: u.release,
    v: u.version,
    m: u.machine,
    p: platform,
    i: platform,
    o: os,
  };
  const parts = [...FIELDS]
    .filter((f) => wanted.has(f))
    .filter((f) => !(all && (f === 'p' || f === 'i') && values[f] === 'unknown'))
    .map((f) => values[f]!);
  return new Output().out(`${parts.join(' ')}\n`).exit(0);
}
