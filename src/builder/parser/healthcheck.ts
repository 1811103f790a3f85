import { InstructionFlags } from './bflags.js';
import { parseGoDuration } from './duration.js';
import type { HealthcheckInstruction } from './instructions.js';
import { base, type RawNode } from './scan.js';

/**
 * `HEALTHCHECK NONE` or `HEALTHCHECK [--interval=30s --timeout=…] CMD command`: the shell form
 * becomes `CMD-SHELL`, as docker stores it.
 */
export function parseHealthcheck(node: RawNode): HealthcheckInstruction {
  if (node.args.length === 0) throw new Error('HEALTHCHECK requires at least one argument');
  const type = node.args[0]!.toUpperCase();
  const rest = node.args.slice(1);
  const none = { interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (type === 'NONE') {
    if (rest.length !== 0) throw new Error('HEALTHCHECK NONE takes no arguments');
    return { kind: 'HEALTHCHECK', ...base(node), test: ['NONE'], ...none };
  }
  const flags = new InstructionFlags(node.flags)
    .declare('interval', 'string')
    .declare('timeout', 'string')
    .declare('start-period', 'string')
    .declare('start-interval', 'string')
    .declare('retries', 'string')
    .parse();
  if (type !== 'CMD') throw new Error(`Unknown type ${JSON.stringify(type)} in HEALTHCHECK (try CMD)`);
  const cmd = node.json ? rest : rest.length ? [rest.join(' ')] : [];
  if (cmd.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
  const test = [node.json ? 'CMD' : 'CMD-SHELL', ...cmd];
  const interval = (name: string) => {
    const raw = flags.string(name);
    if (raw === undefined) return 0;
    const ns = parseGoDuration(raw);
    if (ns !== 0 && ns < 1e6) throw new Error(`Interval ${JSON.stringify(name)} cannot be less than 1ms`);
    return ns;
  };
  let retries = 0;
  const rawRetries = flags.string('retries');
  if (rawRetries !== undefined) {
    if (!/^[+-]?\d+$/.test(rawRetries))
      throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(rawRetries)}: invalid syntax`);
    retries = Number.parseInt(rawRetries, 10);
    if (retries < 0) throw new Error(`--retries cannot be negative (${retries})`);
  }
  return {
    kind: 'HEALTHCHECK',
    ...base(node),
    test,
    interval: interval('interval'),
    timeout: interval('timeout'),
    startPeriod: interval('start-period'),
    startInterval: interval('start-interval'),
    retries,
  };
}
