import type { FsView } from '../../../fs/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { type Flavour, failure, usageFailure } from '../common/fail.js';
import { type GetoptSpec, getopt, getoptMessage, isGetoptError } from '../common/getopt.js';
import { readText } from '../common/host.js';

/**
 * hostname (Debian's `hostname` package, and BusyBox's applet). The name is the UTS nodename;
 * `-i`, `-f` and `-d` resolve it as the C library would, and in the simulation that means
 * /etc/hosts (Docker writes the container's own line there).
 */
interface HostEntry {
  addrs: string[];
  canonical: string;
}

function lookup(fs: FsView, name: string): HostEntry | undefined {
  const addrs: string[] = [];
  let canonical: string | undefined;
  for (const raw of (readText(fs, '/etc/hosts') ?? '').split('\n')) {
    const [addr, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!addr || !names.some((n) => n.toLowerCase() === name.toLowerCase())) continue;
    canonical ??= names[0];
    if (!addrs.includes(addr)) addrs.push(addr);
  }
  return canonical === undefined ? undefined : { addrs, canonical };
}

const isLoopback = (a: string) => a.startsWith('127.') || a === '::1';

const HELP = `Usage: hostname [-v] [-b] {hostname|-F file}         set host name (from file)
       hostname [-v] [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname [-v]                                 display host name

       {yp,nis,}domainname [-v] {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname [-v]                      display NIS domain name

       dnsdomainname [-v]                            display dns domain name

       hostname -V|--version|-h|--help               print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`;

const LONG: GetoptSpec['long'] = {
  domain: ['d', 'none'],
  boot: ['b', 'none'],
  file: ['F', 'required'],
  fqdn: ['f', 'none'],
  long: ['f', 'none'],
  'all-fqdns': ['A', 'none'],
  help: ['h', 'none'],
  short: ['s', 'none'],
  version: ['V', 'none'],
  verbose: ['v', 'none'],
  alias: ['a', 'none'],
  'ip-address': ['i', 'none'],
  'all-ip-addresses': ['I', 'none'],
  nis: ['y', 'none'],
  yp: ['y', 'none'],
};

/** Setting the name needs CAP_SYS_ADMIN, which containers do not get. */
function setName(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const allowed = ctx.uid === 0 && ctx.sys.isHost();
  if (allowed) return new Output().exit(0);
  if (flavour === 'busybox') return failure('hostname', 'sethostname: Operation not permitted');
  return failure('hostname', 'you must be root to change the host name');
}

export function gnuHostname(ctx: ProcessContext): ProgramRun {
  const p = getopt(ctx.argv.slice(1), { short: 'aAdfbF:h?iIsVvy', long: LONG });
  // Debian's hostname answers an unknown option with its help on stdout and status 255.
  if (isGetoptError(p))
    return new Output()
      .err(getoptMessage('hostname', p, 'glibc'))
      .out(HELP)
      .exit(255);
  const keys = p.opts.map((o) => o.key);
  if (keys.includes('V')) return new Output().out('hostname 3.23+nmu2ubuntu2\n').exit(0);
  if (keys.includes('h') || keys.includes('?')) return new Output().out(HELP).exit(255);
  if (p.operands.length > 1) return new Output().err(HELP).exit(255);
  if (p.operands.length === 1 || keys.includes('F')) return setName(ctx, 'gnu');
  const name = ctx.sys.uts().nodename;
  const type = [...keys].reverse().find((k) => 'adfAiIsy'.includes(k));
  const out = new Output();
  if (!type) return out.out(`${name}\n`).exit(0);
  if (type === 's') return out.out(`${name.split('.')[0]}\n`).exit(0);
  if (type === 'y') return out.out(`${ctx.sys.uts().domainname}\n`).exit(0);
  if (type === 'I' || type === 'A') {
    // Interface addresses are not part of the simulated kernel's view; /etc/hosts stands in.
    const entry = lookup(ctx.fs, name);
    const addrs = (entry?.addrs ?? []).filter((a) => !isLoopback(a));
    return out.out(`${addrs.map((a) => `${type === 'A' ? entry!.canonical : a} `).join('')}\n`).exit(0);
  }
  const entry = lookup(ctx.fs, name);
  if (!entry) return failure('hostname', 'Name or service not known');
  if (type === 'i') return out.out(`${entry.addrs.join(' ')}\n`).exit(0);
  if (type === 'f') return out.out(`${entry.canonical}\n`).exit(0);
  if (type === 'a') return out.out('\n').exit(0);
  const dot = entry.canonical.indexOf('.');
  return dot < 0 ? out.exit(0) : out.out(`${entry.canonical.slice(dot + 1)}\n`).exit(0);
}

export function busyboxHostname(ctx: ProcessContext): ProgramRun {
  const p = getopt(ctx.argv.slice(1), {
    short: 'dfisF:v',
    long: { domain: ['d', 'none'], fqdn: ['f', 'none'], file: ['F', 'required'] },
  });
  if (isGetoptError(p)) return usageFailure(ctx, 'hostname', 'busybox', p);
  const keys = new Set(p.opts.map((o) => o.key));
  const name = ctx.sys.uts().nodename;
  const out = new Output();
  if (keys.has('d') || keys.has('f') || keys.has('i')) {
    const entry = lookup(ctx.fs, name);
    if (!entry) return failure('hostname', `bad address '${name}'`);
    const dot = entry.canonical.indexOf('.');
    if (keys.has('f')) return out.out(`${entry.canonical}\n`).exit(0);
    if (keys.has('s'))
      return out.out(`${dot < 0 ? entry.canonical : entry.canonical.slice(0, dot)}\n`).exit(0);
    if (keys.has('d')) return dot < 0 ? out.exit(0) : out.out(`${entry.canonical.slice(dot + 1)}\n`).exit(0);
    return out.out(`${entry.addrs.filter((a) => !a.includes(':')).join(' ')}\n`).exit(0);
  }
  if (keys.has('s')) return out.out(`${name.split('.')[0]}\n`).exit(0);
  if (keys.has('F') || p.operands.length) return setName(ctx, 'busybox');
  return out.out(`${name}\n`).exit(0);
}
