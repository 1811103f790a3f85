import type { ContainerConfigSpec } from '../../images/config.js';
import type { HealthcheckInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { goQuotedList, metadataStep, nextConfig } from './common.js';
import { goDuration, goQuoteRune } from './go-format.js';

/**
 * HEALTHCHECK [--interval=… --timeout=… --start-period=… --retries=…] CMD command | HEALTHCHECK NONE
 * — how docker checks that a container of the image still works; NONE turns off an inherited one.
 */
export async function dispatchHealthcheck(
  s: Session,
  st: StageState,
  ins: HealthcheckInstruction,
): Promise<void> {
  const config = nextConfig(st);
  const health: NonNullable<ContainerConfigSpec['Healthcheck']> = { Test: [...ins.test] };
  if (ins.interval) health.Interval = ins.interval;
  if (ins.timeout) health.Timeout = ins.timeout;
  if (ins.startPeriod) health.StartPeriod = ins.startPeriod;
  if (ins.retries) health.Retries = ins.retries;
  config.Healthcheck = health;
  // Go's %q of the healthcheck struct: durations as quoted strings, retries as a quoted rune.
  const fields = [ins.interval, ins.timeout, ins.startPeriod, ins.startInterval].map(
    (d) => `"${goDuration(d)}"`,
  );
  const text = `HEALTHCHECK &{${goQuotedList(ins.test)} ${fields.join(' ')} ${goQuoteRune(ins.retries)}}`;
  await metadataStep(s, st, text, config);
}
