import type { ListInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { goList, metadataStep, nextConfig } from './common.js';

/** SHELL ["executable", "parameters"] — the shell that runs the shell form of RUN, CMD and ENTRYPOINT. */
export async function dispatchShell(s: Session, st: StageState, ins: ListInstruction): Promise<void> {
  const config = nextConfig(st);
  config.Shell = [...ins.values];
  await metadataStep(s, st, `SHELL ${goList(ins.values)}`, config);
}
