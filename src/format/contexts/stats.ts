import type { StatsSample } from '../../api/containers.js';
import { RowContext } from '../context.js';
import { bytesSize, humanSizeWithPrecision } from '../size.js';
import { truncateId } from '../width.js';

export const STATS_HEADERS: Record<string, string> = {
  Container: 'CONTAINER',
  Name: 'NAME',
  ID: 'CONTAINER ID',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

export const STATS_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

const size3 = (n: number) => humanSizeWithPrecision(n, 3);

/** One row of `docker stats`, from a sample of the container's cgroup. */
export class StatsContext extends RowContext {
  constructor(
    private readonly s: StatsSample,
    private readonly typed: string,
    private readonly trunc: boolean,
  ) {
    super('*formatter.statsContext');
  }
  get Container(): string {
    return this.typed;
  }
  get Name(): string {
    return this.s.name.replace(/^\//, '') || '--';
  }
  get ID(): string {
    return this.trunc ? truncateId(this.s.id) : this.s.id;
  }
  get CPUPerc(): string {
    return `${this.s.cpuPercent.toFixed(2)}%`;
  }
  get MemUsage(): string {
    return `${bytesSize(this.s.memoryUsage)} / ${bytesSize(this.s.memoryLimit)}`;
  }
  get MemPerc(): string {
    return `${(this.s.memoryLimit ? (this.s.memoryUsage / this.s.memoryLimit) * 100 : 0).toFixed(2)}%`;
  }
  get NetIO(): string {
    return `${size3(this.s.netRx)} / ${size3(this.s.netTx)}`;
  }
  get BlockIO(): string {
    return `${size3(this.s.blockRead)} / ${size3(this.s.blockWrite)}`;
  }
  get PIDs(): string {
    return String(this.s.pids);
  }
}
