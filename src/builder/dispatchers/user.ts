import type { ValueInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { expand, metadataStep, nextConfig } from './common.js';

/** USER name|uid[:group|gid] — who RUN steps and the image's containers run as. */
export async function dispatchUser(s: Session, st: StageState, ins: ValueInstruction): Promise<void> {
  const config = nextConfig(st);
  config.User = expand(s, st, ins.value);
  await metadataStep(s, st, `USER ${config.User}`, config);
}
