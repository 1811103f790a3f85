import type { CmdInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { goQuotedList, metadataStep, nextConfig } from './common.js';

/**
 * ENTRYPOINT ["executable", "arg"…] | ENTRYPOINT command arg… — what containers of the image run;
 * CMD becomes its arguments. Setting it drops a CMD inherited from the base image (one set
 * earlier in the same stage stays), as docker does.
 */
export async function dispatchEntrypoint(s: Session, st: StageState, ins: CmdInstruction): Promise<void> {
  const config = nextConfig(st);
  const args = ins.cmd.args;
  const entrypoint = ins.cmd.prependShell ? [...st.shell(), ...args] : args.length ? [...args] : null;
  config.Entrypoint = entrypoint;
  if (!st.cmdSet) config.Cmd = null;
  await metadataStep(s, st, `ENTRYPOINT ${goQuotedList(entrypoint)}`, config);
}
