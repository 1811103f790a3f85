import type { ValueInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { expand, metadataStep, nextConfig } from './common.js';

/** STOPSIGNAL signal — the signal `docker stop` sends first (SIGTERM unless set). */
export async function dispatchStopSignal(s: Session, st: StageState, ins: ValueInstruction): Promise<void> {
  const config = nextConfig(st);
  config.StopSignal = expand(s, st, ins.value);
  await metadataStep(s, st, `STOPSIGNAL ${config.StopSignal}`, config);
}
