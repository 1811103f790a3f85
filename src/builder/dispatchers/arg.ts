import type { ArgInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { expand, metadataStep, nextConfig } from './common.js';

/**
 * ARG name[=default] … — declares a build-time variable for the rest of the stage. Its value is
 * `--build-arg name=…` if given, else the default, else the value of a global ARG of that name
 * (an ARG before the first FROM). RUN steps see it in their environment; the image never does.
 */
export async function dispatchArg(s: Session, st: StageState, ins: ArgInstruction): Promise<void> {
  const recorded: string[] = [];
  const legacy: string[] = [];
  for (const arg of ins.args) {
    const given = Object.hasOwn(s.opts.buildArgs, arg.key);
    let value: string | undefined;
    if (given) value = s.opts.buildArgs[arg.key];
    else if (arg.value !== undefined) value = expand(s, st, arg.value);
    else value = s.globalArgs.get(arg.key);
    if (value !== undefined) st.env.set(arg.key, value);
    st.args.push(value === undefined ? { key: arg.key } : { key: arg.key, value });
    s.consumed.add(arg.key);
    recorded.push(value === undefined ? arg.key : `${arg.key}=${value}`);
    legacy.push(arg.value === undefined ? arg.key : `${arg.key}=${arg.value}`);
  }
  await metadataStep(s, st, `ARG ${recorded.join(' ')}`, nextConfig(st), `ARG ${legacy.join(' ')}`);
}
