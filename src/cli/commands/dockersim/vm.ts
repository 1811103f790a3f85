import { EngineError } from '../../../api/errors.js';
import type { VmApi, VmSummary } from '../../../api/vm.js';
import { humanDuration } from '../../../format/duration.js';
import { bytesSize, humanSize, parseHumanSize, parseMemoryBytes } from '../../../format/size.js';
import { alignTable } from '../../../format/tabwriter.js';
import { checkArgCount, type ParsedCommand, parseCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { renderCommandHelp } from '../../help.js';
import { atLeast, bool, type CommandSpec, exactly, FlagValueError, int, NO_ARGS, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'vm',
  usage: 'COMMAND',
  description: 'Virtual machines on a simulated hypervisor: vm create, start, ls, ssh, stop, rm',
  args: atLeast(1),
  stopAtFirstArg: true,
  flags: [],
  extraHelp:
    "Commands:\n  create    Create a VM: a disk image with its own guest OS (Debian 12 with nginx)\n  start     Power a VM on and follow its boot (its own kernel boots, tens of seconds)\n  ls        List VMs\n  ssh       Run a command in a VM's guest (ps -e, uname -r, free -m, ...)\n  stop      Shut a VM down\n  rm        Remove a VM and its disk image\n\nA VM runs as one hypervisor process on the host (`dockersim host ps -e` shows\nqemu-system-x86), holding the guest's whole memory; the guest's own processes\nare invisible to the host. Compare with a container: `dockersim compare`.\n",
};

/** `-m 4g` as docker reads memory sizes; a bad value is pflag's `invalid argument`. */
const sizeFlag = (parse: (s: string) => number) => (raw: string) => {
  try {
    return parse(raw);
  } catch (e) {
    throw new FlagValueError((e as Error).message);
  }
};

const SUB: Record<string, CommandSpec> = {
  create: {
    path: 'vm create',
    usage: '[OPTIONS] NAME',
    description: 'Create a VM: a disk image with its own guest OS',
    args: exactly(1),
    flags: [
      str('memory', 'm', 'Guest memory, reserved on the host while the VM runs', {
        typeName: 'bytes',
        defaultText: '2g',
        parse: sizeFlag(parseMemoryBytes),
      }),
      int('cpus', undefined, 'Number of virtual CPUs', { default: 2 }),
      str('disk', undefined, 'Virtual size of the disk image', {
        typeName: 'bytes',
        defaultText: '20GB',
        parse: sizeFlag(parseHumanSize),
      }),
    ],
  },
  start: {
    path: 'vm start',
    usage: '[OPTIONS] NAME',
    description: "Power a VM on and follow its serial console until the guest's login prompt",
    args: exactly(1),
    flags: [bool('detach', 'd', 'Return at once; the VM boots in the background')],
  },
  ls: { path: 'vm ls', usage: '', description: 'List VMs', args: NO_ARGS, flags: [] },
  ssh: {
    path: 'vm ssh',
    usage: 'NAME [COMMAND...]',
    description: "Run a command in a VM's guest (without one, a shell reading lines)",
    args: atLeast(1),
    stopAtFirstArg: true,
    flags: [],
  },
  stop: { path: 'vm stop', usage: 'NAME', description: 'Shut a VM down', args: exactly(1), flags: [] },
  rm: {
    path: 'vm rm',
    usage: '[OPTIONS] NAME',
    description: 'Remove a VM and its disk image',
    args: exactly(1),
    flags: [bool('force', 'f', 'Power the VM off first if it is running')],
  },
};

function status(vm: VmSummary, now: number): string {
  const since = now - (vm.StartedAt ?? now);
  if (vm.State === 'running') return `Running (up ${humanDuration(since - (vm.BootMs ?? 0)).toLowerCase()})`;
  if (vm.State === 'booting')
    return `Booting (${Math.floor(since / 1000)}s of ~${Math.round((vm.BootMs ?? 0) / 1000)}s)`;
  return vm.State === 'stopped' ? 'Stopped' : 'Created';
}

export function renderVmList(vms: VmSummary[], now: number): string {
  const rows = [['NAME', 'STATUS', 'CPUS', 'MEMORY', 'DISK', 'GUEST OS', 'GUEST KERNEL', 'HOST PID']];
  for (const vm of vms) {
    rows.push([
      vm.Name,
      status(vm, now),
      String(vm.Cpus),
      bytesSize(vm.Memory),
      `${humanSize(vm.Disk.Allocated)} / ${humanSize(vm.Disk.VirtualSize)}`,
      vm.GuestOs,
      vm.GuestKernel,
      vm.HostPid ? String(vm.HostPid) : '-',
    ]);
  }
  return alignTable(rows, { minWidth: 0, padding: 3 });
}

async function ssh(ctx: CommandContext, vms: VmApi, name: string, argv: string[]): Promise<number> {
  const out = (o: { stream: string; text: string }) =>
    (o.stream === 'stderr' ? ctx.stderr : ctx.stdout).write(o.text);
  if (argv.length > 0) return vms.ssh(name, argv, out);
  // No command: a line-at-a-time shell on the guest, until `exit` or the end of input.
  let code = await vms.ssh(name, ['uname', '-a'], out);
  if (code !== 0) return code;
  for (;;) {
    ctx.stdout.write(`debian@${name}:~$ `);
    const line = await ctx.readLine();
    if (line === undefined) {
      ctx.stdout.write('logout\n');
      return code;
    }
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words[0] === 'exit') return Number(words[1] ?? code) || 0;
    if (words.length > 0) code = await vms.ssh(name, words, out);
  }
}

async function dispatch(ctx: CommandContext, sub: string, p: ParsedCommand, vms: VmApi): Promise<number> {
  const name = p.args[0] ?? '';
  switch (sub) {
    case 'create': {
      const vm = await vms.create({
        Name: name,
        ...(p.opts.memory !== undefined ? { Memory: p.opts.memory as number } : {}),
        Cpus: p.opts.cpus as number,
        ...(p.opts.disk !== undefined ? { DiskSize: p.opts.disk as number } : {}),
      });
      ctx.stdout.write(
        `Formatting '${vm.Disk.Path}', fmt=qcow2 size=${vm.Disk.VirtualSize}\n` +
          `Installing ${vm.GuestOs}: ${humanSize(vm.Disk.Allocated)} written\n${vm.Name}\n`,
      );
      return 0;
    }
    case 'start': {
      const vm = await vms.start(name, { detach: !!p.opts.detach }, (l) => ctx.stdout.write(`${l.text}\n`));
      if (p.opts.detach) ctx.stdout.write(`${vm.Name}\n`);
      return 0;
    }
    case 'ls': {
      const list = await vms.list();
      ctx.stdout.write(renderVmList(list, await (await ctx.engine()).now()));
      return 0;
    }
    case 'ssh':
      return ssh(ctx, vms, name, p.args.slice(1));
    case 'stop':
      ctx.stdout.write(`${(await vms.stop(name)).Name}\n`);
      return 0;
    default:
      await vms.remove(name, { force: !!p.opts.force });
      ctx.stdout.write(`${name}\n`);
      return 0;
  }
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const [sub = '', ...rest] = parsed.args;
  const subSpec = SUB[sub === 'list' ? 'ls' : sub === 'remove' ? 'rm' : sub];
  if (!subSpec) {
    throw new CliError(
      `dockersim: unknown command: dockersim vm ${sub}\n\nRun 'dockersim vm --help' for more information`,
    );
  }
  const p = await parseCommand(subSpec, rest);
  if (p.help) {
    ctx.stdout.write(renderCommandHelp(subSpec));
    return 0;
  }
  checkArgCount(subSpec, p.args);
  try {
    const vms = await (await ctx.engine()).vm();
    return await dispatch(ctx, subSpec.path.slice(3), p, vms);
  } catch (e) {
    // The hypervisor's errors are its own, not the Docker daemon's.
    if (e instanceof EngineError) throw new CliError(`Error: ${e.message}`);
    throw e;
  }
}
