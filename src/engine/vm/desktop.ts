import type { LogChunk } from '../../api/containers.js';
import type { LocalEngine } from '../local.js';
import { type DesktopProcess, MAC, macProcesses, WINDOWS, windowsProcesses } from './desktop-hosts.js';

/**
 * A command typed on a Docker Desktop host (macOS or Windows), outside the engine's VM. The
 * host's process list has Docker Desktop's own processes and the one process that is the Linux
 * VM, whose memory is what the engine's Linux machine uses right now; containers are inside it,
 * out of this host's sight.
 */
export async function desktopHostCommand(
  engine: LocalEngine,
  argv: string[],
  _stdin: string | null,
  onChunk: (c: LogChunk) => void,
): Promise<number> {
  const vm = await engine.session((svc) => {
    const m = svc.kernel.hostView().meminfo();
    return {
      usedKib: Math.round((m.total - m.available) / 1024),
      totalMib: Math.round(m.total / 1024 / 1024),
      now: svc.now(),
    };
  });
  const out = (text: string) => onChunk({ stream: 'stdout', text, time: vm.now });
  const err = (text: string) => onChunk({ stream: 'stderr', text, time: vm.now });
  // The VM process holds what the Linux machine uses, plus the virtual machine monitor's own.
  const withVm = (procs: DesktopProcess[]) =>
    procs.map((p) => (p.vm ? { ...p, rssKib: vm.usedKib + 196_608 } : p));
  const windows = engine.env.DOCKERSIM_DESKTOP === 'windows';
  const [cmd = '', ...args] = argv;
  if (windows) {
    const procs = withVm(windowsProcesses());
    switch (cmd.toLowerCase()) {
      case 'tasklist':
        out(tasklist(procs));
        return 0;
      case 'ver':
        out(`\n${WINDOWS.version}\n`);
        return 0;
      case 'hostname':
        out(`${WINDOWS.hostname}\n`);
        return 0;
      case 'wsl':
        out('  NAME              STATE           VERSION\n* docker-desktop    Running         2\n');
        return 0;
    }
    err(`'${cmd}' is not recognized as an internal or external command,\noperable program or batch file.\n`);
    return 1;
  }
  const procs = withVm(macProcesses(engine.host.cpus, vm.totalMib));
  switch (cmd) {
    case 'ps':
      out(macPs(procs, args));
      return 0;
    case 'uname':
      out(
        args.includes('-a')
          ? `Darwin ${MAC.hostname} ${MAC.darwin} ${MAC.darwinVersion} x86_64\n`
          : args.includes('-r')
            ? `${MAC.darwin}\n`
            : 'Darwin\n',
      );
      return 0;
    case 'sw_vers':
      out(
        `ProductName:\t\t${MAC.product.name}\nProductVersion:\t\t${MAC.product.version}\nBuildVersion:\t\t${MAC.product.build}\n`,
      );
      return 0;
    case 'hostname':
      out(`${MAC.hostname}\n`);
      return 0;
  }
  err(`zsh: command not found: ${cmd}\n`);
  return 127;
}

const cpuTime = (s: number) => `${Math.floor(s / 60)}:${(s % 60).toFixed(2).padStart(5, '0')}`;

/** BSD ps as macOS has it: `ps` (this terminal), `ps -e`/`-A`/`-ax`, `ps -ef`, `ps aux`. */
function macPs(procs: DesktopProcess[], args: string[]): string {
  const flags = args.join(' ');
  const all = /-\w*[eA]|ax|aux/.test(flags);
  const self: DesktopProcess = {
    pid: 4321,
    ppid: 812,
    user: 'root',
    rssKib: 1_244,
    cpu: 0,
    tty: 'ttys000',
    command: `ps ${flags}`.trim(),
  };
  const rows = [...procs.filter((p) => all || p.tty), self];
  const tty = (p: DesktopProcess) => p.tty ?? '??';
  if (/aux/.test(flags)) {
    const head = 'USER               PID  %CPU %MEM      VSZ    RSS   TT  STAT STARTED      TIME COMMAND';
    const line = (p: DesktopProcess) =>
      `${p.user.padEnd(16)} ${String(p.pid).padStart(5)} ${(p.vm ? 6.3 : 0.1).toFixed(1).padStart(5)} ${((p.rssKib / MAC.memKib) * 100).toFixed(1).padStart(4)} ${String(p.rssKib * 3 + 34_000_000).padStart(8)} ${String(p.rssKib).padStart(6)} ${tty(p).replace('ttys', 's').padStart(4)}  ${p.tty ? 'S+' : 'S '}    9:00AM ${cpuTime(p.cpu).padStart(9)} ${p.command}`;
    return `${[head, ...rows.map(line)].join('\n')}\n`;
  }
  if (/-\w*f/.test(flags)) {
    const head = '  UID   PID  PPID   C STIME   TTY           TIME CMD';
    const uid = (p: DesktopProcess) => (p.user === 'root' ? 0 : p.user.startsWith('_') ? 88 : 501);
    const line = (p: DesktopProcess) =>
      `${String(uid(p)).padStart(5)} ${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)}   0  9:00AM ${tty(p).padEnd(8)} ${cpuTime(p.cpu).padStart(9)} ${p.command}`;
    return `${[head, ...rows.map(line)].join('\n')}\n`;
  }
  const line = (p: DesktopProcess) =>
    `${String(p.pid).padStart(5)} ${tty(p).padEnd(8)} ${cpuTime(p.cpu).padStart(9)} ${p.command}`;
  return `${['  PID TTY           TIME CMD', ...rows.map(line)].join('\n')}\n`;
}

/** `tasklist`: image names and working sets, as Windows prints them. */
function tasklist(procs: DesktopProcess[]): string {
  const head =
    '\nImage Name                     PID Session Name        Session#    Mem Usage\n========================= ======== ================ =========== ============\n';
  const self: DesktopProcess = {
    pid: 9876,
    ppid: 9012,
    user: 'learner',
    rssKib: 9_412,
    cpu: 0,
    command: 'tasklist.exe',
  };
  const lines = [...procs, self].map((p) => {
    const service = p.user === 'SYSTEM';
    const mem = `${p.rssKib.toLocaleString('en-US')} K`;
    return `${p.command.slice(0, 25).padEnd(25)} ${String(p.pid).padStart(8)} ${(service ? 'Services' : 'Console').padEnd(16)} ${String(service ? 0 : 1).padStart(11)} ${mem.padStart(12)}`;
  });
  return `${head}${lines.join('\n')}\n`;
}
