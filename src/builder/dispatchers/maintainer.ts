import type { ValueInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { metadataStep, nextConfig } from './common.js';

/** MAINTAINER name — deprecated (use `LABEL org.opencontainers.image.authors=…`); only recorded in history. */
export async function dispatchMaintainer(s: Session, st: StageState, ins: ValueInstruction): Promise<void> {
  await metadataStep(s, st, `MAINTAINER ${ins.value}`, nextConfig(st));
}
