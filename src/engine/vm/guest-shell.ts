import type { GuestOutput } from '../../api/vm.js';
import { GUEST, type GuestProcess, guestProcesses } from './guest.js';
import type { VmRecord } from './store.js';

/**
 * Commands typed over `vm ssh`, answered from the guest's own state: its kernel, its process
 * table (PIDs from 1, nothing of the host's), its memory (what the VM was given) and its disk.
 * A small, self-contained command set; nothing real runs.
 */

export interface GuestCall {
  vm: VmRecord & { power: NonNullable<VmRecord['power']> };
  argv: string[];
  now: number;
  /** First PID of this ssh session's processes (sshd's two, then the command). */
  sessionPid: number;
}

type Out = { code: number; out: GuestOutput[] };
const ok = (text: string): Out => ({ code: 0, out: [{ stream: 'stdout', text }] });
const fail = (text: string, code = 1): Out => ({ code, out: [{ stream: 'stderr', text }] });

const hms = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
};

/** The guest's processes at `now`, with this ssh session's own (sshd, and the command itself). */
export function guestTable(c: GuestCall): GuestProcess[] {
  const since = c.now - c.vm.power.startedAt;
  const base = guestProcesses(c.vm.cpus, c.vm.power.times).filter((p) => p.at <= since);
  const p = c.sessionPid;
  const session: GuestProcess[] = [
    { pid: p, ppid: 497, user: 'root', tty: '?', at: since, comm: 'sshd', args: 'sshd: debian [priv]' },
    { pid: p + 1, ppid: p, user: 'debian', tty: '?', at: since, comm: 'sshd', args: 'sshd: debian@notty' },
    {
      pid: p + 2,
      ppid: p + 1,
      user: 'debian',
      tty: '?',
      at: since,
      comm: c.argv[0] ?? 'bash',
      args: c.argv.join(' '),
    },
  ];
  return [...base, ...session];
}

function ps(c: GuestCall): Out {
  const flags = c.argv.slice(1).join(' ');
  const all = /(^|\s)-(e|A|ef|fe|eF)\b|aux/.test(flags);
  const full = /-\w*f/.test(flags);
  const since = c.now - c.vm.power.startedAt;
  const rows = guestTable(c).filter((p) => all || p.pid >= c.sessionPid);
  // Only systemd has run long enough to show a second of CPU time.
  const time = (p: GuestProcess) => hms(p.pid === 1 ? (since - p.at) / 200 : 0);
  if (full) {
    const stime = new Date(c.vm.power.startedAt).toISOString().slice(11, 16);
    const lines = rows.map(
      (p) =>
        `${(p.user.length > 8 ? `${p.user.slice(0, 7)}+` : p.user).padEnd(8)} ${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)}  0 ${stime} ${p.tty.padEnd(8)} ${time(p)} ${p.args}`,
    );
    return ok(['UID        PID  PPID  C STIME TTY          TIME CMD', ...lines].join('\n') + '\n');
  }
  const lines = rows.map(
    (p) => `${String(p.pid).padStart(5)} ${p.tty.padEnd(8)} ${time(p)} ${p.comm.slice(0, 15)}`,
  );
  return ok(['  PID TTY          TIME CMD', ...lines].join('\n') + '\n');
}

function uname(c: GuestCall): Out {
  const f = c.argv.slice(1).join('').replace(/-/g, '');
  const parts: Record<string, string> = {
    s: 'Linux',
    n: c.vm.name,
    r: GUEST.kernelRelease,
    v: GUEST.kernelVersion,
    m: 'x86_64',
    o: 'GNU/Linux',
  };
  if (f === '' || f === 's') return ok('Linux\n');
  if (f.includes('a'))
    return ok(`Linux ${c.vm.name} ${GUEST.kernelRelease} ${GUEST.kernelVersion} x86_64 GNU/Linux\n`);
  return ok(
    `${[...'snrvmo']
      .filter((k) => f.includes(k))
      .map((k) => parts[k])
      .join(' ')}\n`,
  );
}

/** The guest's memory: what the VM was given, less what its kernel keeps for itself. */
function free(c: GuestCall): Out {
  const totalKib = Math.floor(c.vm.memory / 1024) - 84_412 - Math.round(c.vm.memory / 1024 / 64);
  const usedKib = 151_232 + c.vm.cpus * 2_880;
  const cacheKib = Math.min(totalKib - usedKib - 65_536, 204_800);
  const freeKib = totalKib - usedKib - cacheKib;
  const mib = c.argv.includes('-m') || c.argv.includes('-h');
  const n = (k: number) => (mib ? `${Math.round(k / 1024)}${c.argv.includes('-h') ? 'Mi' : ''}` : String(k));
  const row = (label: string, cells: (string | number)[]) =>
    `${label.padEnd(8)}${cells.map((x) => String(x).padStart(12)).join('')}\n`;
  return ok(
    row('', ['total', 'used', 'free', 'shared', 'buff/cache', 'available']) +
      row('Mem:', [n(totalKib), n(usedKib), n(freeKib), n(1_024), n(cacheKib), n(totalKib - usedKib)]) +
      row('Swap:', [n(0), n(0), n(0)]),
  );
}

const OS_RELEASE = `PRETTY_NAME="${GUEST.prettyName}"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

function cat(c: GuestCall): Out {
  const files: Record<string, string> = {
    '/etc/os-release': OS_RELEASE,
    '/etc/hostname': `${c.vm.name}\n`,
    '/proc/version': `Linux version ${GUEST.kernelRelease} ${GUEST.kernelBuild} ${GUEST.kernelVersion}\n`,
  };
  let text = '';
  for (const f of c.argv.slice(1)) {
    const body = files[f];
    if (body === undefined) return fail(`cat: ${f}: No such file or directory\n`);
    text += body;
  }
  return ok(text);
}

function df(c: GuestCall): Out {
  const gib = (b: number) => `${(b / 1024 ** 3).toFixed(1)}G`;
  const size = c.vm.disk.VirtualSize - 1024 ** 3 * 0.9;
  const used = c.vm.disk.Allocated;
  return ok(
    'Filesystem      Size  Used Avail Use% Mounted on\n' +
      `/dev/vda1 ${gib(size).padStart(10)} ${gib(used).padStart(5)} ${gib(size - used).padStart(5)} ${`${Math.ceil((used / size) * 100)}%`.padStart(4)} /\n`,
  );
}

export function runGuestCommand(c: GuestCall): Out {
  const [cmd, ...args] = c.argv;
  const since = c.now - c.vm.power.startedAt;
  switch (cmd) {
    case 'ps':
      return ps(c);
    case 'uname':
      return uname(c);
    case 'hostname':
      return ok(`${c.vm.name}\n`);
    case 'whoami':
      return ok('debian\n');
    case 'nproc':
      return ok(`${c.vm.cpus}\n`);
    case 'free':
      return free(c);
    case 'cat':
      return cat(c);
    case 'df':
      return df(c);
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'uptime': {
      const mins = Math.floor((since - c.vm.power.times.kernelAt) / 60000);
      return ok(
        ` ${new Date(c.now).toISOString().slice(11, 19)} up ${mins} min,  0 user,  load average: 0.00, 0.01, 0.00\n`,
      );
    }
    case 'systemctl':
      if (args[0] === 'is-active')
        return args[1]?.replace(/\.service$/, '') === 'nginx' ? ok('active\n') : fail('inactive\n', 3);
      return fail('dockersim: this guest answers `systemctl is-active UNIT` only\n');
    case 'curl':
      return ok(nginxPage());
    default:
      return fail(`bash: line 1: ${cmd}: command not found\n`, 127);
  }
}

/** What the guest's nginx serves on port 80 (Debian's default page starts like this). */
function nginxPage(): string {
  return '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n</body>\n</html>\n';
}
