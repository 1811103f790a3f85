import { Output } from '../run.js';
import type { Flavour } from '../system/common/fail.js';
import { usageFailure } from '../system/common/fail.js';
import { getopt, isGetoptError } from '../system/common/getopt.js';
import type { ProcessContext, ProgramRun } from '../types.js';
import { isIpv4 } from './lookup.js';

/** The name server a lookup asks: `nslookup NAME SERVER`, else /etc/resolv.conf's. */
function server(ctx: ProcessContext, given?: string): string {
  return given ?? ctx.net?.nameserver() ?? '127.0.0.11';
}

/** What the name server says about a name (the container's DNS view). */
function answer(ctx: ProcessContext, name: string): string | undefined {
  if (isIpv4(name)) return name;
  return ctx.net?.dns(name);
}

/**
 * nslookup: BusyBox's (A then AAAA query; the simulated networks answer no AAAA) or BIND's
 * (netshoot, Debian's dnsutils).
 */
export function nslookup(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (!name) {
    if (flavour === 'busybox') return usageFailure(ctx, 'nslookup', flavour);
    return new Output().err('nslookup: interactive mode is not simulated by dockersim\n').exit(1);
  }
  const ns = server(ctx, args[1]);
  const out = new Output().wait(1);
  if (!ctx.net) {
    return out.err(`;; connection timed out; no servers could be reached\n\n`).exit(1);
  }
  const ip = answer(ctx, name);
  if (flavour === 'busybox') {
    out.out(`Server:\t\t${ns}\nAddress:\t${ns}:53\n\n`);
    if (!ip)
      return out
        .out(`** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`)
        .exit(1);
    return out
      .out(
        `Non-authoritative answer:\nName:\t${name}\nAddress: ${ip}\n\n*** Can't find ${name}: No answer\n\n`,
      )
      .exit(0);
  }
  out.out(`Server:\t\t${ns}\nAddress:\t${ns}#53\n\n`);
  if (!ip) return out.out(`** server can't find ${name}: NXDOMAIN\n\n`).exit(1);
  return out.out(`Non-authoritative answer:\nName:\t${name}\nAddress: ${ip}\n\n`).exit(0);
}

/** Pads with tabs to a column, as dig lays out its sections. */
function tabTo(text: string, column: number): string {
  let out = text;
  let width = text.length;
  do {
    out += '\t';
    width = (Math.floor(width / 8) + 1) * 8;
  } while (width < column);
  return out;
}

function digTime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getUTCMonth()
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${mon} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** dig (BIND 9.18, as netshoot has it): the full answer, or `+short`'s addresses alone. */
export function dig(ctx: ProcessContext): ProgramRun {
  const p = getopt(ctx.argv.slice(1), { short: '46b:c:f:k:p:q:t:x:y:', long: {} });
  if (isGetoptError(p)) return new Output().err(`Invalid option: ${ctx.argv[1]}\n`).exit(1);
  const plus = p.operands.filter((a) => a.startsWith('+'));
  const at = p.operands.find((a) => a.startsWith('@'))?.slice(1);
  const words = p.operands.filter((a) => !a.startsWith('+') && !a.startsWith('@'));
  const name = words.find((w) => !['A', 'IN', 'a', 'in'].includes(w)) ?? '.';
  const ns = server(ctx, at);
  const ip = ctx.net ? answer(ctx, name) : undefined;
  const out = new Output().wait(1);
  if (!ctx.net) return out.out(';; communications error: timed out\n').exit(9);
  if (plus.includes('+short')) return out.out(ip ? `${ip}\n` : '').exit(0);
  const fqdn = name.endsWith('.') ? name : `${name}.`;
  const id = Math.floor(ctx.random() * 65536);
  let text = `\n; <<>> DiG 9.18.27 <<>> ${ctx.argv.slice(1).join(' ')}\n;; global options: +cmd\n;; Got answer:\n`;
  text += `;; ->>HEADER<<- opcode: QUERY, status: ${ip ? 'NOERROR' : 'NXDOMAIN'}, id: ${id}\n`;
  text += `;; flags: qr rd ra; QUERY: 1, ANSWER: ${ip ? 1 : 0}, AUTHORITY: 0, ADDITIONAL: 0\n\n`;
  text += `;; QUESTION SECTION:\n${tabTo(`;${fqdn}`, 32)}IN\tA\n\n`;
  if (ip) text += `;; ANSWER SECTION:\n${tabTo(fqdn, 24)}600\tIN\tA\t${ip}\n\n`;
  text += `;; Query time: 0 msec\n;; SERVER: ${ns}#53(${ns}) (UDP)\n;; WHEN: ${digTime(ctx.sys.now())}\n`;
  text += `;; MSG SIZE  rcvd: ${12 + fqdn.length + 5 + (ip ? 16 : 0)}\n\n`;
  return out.out(text).exit(0);
}
