import type { CopyInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { copyFiles } from './copy.js';

/**
 * ADD [--chown=…] [--chmod=…] src… dest — COPY that also unpacks a local tar archive (plain or
 * gzip) into the destination. Downloading a URL source is refused: dockersim has no network.
 */
export async function dispatchAdd(s: Session, st: StageState, ins: CopyInstruction): Promise<void> {
  await copyFiles(s, st, ins);
}
