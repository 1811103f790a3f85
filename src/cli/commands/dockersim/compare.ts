import { EngineError } from '../../../api/errors.js';
import type { CompareSide, Comparison } from '../../../api/vm.js';
import { bytesSize, humanSize, parseMemoryBytes } from '../../../format/size.js';
import { alignTable } from '../../../format/tabwriter.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { bool, type CommandSpec, FlagValueError, NO_ARGS, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'compare',
  usage: '[OPTIONS]',
  description: 'Run nginx as a container and as a VM and compare them side by side',
  args: NO_ARGS,
  flags: [
    str('vm-memory', undefined, 'Memory of the VM compare creates (its reservation on the host)', {
      typeName: 'bytes',
      defaultText: '2g',
      parse: (raw) => {
        try {
          return parseMemoryBytes(raw);
        } catch (e) {
          throw new FlagValueError((e as Error).message);
        }
      },
    }),
    str('vm', undefined, 'Measure this VM of yours (made with `vm create`) instead of creating one'),
    bool('keep', undefined, 'Leave the container and the VM running afterwards, to look at them'),
  ],
  extraHelp:
    'compare pulls nginx:latest if needed, runs it as the container compare-nginx and boots the\nVM compare-vm (Debian 12 with nginx), measures both, then removes them (unless --keep).\nEvery figure is measured from the simulation: change --vm-memory and the table changes.\n',
};

/** Seconds with the precision that matters at that size: 0.014s, 22.6s. */
function seconds(ms: number): string {
  return ms < 1000 ? `${(ms / 1000).toFixed(3)}s` : `${(ms / 1000).toFixed(1)}s`;
}

function cells(s: CompareSide, c: Comparison, vm: boolean): string[][] {
  const start = vm
    ? [
        `${seconds(s.StartMs)} power-on to nginx.service started`,
        `(login prompt at ${seconds(s.BootMs ?? 0)})`,
      ]
    : [`${seconds(s.StartMs)} docker start to nginx's workers`];
  const disk = vm
    ? [`${humanSize(s.DiskOwn)} disk image, its own`, `(a ${humanSize(s.DiskVirtual ?? 0)} virtual disk)`]
    : [`${humanSize(s.DiskShared)} image, read-only, shared`, `+ ${humanSize(s.DiskOwn)} writable layer`];
  const memory = vm
    ? [
        `${bytesSize(s.MemoryReserved)} reserved (-m)`,
        `host RSS of the hypervisor ${bytesSize(s.MemoryUsed)}`,
      ]
    : [
        s.MemoryReserved ? `${bytesSize(s.MemoryReserved)} limit (-m)` : 'none reserved (no -m)',
        `uses ${bytesSize(s.MemoryUsed)} (cgroup memory.current)`,
      ];
  const ps = s.HostPs.length > 0 ? s.HostPs.map((l) => l.trim()) : ['(nothing)'];
  const hidden = vm
    ? `${s.HiddenProcesses} guest processes: the host sees none`
    : `all ${s.InsideProcesses} of its processes: nothing hidden`;
  const kernel = s.KernelShared
    ? [`${s.Kernel}: the host's own`]
    : [`${s.Kernel}: its own guest kernel`, `(the host runs ${c.HostKernel})`];
  const isolation = vm
    ? ['hardware: virtual CPU, memory, disk', `(${s.Cpus} vCPUs); host namespaces for QEMU`]
    : [`namespaces: ${s.OwnNamespaces.join(' ')}`, '+ a cgroup, on the shared kernel'];
  return [start, disk, memory, [...ps, hidden], kernel, isolation];
}

export function renderComparison(c: Comparison): string {
  const labels = ['start time', 'disk', 'memory', 'host ps shows', 'kernel', 'isolation'];
  const left = cells(c.Container, c, false);
  const right = cells(c.Vm, c, true);
  const rows = [['', `CONTAINER ${c.Container.Name}`, `VM ${c.Vm.Name}`]];
  labels.forEach((label, i) => {
    const a = left[i]!;
    const b = right[i]!;
    for (let j = 0; j < Math.max(a.length, b.length); j++)
      rows.push([j === 0 ? label : '', a[j] ?? '', b[j] ?? '']);
  });
  // Rows whose VM cell is empty would end in padding.
  let text = alignTable(rows, { minWidth: 0, padding: 3 }).replace(/ +$/gm, '');
  const kept = [
    c.Kept.container ? `docker top ${c.Container.Name}` : '',
    c.Kept.vm ? `dockersim vm ssh ${c.Vm.Name} ps -e` : '',
  ].filter(Boolean);
  if (kept.length > 0)
    text += `\nStill running; look closer with: ${kept.join(', ')}, dockersim host ps -e\n`;
  return text;
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const o = parsed.opts;
  try {
    const vms = await (await ctx.engine()).vm();
    const result = await vms.compare(
      {
        ...(o['vm-memory'] !== undefined ? { vmMemory: o['vm-memory'] as number } : {}),
        ...(o.vm ? { vm: o.vm as string } : {}),
        keep: !!o.keep,
      },
      (step) => ctx.stderr.write(`${step}\n`),
    );
    ctx.stdout.write(renderComparison(result));
    return 0;
  } catch (e) {
    if (e instanceof EngineError) throw new CliError(`Error: ${e.message}`);
    throw e;
  }
}
