import { StepError } from '../errors.js';
import type { ListInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { expandWords, metadataStep, nextConfig, sorted } from './common.js';

/**
 * EXPOSE port[/protocol] … — documents the ports the image listens on (`-P` publishes them).
 * `80` means `80/tcp`; a range `8000-8002` exposes each port.
 */
export async function dispatchExpose(s: Session, st: StageState, ins: ListInstruction): Promise<void> {
  const config = nextConfig(st);
  const ports = { ...(config.ExposedPorts ?? {}) };
  const words = ins.values.flatMap((p) => expandWords(s, st, p));
  const added = new Set<string>();
  for (const word of words) for (const port of portSpec(word)) added.add(port);
  for (const port of added) ports[port] = {};
  config.ExposedPorts = sorted(ports);
  // BuildKit prints Go's map: keys in string order, each with an empty struct.
  const map = `map[${[...added]
    .sort()
    .map((p) => `${p}:{}`)
    .join(' ')}]`;
  await metadataStep(s, st, `EXPOSE ${map}`, config, `EXPOSE ${words.join(' ')}`);
}

/** `80`, `443/udp`, `8000-8002/tcp` → `80/tcp`…, with docker's errors for anything else. */
export function portSpec(spec: string): string[] {
  const [ports = '', proto = 'tcp', extra] = spec.split('/');
  if (extra !== undefined || !['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) {
    throw new StepError(`invalid proto: ${proto}`);
  }
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  const start = Number(m?.[1]);
  const end = m?.[2] === undefined ? start : Number(m[2]);
  if (!m || start > 65535 || end > 65535) throw new StepError(`invalid containerPort: ${ports}`);
  if (end < start) throw new StepError(`invalid range specified for container port: ${ports}`);
  const out: string[] = [];
  for (let p = start; p <= end; p++) out.push(`${p}/${proto.toLowerCase()}`);
  return out;
}
