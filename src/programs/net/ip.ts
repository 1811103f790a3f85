import { Output } from '../run.js';
import type { Flavour } from '../system/common/fail.js';
import type { NetInterface, NetRoute, ProcessContext, ProgramRun } from '../types.js';

function flags(i: NetInterface, flavour: Flavour): string {
  if (i.kind === 'loopback') return '<LOOPBACK,UP,LOWER_UP>';
  const base = i.carrier ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP';
  // BusyBox cannot look up the peer in the host's namespace from inside: M-DOWN.
  return `<${base}${flavour === 'busybox' && i.peer !== undefined && i.linkNetnsId === 0 ? ',M-DOWN' : ''}>`;
}

function state(i: NetInterface): string {
  if (i.kind === 'loopback') return 'UNKNOWN';
  return i.carrier ? 'UP' : 'DOWN';
}

function nameOf(i: NetInterface): string {
  return i.peer !== undefined ? `${i.name}@if${i.peer}` : i.name;
}

function linkLines(i: NetInterface, flavour: Flavour, link: boolean): string {
  const master = i.master ? ` master ${i.master}` : '';
  let head = `${i.index}: ${nameOf(i)}: ${flags(i, flavour)} mtu ${i.mtu} qdisc ${i.qdisc}${master}`;
  if (flavour === 'gnu')
    head += ` state ${state(i)}${link ? ' mode DEFAULT' : ''} group default ${i.qlen ? `qlen ${i.qlen}` : ''}`;
  else head += i.qlen ? ` qlen ${i.qlen}` : ' ';
  const type = i.kind === 'loopback' ? 'loopback' : 'ether';
  const brd = i.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  const netns = i.linkNetnsId !== undefined && flavour === 'gnu' ? ` link-netnsid ${i.linkNetnsId}` : '';
  return `${head}\n    link/${type} ${i.mac} brd ${brd}${netns}\n`;
}

function addrLines(i: NetInterface, four: boolean, host: boolean): string {
  let text = '';
  if (i.ipv4) {
    const v = i.ipv4;
    const scope = i.kind === 'loopback' ? 'host' : 'global';
    const metric = v.metric !== undefined ? ` metric ${v.metric}` : '';
    const brd = v.broadcast ? ` brd ${v.broadcast}` : '';
    text += `    inet ${v.address}/${v.prefix}${metric}${brd} scope ${scope}${v.dynamic ? ' dynamic' : ''} ${i.name}\n`;
    text += v.dynamic
      ? '       valid_lft 86108sec preferred_lft 86108sec\n'
      : '       valid_lft forever preferred_lft forever\n';
  }
  if (i.ipv6 && !four) {
    const extra = i.kind === 'loopback' && host ? ' noprefixroute' : '';
    text += `    inet6 ${i.ipv6.address}/${i.ipv6.prefix} scope ${i.ipv6.scope}${extra} \n       valid_lft forever preferred_lft forever\n`;
  }
  return text;
}

function brief(list: NetInterface[], addresses: boolean): string {
  return list
    .map((i) => {
      const name = nameOf(i).padEnd(16);
      const st = state(i).padEnd(14);
      if (!addresses) return `${name} ${st} ${i.mac} ${flags(i, 'gnu')} \n`;
      const addrs = [
        i.ipv4 && `${i.ipv4.address}/${i.ipv4.prefix}`,
        i.ipv6 && `${i.ipv6.address}/${i.ipv6.prefix}`,
      ];
      return `${name} ${st} ${addrs.filter(Boolean).join(' ')} \n`;
    })
    .join('');
}

function routeLine(r: NetRoute, flavour: Flavour): string {
  const parts = [r.dst];
  if (r.via) parts.push(`via ${r.via}`);
  parts.push(`dev ${r.dev}`);
  if (r.proto && flavour === 'gnu') parts.push(`proto ${r.proto}`);
  if (r.scope) parts.push(`scope ${r.scope}`);
  // BusyBox prints two spaces before src.
  if (r.src && r.dst !== 'default') parts.push(flavour === 'busybox' ? ` src ${r.src}` : `src ${r.src}`);
  else if (r.src && flavour === 'gnu') parts.push(`src ${r.src}`);
  if (r.metric !== undefined) parts.push(`metric ${r.metric}`);
  if (r.linkdown) parts.push('linkdown');
  return `${parts.join(' ')} \n`;
}

const OBJECTS: Record<string, 'addr' | 'link' | 'route'> = {
  a: 'addr',
  ad: 'addr',
  addr: 'addr',
  address: 'addr',
  l: 'link',
  li: 'link',
  link: 'link',
  r: 'route',
  ro: 'route',
  route: 'route',
};

/**
 * `ip addr`, `ip link`, `ip route` (iproute2's words, or BusyBox's shorter ones): the
 * interfaces and routes of the process's network namespace.
 */
export function ip(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const args = ctx.argv.slice(1);
  const opts = args.filter((a) => a.startsWith('-'));
  const words = args.filter((a) => !a.startsWith('-'));
  const out = new Output();
  const object = OBJECTS[words[0] ?? ''];
  if (!object) {
    const usage =
      'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | link | route | ... }\n';
    if (words[0] === undefined) return out.err(usage).exit(flavour === 'busybox' ? 1 : 255);
    return out.err(`Object "${words[0]}" is unknown, try "ip help".\n`).exit(flavour === 'busybox' ? 1 : 255);
  }
  const net = ctx.net;
  const list = net?.interfaces() ?? [];
  const showing = ['show', 's', 'sh', 'list', 'ls', 'lst'].includes(words[1] ?? '');
  const dev = words.includes('dev') ? words[words.indexOf('dev') + 1] : showing ? words[2] : undefined;
  const chosen = dev ? list.filter((i) => i.name === dev) : list;
  if (dev && chosen.length === 0) return out.err(`Device "${dev}" does not exist.\n`).exit(1);
  if (object === 'route')
    return out.out((net?.routes() ?? []).map((r) => routeLine(r, flavour)).join('')).exit(0);
  if (opts.includes('-br') || opts.includes('-brief'))
    return out.out(brief(chosen, object === 'addr')).exit(0);
  const four = opts.includes('-4');
  const host = ctx.sys.isHost();
  const text = chosen
    .filter((i) => !four || i.ipv4 || object === 'link')
    .map(
      (i) => linkLines(i, flavour, object === 'link') + (object === 'addr' ? addrLines(i, four, host) : ''),
    )
    .join('');
  return out.out(text).exit(0);
}
