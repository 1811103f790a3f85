import type { CmdInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { goQuotedList, metadataStep, nextConfig } from './common.js';

/**
 * CMD ["executable", "arg"…] | CMD command arg… — the default command of containers made from
 * the image. The shell form runs through SHELL (`/bin/sh -c "command arg"`). Not expanded.
 */
export async function dispatchCmd(s: Session, st: StageState, ins: CmdInstruction): Promise<void> {
  const config = nextConfig(st);
  const cmd = ins.cmd.prependShell ? [...st.shell(), ...ins.cmd.args] : [...ins.cmd.args];
  config.Cmd = cmd;
  st.cmdSet = true;
  await metadataStep(s, st, `CMD ${goQuotedList(cmd)}`, config);
}
