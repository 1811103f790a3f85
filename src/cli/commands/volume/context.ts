import type { Volume } from '../../../api/containers.js';
import { RowContext } from '../../../format/context.js';

export const VOLUME_HEADERS: Record<string, string> = {
  Name: 'VOLUME NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
};

export const VOLUME_TABLE = 'table {{.Driver}}\t{{.Name}}';

/** One row of `docker volume ls` (docker's volumeContext). */
export class VolumeContext extends RowContext {
  constructor(private readonly v: Volume) {
    super('*formatter.volumeContext');
  }
  get Name(): string {
    return this.v.Name;
  }
  get Driver(): string {
    return this.v.Driver;
  }
  get Scope(): string {
    return this.v.Scope;
  }
  get Mountpoint(): string {
    return this.v.Mountpoint;
  }
  get Labels(): string {
    return Object.entries(this.v.Labels ?? {})
      .map(([k, val]) => `${k}=${val}`)
      .sort()
      .join(',');
  }
  Label(name: string): string {
    return this.v.Labels?.[name] ?? '';
  }
  /** The list endpoint has no usage data: docker prints N/A. */
  get Links(): string {
    return this.v.UsageData ? String(this.v.UsageData.RefCount) : 'N/A';
  }
  get Size(): string {
    return this.v.UsageData ? String(this.v.UsageData.Size) : 'N/A';
  }
}
