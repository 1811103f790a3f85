import type { PairsInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { expand, metadataStep, nextConfig, sorted } from './common.js';

/** LABEL key=value [key=value…] — adds metadata to the image (`docker inspect` shows it under Labels). */
export async function dispatchLabel(s: Session, st: StageState, ins: PairsInstruction): Promise<void> {
  const config = nextConfig(st);
  const labels = { ...(config.Labels ?? {}) };
  const parts: string[] = [];
  for (const pair of ins.pairs) {
    const key = expand(s, st, pair.key);
    const value = expand(s, st, pair.value);
    labels[key] = value;
    parts.push(`${key}=${value}`);
  }
  config.Labels = sorted(labels);
  await metadataStep(s, st, `LABEL ${parts.join(' ')}`, config);
}
