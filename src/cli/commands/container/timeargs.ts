import { CliError } from '../../errors.js';

/**
 * `--since` / `--until` values: RFC 3339 times, dates, Unix seconds, or durations like `42m`
 * counted back from now. Returns ms since the epoch.
 */
export function parseTimeArg(value: string, now: number): number {
  const duration = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(value);
  if (duration) {
    const unit: Record<string, number> = {
      ns: 1e-6,
      us: 1e-3,
      µs: 1e-3,
      ms: 1,
      s: 1000,
      m: 60_000,
      h: 3_600_000,
    };
    return now - Number(duration[1]) * unit[duration[2]!]!;
  }
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) || !value.includes('T') ? value : `${value}Z`);
  if (Number.isNaN(ms))
    throw new CliError(`invalid value for "since": failed to parse value as time or duration: "${value}"`);
  return ms;
}
