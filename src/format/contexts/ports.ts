import type { Port } from '../../api/containers.js';

/** docker's PORTS column: sorted, consecutive ports grouped into ranges, mappings last (§5.5). */
export function displayablePorts(ports: Port[]): string {
  const byteOrder = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = [...ports].sort(
    (a, b) =>
      a.PrivatePort - b.PrivatePort ||
      byteOrder(a.IP ?? '', b.IP ?? '') ||
      (a.PublicPort ?? 0) - (b.PublicPort ?? 0) ||
      byteOrder(a.Type, b.Type),
  );
  const groups = new Map<string, [number, number]>();
  const order: string[] = [];
  const result: string[] = [];
  const mappings: string[] = [];
  const host = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);
  const render = (key: string, [lo, hi]: [number, number]) => {
    const range = lo === hi ? `${lo}` : `${lo}-${hi}`;
    const slash = key.lastIndexOf('/');
    if (slash < 0) return `${range}/${key}`;
    const ip = key.slice(0, slash);
    return `${host(ip)}:${range}->${range}/${key.slice(slash + 1)}`;
  };
  for (const p of sorted) {
    if (p.IP !== undefined && p.IP !== '' && p.PublicPort !== p.PrivatePort) {
      mappings.push(`${host(p.IP)}:${p.PublicPort}->${p.PrivatePort}/${p.Type}`);
      continue;
    }
    const key = p.IP ? `${p.IP}/${p.Type}` : p.Type;
    const open = groups.get(key);
    if (!open) {
      groups.set(key, [p.PrivatePort, p.PrivatePort]);
      order.push(key);
    } else if (p.PrivatePort === open[1] + 1) {
      open[1] = p.PrivatePort;
    } else {
      result.push(render(key, open));
      groups.set(key, [p.PrivatePort, p.PrivatePort]);
    }
  }
  for (const key of order) result.push(render(key, groups.get(key)!));
  return [...result, ...mappings].join(', ');
}
