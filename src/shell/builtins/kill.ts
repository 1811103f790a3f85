import { SIGNAL_NAMES, signalNumber } from '../../util/signals.js';
import type { Call } from './call.js';

/** Each shell's usage line for `kill` without a PID. */
const USAGE: Record<string, string> = {
  bash: 'usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]',
  dash: 'Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]',
  ash: 'usage: kill [-l] [-SIG] PID',
};

/** `kill -l`: bash's numbered table, the bare names for dash and BusyBox. */
function list(c: Call): number {
  if (c.dialect !== 'bash') {
    c.out(`${SIGNAL_NAMES.join('\n')}\n`);
    return 0;
  }
  const cells = SIGNAL_NAMES.map((n, i) => `${String(i + 1).padStart(2)}) SIG${n}`);
  let text = '';
  cells.forEach((cell, i) => {
    text += i % 5 === 4 || i === cells.length - 1 ? `${cell}\n` : `${cell}\t`;
  });
  c.out(text);
  return 0;
}

/**
 * `kill [-s SIG | -SIG | -N] PID...`, built into bash, dash and BusyBox ash (so it works in
 * images without procps). The shell asks its host to send the signal; the engine delivers it.
 */
export function kill(c: Call): number {
  let args = c.args;
  if (args[0] === '-l' || args[0] === '-L') return list(c);
  let sig = 15;
  if (args[0] === '-s' || args[0] === '-n') {
    const n = signalNumber(args[1] ?? '') ?? (/^\d+$/.test(args[1] ?? '') ? Number(args[1]) : undefined);
    if (n === undefined) {
      c.error(`${args[1] ?? ''}: invalid signal specification`);
      return 1;
    }
    sig = n;
    args = args.slice(2);
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    const spec = args[0].slice(1);
    const n = /^\d+$/.test(spec) ? Number(spec) : signalNumber(spec);
    if (n === undefined) {
      c.error(`${spec}: invalid signal specification`);
      return 1;
    }
    sig = n;
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    c.error(USAGE[c.dialect]!);
    return c.dialect === 'ash' ? 1 : 2;
  }
  let code = 0;
  for (const arg of args) {
    if (!/^-?\d+$/.test(arg)) {
      c.error(c.dialect === 'bash' ? `${arg}: arguments must be process or job IDs` : `invalid pid '${arg}'`);
      code = 1;
      continue;
    }
    const pid = Number(arg);
    const sent = c.ip.host.kill?.(pid, sig) ?? 'ESRCH';
    if (typeof sent === 'string') {
      const why = sent === 'EPERM' ? 'Operation not permitted' : 'No such process';
      if (c.dialect === 'bash') c.error(`(${pid}) - ${why}`);
      else if (c.dialect === 'dash') c.error(why);
      else c.plainError(`can't kill pid ${pid}: ${why}`);
      code = 1;
      continue;
    }
    for (const e of sent) c.ip.events.push({ ...e, at: c.ip.now });
  }
  return code;
}
