import type { OnbuildInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { metadataStep, nextConfig } from './common.js';

/**
 * ONBUILD INSTRUCTION — stores a trigger in the image; it runs right after the FROM of any later
 * build that starts from this image (not in this build).
 */
export async function dispatchOnbuild(s: Session, st: StageState, ins: OnbuildInstruction): Promise<void> {
  const config = nextConfig(st);
  config.OnBuild = [...(config.OnBuild ?? []), ins.expression];
  await metadataStep(s, st, `ONBUILD ${ins.expression}`, config);
}
