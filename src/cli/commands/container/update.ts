import { parseMemoryBytes } from '../../../format/size.js';
import type { CommandModule } from '../../registry.js';
import { atLeast, FlagValueError, int, parseGoInt, str } from '../../spec.js';
import { forEachContainer } from './multi.js';

const bytes = (raw: string) => {
  if (raw === '-1') return -1;
  try {
    return parseMemoryBytes(raw);
  } catch (e) {
    throw new FlagValueError((e as Error).message);
  }
};

/** `docker update`: new limits for running or stopped containers. */
export const update: CommandModule = {
  spec: {
    path: 'container update',
    usage: '[OPTIONS] CONTAINER [CONTAINER...]',
    description: 'Update configuration of one or more containers',
    aliases: ['docker container update', 'docker update'],
    args: atLeast(1),
    flags: [
      {
        long: 'blkio-weight',
        kind: 'value',
        typeName: 'uint16',
        help: 'Block IO (relative weight), between 10 and 1000, or 0 to disable',
        defaultText: '0',
        parse: parseGoInt,
      },
      int('cpu-period', undefined, 'Limit CPU CFS (Completely Fair Scheduler) period'),
      int('cpu-quota', undefined, 'Limit CPU CFS (Completely Fair Scheduler) quota'),
      int('cpu-rt-period', undefined, 'Limit the CPU real-time period in microseconds'),
      int('cpu-rt-runtime', undefined, 'Limit the CPU real-time runtime in microseconds'),
      int('cpu-shares', 'c', 'CPU shares (relative weight)'),
      {
        long: 'cpus',
        kind: 'value',
        typeName: 'decimal',
        help: 'Number of CPUs',
        parse: (raw) => {
          const n = Number(raw);
          if (raw.trim() === '' || Number.isNaN(n))
            throw new FlagValueError(`failed to parse ${raw} as a rational number`);
          return n;
        },
      },
      str('cpuset-cpus', undefined, 'CPUs in which to allow execution (0-3, 0,1)'),
      str('cpuset-mems', undefined, 'MEMs in which to allow execution (0-3, 0,1)'),
      { long: 'memory', short: 'm', kind: 'value', typeName: 'bytes', help: 'Memory limit', parse: bytes },
      {
        long: 'memory-reservation',
        kind: 'value',
        typeName: 'bytes',
        help: 'Memory soft limit',
        parse: bytes,
      },
      {
        long: 'memory-swap',
        kind: 'value',
        typeName: 'bytes',
        help: 'Swap limit equal to memory plus swap:\n-1 to enable unlimited swap',
        parse: bytes,
      },
      int('pids-limit', undefined, 'Tune container pids limit (set -1 for unlimited)'),
      str('restart', undefined, 'Restart policy to apply when a container exits'),
    ],
  },
  async run(ctx, parsed) {
    const o = parsed.opts;
    const restart = o.restart as string | undefined;
    const [policy, count] = restart ? restart.split(':') : [];
    const change = {
      ...(o.memory !== undefined ? { Memory: o.memory as number } : {}),
      ...(o['memory-swap'] !== undefined ? { MemorySwap: o['memory-swap'] as number } : {}),
      ...(o['memory-reservation'] !== undefined
        ? { MemoryReservation: o['memory-reservation'] as number }
        : {}),
      ...(o.cpus !== undefined ? { NanoCpus: Math.round((o.cpus as number) * 1e9) } : {}),
      ...(o['cpu-shares'] !== undefined ? { CpuShares: o['cpu-shares'] as number } : {}),
      ...(o['cpu-period'] !== undefined ? { CpuPeriod: o['cpu-period'] as number } : {}),
      ...(o['cpu-quota'] !== undefined ? { CpuQuota: o['cpu-quota'] as number } : {}),
      ...(o['pids-limit'] !== undefined ? { PidsLimit: o['pids-limit'] as number } : {}),
      ...(restart
        ? { RestartPolicy: { Name: policy as 'no', MaximumRetryCount: count ? Number(count) : 0 } }
        : {}),
    };
    const engine = await ctx.engine();
    return forEachContainer(ctx, parsed.args, async (ref) => {
      await engine.containerUpdate(ref, change);
    });
  },
};
