import type { PairsInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { expand, metadataStep, nextConfig } from './common.js';

/**
 * ENV key=value [key=value…] (or the legacy `ENV key value`) — sets environment variables in the
 * image; later instructions of the stage can use them. Keys and values are expanded, quotes
 * removed; a key that exists is replaced in place.
 */
export async function dispatchEnv(s: Session, st: StageState, ins: PairsInstruction): Promise<void> {
  const config = nextConfig(st);
  const env = [...(config.Env ?? [])];
  const parts: string[] = [];
  for (const pair of ins.pairs) {
    const key = expand(s, st, pair.key);
    const value = expand(s, st, pair.value);
    parts.push(`${key}=${value}`);
    const at = env.findIndex((kv) => kv.split('=', 1)[0] === key);
    if (at >= 0) env[at] = `${key}=${value}`;
    else env.push(`${key}=${value}`);
    st.env.set(key, value);
  }
  config.Env = env;
  await metadataStep(s, st, `ENV ${parts.join(' ')}`, config);
}
