import type { Applet } from '../busybox.js';
import { registerProgram } from '../registry.js';
import type { Program } from '../types.js';
import { curl } from './curl.js';
import { dig, nslookup } from './dns.js';
import { ip } from './ip.js';
import { ping } from './ping.js';
import { wget } from './wget.js';

/**
 * The network tools: iputils ping, iproute2 ip, curl, GNU wget and BIND's nslookup and dig as
 * the images name them (`iputils:ping`, `iproute2:ip`, `bind-tools:dig`…), and the BusyBox
 * applets of the same names. Registers the programs; returns the applets for BusyBox's table.
 */
export function registerNetPrograms(): Record<string, Applet> {
  const programs: [Program, ...string[]][] = [
    [{ name: 'iputils:ping', run: (ctx) => ping(ctx, 'gnu') }, 'ping'],
    [{ name: 'iproute2:ip', run: (ctx) => ip(ctx, 'gnu') }, 'ip'],
    [{ name: 'bind-tools:nslookup', run: (ctx) => nslookup(ctx, 'gnu') }, 'nslookup'],
    [{ name: 'bind-tools:dig', run: dig }, 'dig'],
    [{ name: 'curl', run: curl }],
    [{ name: 'wget', run: (ctx) => wget(ctx, 'gnu') }],
  ];
  for (const [program, ...aliases] of programs) registerProgram(program, ...aliases);
  return {
    ping: (ctx) => ping(ctx, 'busybox'),
    ip: (ctx) => ip(ctx, 'busybox'),
    nslookup: (ctx) => nslookup(ctx, 'busybox'),
    wget: (ctx) => wget(ctx, 'busybox'),
  };
}
