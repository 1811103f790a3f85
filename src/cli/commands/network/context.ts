import type { NetworkResource } from '../../../api/containers.js';
import { RowContext } from '../../../format/context.js';
import { goTimeString } from '../../../format/time.js';
import { truncateId } from '../../../format/width.js';

export const NETWORK_HEADERS: Record<string, string> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

export const NETWORK_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';

/** One row of `docker network ls` (docker's networkContext). */
export class NetworkContext extends RowContext {
  constructor(
    private readonly n: NetworkResource,
    private readonly trunc: boolean,
  ) {
    super('*formatter.networkContext');
  }
  get ID(): string {
    return this.trunc ? truncateId(this.n.Id) : this.n.Id;
  }
  get Name(): string {
    return this.n.Name;
  }
  get Driver(): string {
    return this.n.Driver;
  }
  get Scope(): string {
    return this.n.Scope;
  }
  get IPv4(): string {
    return String(this.n.EnableIPv4);
  }
  get IPv6(): string {
    return String(this.n.EnableIPv6);
  }
  get Internal(): string {
    return String(this.n.Internal);
  }
  get Labels(): string {
    return Object.entries(this.n.Labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join(',');
  }
  Label(name: string): string {
    return this.n.Labels?.[name] ?? '';
  }
  get CreatedAt(): string {
    return goTimeString(Date.parse(this.n.Created));
  }
}
