import type { Instruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { dispatchAdd } from './add.js';
import { dispatchArg } from './arg.js';
import { dispatchCmd } from './cmd.js';
import { dispatchCopy } from './copy.js';
import { dispatchEntrypoint } from './entrypoint.js';
import { dispatchEnv } from './env.js';
import { dispatchExpose } from './expose.js';
import { dispatchHealthcheck } from './healthcheck.js';
import { dispatchLabel } from './label.js';
import { dispatchMaintainer } from './maintainer.js';
import { dispatchOnbuild } from './onbuild.js';
import { dispatchRun } from './run.js';
import { dispatchShell } from './shell.js';
import { dispatchStopSignal } from './stopsignal.js';
import { dispatchUser } from './user.js';
import { dispatchVolume } from './volume.js';
import { dispatchWorkdir } from './workdir.js';

export { dispatchFrom } from './from.js';

/** Runs one instruction of a stage with its dispatcher. */
export async function dispatch(s: Session, st: StageState, ins: Instruction): Promise<void> {
  switch (ins.kind) {
    case 'RUN':
      return dispatchRun(s, st, ins);
    case 'COPY':
      return dispatchCopy(s, st, ins);
    case 'ADD':
      return dispatchAdd(s, st, ins);
    case 'WORKDIR':
      return dispatchWorkdir(s, st, ins);
    case 'ENV':
      return dispatchEnv(s, st, ins);
    case 'LABEL':
      return dispatchLabel(s, st, ins);
    case 'ARG':
      return dispatchArg(s, st, ins);
    case 'CMD':
      return dispatchCmd(s, st, ins);
    case 'ENTRYPOINT':
      return dispatchEntrypoint(s, st, ins);
    case 'EXPOSE':
      return dispatchExpose(s, st, ins);
    case 'VOLUME':
      return dispatchVolume(s, st, ins);
    case 'USER':
      return dispatchUser(s, st, ins);
    case 'STOPSIGNAL':
      return dispatchStopSignal(s, st, ins);
    case 'HEALTHCHECK':
      return dispatchHealthcheck(s, st, ins);
    case 'SHELL':
      return dispatchShell(s, st, ins);
    case 'ONBUILD':
      return dispatchOnbuild(s, st, ins);
    case 'MAINTAINER':
      return dispatchMaintainer(s, st, ins);
  }
}
