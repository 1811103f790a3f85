import { Output } from '../run.js';
import type { Flavour } from '../system/common/fail.js';
import { usageFailure } from '../system/common/fail.js';
import { getopt, getoptMessage, isGetoptError, lastValue } from '../system/common/getopt.js';
import type { ProcessContext, ProgramRun, TimelineEvent } from '../types.js';
import { isIpv4, resolveHost, roundTrip } from './lookup.js';

/** Replies a ping without `-c` prints before it goes quiet (it runs on until signalled). */
const ENDLESS = 300;

interface Plan {
  target: string;
  ip: string;
  count: number | undefined;
  size: number;
  quiet: boolean;
  interval: number;
  from: string;
  ttl: number;
  replies: boolean;
}

function summary(p: Plan, sent: number, times: number[], flavour: Flavour, elapsed: number): string {
  const got = times.length;
  const loss = sent ? Math.round(((sent - got) * 100) / sent) : 0;
  const min = Math.min(...times);
  const max = Math.max(...times);
  const avg = got ? times.reduce((a, b) => a + b, 0) / got : 0;
  if (flavour === 'busybox') {
    let text = `\n--- ${p.target} ping statistics ---\n${sent} packets transmitted, ${got} packets received, ${loss}% packet loss\n`;
    if (got) text += `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`;
    return text;
  }
  const mdev = got ? Math.sqrt(times.reduce((a, t) => a + (t - avg) ** 2, 0) / got) : 0;
  let text = `\n--- ${p.target} ping statistics ---\n${sent} packets transmitted, ${got} received, ${loss}% packet loss, time ${elapsed}ms\n`;
  if (got)
    text += `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`;
  return text;
}

function replyLine(p: Plan, seq: number, time: number, flavour: Flavour): string {
  const bytes = p.size + 8;
  const t = time >= 10 ? time.toFixed(1) : time.toFixed(3);
  if (flavour === 'busybox')
    return `${bytes} bytes from ${p.ip}: seq=${seq} ttl=${p.ttl} time=${time.toFixed(3)} ms\n`;
  return `${bytes} bytes from ${p.from}: icmp_seq=${seq + 1} ttl=${p.ttl} time=${t} ms\n`;
}

/** The whole run: one echo per interval, the summary after the last (or at a signal). */
function timeline(ctx: ProcessContext, p: Plan, flavour: Flavour): ProgramRun {
  const header =
    flavour === 'busybox'
      ? `PING ${p.target} (${p.ip}): ${p.size} data bytes\n`
      : `PING ${p.target} (${p.ip}) ${p.size}(${p.size + 28}) bytes of data.\n`;
  const events: TimelineEvent[] = [{ at: 0, kind: 'stdout', text: header }];
  const n = p.count ?? ENDLESS;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const rtt = roundTrip(ctx, p.ip);
    if (!p.replies) continue;
    times.push(rtt);
    if (!p.quiet)
      events.push({ at: i * p.interval + rtt, kind: 'stdout', text: replyLine(p, i, rtt, flavour) });
  }
  const stop = (sent: number, at: number): TimelineEvent[] => [
    {
      at,
      kind: 'stdout',
      text: summary(p, sent, times.slice(0, sent), flavour, (sent - 1) * (p.interval + 1)),
    },
    { at: at + 1, kind: 'exit', code: p.replies && sent > 0 ? 0 : 1 },
  ];
  if (p.count !== undefined) {
    const end = p.replies ? (n - 1) * p.interval + (times[n - 1] ?? 0) + 1 : n * p.interval;
    events.push(...stop(n, end));
    return { events };
  }
  return {
    events,
    onSignal(signal, elapsed) {
      if (signal !== 'SIGINT' && signal !== 'SIGTERM' && signal !== 'SIGQUIT') return [];
      const sent = Math.min(ENDLESS, Math.floor(elapsed / p.interval) + 1);
      return stop(sent, 0);
    },
  };
}

/**
 * ping (iputils on Debian and netshoot, BusyBox's applet on Alpine): echoes at the resolved
 * address, answered when the network reaches it. Round-trip times are made up but stable.
 */
export function ping(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const p = getopt(ctx.argv.slice(1), { short: '46c:i:nqs:t:W:w:', long: {} });
  if (isGetoptError(p)) {
    if (flavour === 'busybox') return usageFailure(ctx, 'ping', flavour, p);
    return new Output().err(getoptMessage('ping', p, 'glibc')).exit(2);
  }
  const target = p.operands[0];
  if (!target) {
    if (flavour === 'busybox') return usageFailure(ctx, 'ping', flavour);
    return new Output().err('ping: usage error: Destination address required\n').exit(1);
  }
  const countText = lastValue(p, 'c');
  const count = countText === undefined ? undefined : Number(countText);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
    if (flavour === 'busybox') return new Output().err(`ping: invalid number '${countText}'\n`).exit(1);
    return new Output()
      .err(`ping: invalid argument: '${countText}': out of range: 1 <= value <= 9223372036854775807\n`)
      .exit(1);
  }
  const found = resolveHost(ctx, target);
  if (!found) {
    if (flavour === 'busybox') return new Output().err(`ping: bad address '${target}'\n`).exit(1);
    return new Output().err(`ping: ${target}: Name or service not known\n`).exit(2);
  }
  const ip = found.ip;
  const numeric = p.opts.some((o) => o.key === 'n') || isIpv4(target);
  const name = numeric ? undefined : (ctx.net?.reverse(ip) ?? (found.dns ? undefined : target));
  const local =
    ip.startsWith('127.') || ip.startsWith('172.') || ip.startsWith('192.168.') || ip.startsWith('10.');
  return timeline(
    ctx,
    {
      target,
      ip,
      count,
      size: Number(lastValue(p, 's') ?? 56),
      quiet: p.opts.some((o) => o.key === 'q'),
      interval: Math.max(10, Math.round(Number(lastValue(p, 'i') ?? 1) * 1000)),
      from: numeric ? ip : `${name ?? ip} (${ip})`,
      ttl: local ? 64 : 116,
      replies: ip.startsWith('127.') || (ctx.net?.ping(ip) ?? false),
    },
    flavour,
  );
}
