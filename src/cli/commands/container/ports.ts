import type { PortBinding } from '../../../api/containers.js';

/** A `-p` spec that docker rejects; the message is docker's (`invalid containerPort: abc`). */
export class PortSpecError extends Error {}

function parseRange(text: string, what: 'containerPort' | 'hostPort'): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  const bad = () => new PortSpecError(`invalid ${what}: ${text}`);
  if (!m) throw bad();
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > 65535 || hi > 65535 || hi < lo || (what === 'containerPort' && lo === 0)) throw bad();
  return [lo, hi];
}

function isIp(text: string): boolean {
  if (/^\[.*\]$/.test(text)) return isIp(text.slice(1, -1));
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text))
    return text.split('.').every((p) => Number(p) <= 255);
  return /^[0-9a-fA-F:]+$/.test(text) && text.includes(':');
}

export interface PortMapping {
  port: string;
  binding: PortBinding;
}

/**
 * `-p [ip:][hostPort:]containerPort[/proto]` with ranges, as docker's nat package reads it:
 * one mapping per container port.
 */
export function parsePortSpec(spec: string): PortMapping[] {
  let rest = spec;
  let proto = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    proto = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new PortSpecError(`invalid proto: ${proto}`);
  }
  let ip = '';
  let host = '';
  let container = rest;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (bracket) {
    ip = bracket[1]!;
    rest = bracket[2]!;
    [host, container] = rest.includes(':')
      ? [rest.slice(0, rest.indexOf(':')), rest.slice(rest.indexOf(':') + 1)]
      : ['', rest];
  } else {
    const parts = rest.split(':');
    if (parts.length === 2) [host, container] = parts as [string, string];
    else if (parts.length === 3) [ip, host, container] = parts as [string, string, string];
    else if (parts.length > 3) {
      ip = parts.slice(0, -2).join(':');
      host = parts.at(-2)!;
      container = parts.at(-1)!;
      if (!isIp(ip)) throw new PortSpecError(`invalid IP address: ${parts.slice(-3, -1).join(':')}`);
    }
  }
  if (ip && !isIp(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
  const [cLo, cHi] = parseRange(container, 'containerPort');
  let hLo = 0;
  let hHi = 0;
  if (host) [hLo, hHi] = parseRange(host, 'hostPort');
  if (host && hHi - hLo !== cHi - cLo && !(hHi - hLo > 0 && cLo === cHi)) {
    throw new PortSpecError(
      `invalid ranges specified for container and host Ports: ${container} and ${host}`,
    );
  }
  const out: PortMapping[] = [];
  for (let p = cLo; p <= cHi; p++) {
    let hostPort = '';
    if (host) hostPort = cLo === cHi && hHi > hLo ? `${hLo}-${hHi}` : String(hLo + (p - cLo));
    out.push({ port: `${p}/${proto}`, binding: { HostIp: ip, HostPort: hostPort } });
  }
  return out;
}
