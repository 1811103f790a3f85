import type { LogChunk } from '../../api/containers.js';
import type { LocalEngine } from '../local.js';

/** A command typed on a Docker Desktop host (macOS or Windows), outside the engine's VM. */
export async function desktopHostCommand(
  _engine: LocalEngine,
  argv: string[],
  _stdin: string | null,
  onChunk: (c: LogChunk) => void,
): Promise<number> {
  onChunk({ stream: 'stderr', text: `${argv[0]}: command not found\n`, time: 0 });
  return 127;
}
