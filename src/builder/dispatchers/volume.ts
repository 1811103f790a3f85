import { StepError } from '../errors.js';
import type { ListInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { expand, goList, metadataStep, nextConfig, sorted } from './common.js';

/**
 * VOLUME ["/data"] | VOLUME /data /logs — marks paths as volumes: every container of the image
 * gets an anonymous volume there unless one is mounted.
 */
export async function dispatchVolume(s: Session, st: StageState, ins: ListInstruction): Promise<void> {
  const config = nextConfig(st);
  const volumes = { ...(config.Volumes ?? {}) };
  const paths = ins.values.map((v) => expand(s, st, v));
  for (const path of paths) {
    if (path.trim() === '') throw new StepError('VOLUME specified can not be an empty string');
    volumes[path] = {};
  }
  config.Volumes = sorted(volumes);
  await metadataStep(s, st, `VOLUME ${goList(paths)}`, config);
}
