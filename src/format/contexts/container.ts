import type { ContainerSummary } from '../../api/containers.js';
import { RowContext } from '../context.js';
import { ago } from '../duration.js';
import { humanSizeWithPrecision } from '../size.js';
import { goQuote } from '../template/index.js';
import { goTimeString } from '../time.js';
import { ellipsis, truncateId } from '../width.js';
import { displayablePorts } from './ports.js';

export const CONTAINER_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

export const CONTAINER_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export const CONTAINER_RAW =
  'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n';

/** One row of `docker ps`. */
export class ContainerContext extends RowContext {
  constructor(
    private readonly c: ContainerSummary,
    private readonly now: number,
    private readonly trunc: boolean,
  ) {
    super('*formatter.ContainerContext');
  }
  get ID(): string {
    return this.trunc ? truncateId(this.c.Id) : this.c.Id;
  }
  get Names(): string {
    const names = this.c.Names.map((n) => n.replace(/^\//, ''));
    if (this.trunc) return names.find((n) => !n.includes('/')) ?? '';
    return names.join(',');
  }
  get Image(): string {
    const image = this.c.Image;
    if (!image) return '<no image>';
    if (!this.trunc) return image;
    if (truncateId(this.c.ImageID) === truncateId(image)) return truncateId(this.c.ImageID);
    // Familiar form of the reference, digest dropped.
    const at = image.indexOf('@');
    const name = at >= 0 ? image.slice(0, at) : image;
    return name.replace(/^docker\.io\//, '').replace(/^library\//, '');
  }
  get Command(): string {
    const cmd = this.trunc ? ellipsis(this.c.Command, 20) : this.c.Command;
    return goQuote(cmd);
  }
  get CreatedAt(): string {
    return goTimeString(this.c.Created * 1000);
  }
  get RunningFor(): string {
    return ago(this.now - this.c.Created * 1000);
  }
  get Ports(): string {
    return displayablePorts(this.c.Ports);
  }
  get State(): string {
    return this.c.State;
  }
  get Status(): string {
    return this.c.Status;
  }
  get Size(): string {
    if (this.c.SizeRw === undefined) return '0B';
    const rw = humanSizeWithPrecision(this.c.SizeRw, 3);
    const root = this.c.SizeRootFs ?? 0;
    return root > 0 ? `${rw} (virtual ${humanSizeWithPrecision(root, 3)})` : rw;
  }
  get Labels(): string {
    return Object.entries(this.c.Labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join(',');
  }
  Label(name: string): string {
    return this.c.Labels?.[name] ?? '';
  }
  get Mounts(): string {
    return this.c.Mounts.map((m) => {
      const name = m.Name || m.Source;
      return this.trunc ? ellipsis(name, 15) : name;
    }).join(',');
  }
  get LocalVolumes(): string {
    return String(this.c.Mounts.filter((m) => m.Driver === 'local').length);
  }
  get Networks(): string {
    return Object.keys(this.c.NetworkSettings?.Networks ?? {})
      .sort()
      .join(',');
  }
  get Platform(): null {
    return null;
  }
}
