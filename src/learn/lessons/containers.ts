import type { ContainerInspect } from '../../api/containers.js';
import type { Engine } from '../../api/engine.js';
import { join, labels, splitPort } from './criteria.js';
import type { ContainerCriteria, Outcome, Text } from './types.js';

const no = (en: string, ko: string): Outcome => ({ ok: false, why: { en, ko } });

/** A container looked at for a check: its inspect data and the criteria it does not meet. */
export interface Candidate {
  container: ContainerInspect;
  unmet: Text[];
}

/** Every container (running or not), each with what it lacks; matches first, then the closest. */
export async function candidates(engine: Engine, criteria: ContainerCriteria): Promise<Candidate[]> {
  const imageId = criteria.image === undefined ? undefined : await imageIdOf(engine, criteria.image);
  const list = await engine.containerList({ all: true });
  const out: Candidate[] = [];
  for (const summary of list) {
    let container: ContainerInspect;
    try {
      container = await engine.containerInspect(summary.Id);
    } catch {
      continue;
    }
    out.push({ container, unmet: await unmet(engine, container, criteria, imageId) });
  }
  return out.sort((a, b) => a.unmet.length - b.unmet.length);
}

/** The containers that meet every criterion. */
export async function matching(engine: Engine, criteria: ContainerCriteria): Promise<ContainerInspect[]> {
  return (await candidates(engine, criteria)).filter((c) => c.unmet.length === 0).map((c) => c.container);
}

async function imageIdOf(engine: Engine, ref: string): Promise<string | null> {
  try {
    return (await engine.imageInspect(ref)).Id;
  } catch {
    return null;
  }
}

/** The labels of the criteria `c` does not meet (in the order `labels` lists them). */
async function unmet(
  engine: Engine,
  c: ContainerInspect,
  k: ContainerCriteria,
  imageId: string | null | undefined,
): Promise<Text[]> {
  const ok: boolean[] = [];
  if (k.image !== undefined) ok.push(imageId != null && c.Image === imageId);
  if (k.name !== undefined) ok.push(c.Name.replace(/^\//, '') === k.name);
  if (k.running !== undefined) ok.push(c.State.Running === k.running);
  if (k.status !== undefined) ok.push(c.State.Status === k.status);
  if (k.exitCode !== undefined) ok.push(!c.State.Running && c.State.ExitCode === k.exitCode);
  if (k.oomKilled !== undefined) ok.push(c.State.OOMKilled === k.oomKilled);
  if (k.memory !== undefined) ok.push(c.HostConfig.Memory === k.memory);
  if (k.port !== undefined) ok.push(publishes(c, k.port));
  if (k.hostname !== undefined) ok.push(c.Config.Hostname === k.hostname);
  if (k.pidMode !== undefined) ok.push(c.HostConfig.PidMode === k.pidMode);
  if (k.network !== undefined) ok.push(c.HostConfig.NetworkMode === k.network);
  if (k.env !== undefined) ok.push((c.Config.Env ?? []).includes(k.env));
  if (k.logs !== undefined) ok.push((await logsOf(engine, c.Id)).includes(k.logs));
  if (k.hasFile !== undefined) ok.push(await hasFile(engine, c.Id, k.hasFile));
  if (k.diff !== undefined) ok.push(await diffHolds(engine, c.Id, k.diff));
  const names = labels(k);
  return names.filter((_, i) => !ok[i]);
}

function publishes(c: ContainerInspect, spec: string): boolean {
  const { host, container } = splitPort(spec);
  const bound = [
    ...(c.HostConfig.PortBindings?.[container] ?? []),
    ...(c.NetworkSettings.Ports?.[container] ?? []),
  ];
  if (host === undefined) return bound.length > 0;
  return bound.some((b) => b.HostPort === host);
}

/** The container's whole log, both streams. */
export async function logsOf(engine: Engine, id: string): Promise<string> {
  let text = '';
  await engine.containerLogs(id, {}, (chunk) => {
    text += chunk.text;
  });
  return text;
}

async function hasFile(engine: Engine, id: string, path: string): Promise<boolean> {
  try {
    await engine.containerArchiveGet(id, path, {});
    return true;
  } catch {
    return false;
  }
}

const KIND_LETTER = { 0: 'C', 1: 'A', 2: 'D' } as const;

async function diffHolds(
  engine: Engine,
  id: string,
  want: NonNullable<ContainerCriteria['diff']>,
): Promise<boolean> {
  const changes = await engine.containerDiff(id).catch(() => []);
  const change = changes.find((ch) => ch.Path === want.path);
  if (want.kind === 'none') return change === undefined;
  if (change === undefined) return false;
  return want.kind === 'any' || KIND_LETTER[change.Kind] === want.kind;
}

/** Holds when at least `atLeast` containers meet every criterion; else says which is closest. */
export async function containerCheck(
  engine: Engine,
  criteria: ContainerCriteria,
  atLeast = 1,
): Promise<Outcome> {
  const all = await candidates(engine, criteria);
  const found = all.filter((c) => c.unmet.length === 0).length;
  if (found >= atLeast) return { ok: true };
  const want = labels(criteria);
  const head =
    atLeast > 1
      ? no(
          `${found} of the ${atLeast} containers needed match: ${join(want, 'en')}.`,
          `조건에 맞는 컨테이너가 ${atLeast}개 필요한데 ${found}개뿐입니다: ${join(want, 'ko')}.`,
        )
      : no(
          `No container matches: ${join(want, 'en')}.`,
          `조건에 맞는 컨테이너가 없습니다: ${join(want, 'ko')}.`,
        );
  const closest = all.find((c) => c.unmet.length > 0);
  if (!head.ok && closest) {
    const name = closest.container.Name.replace(/^\//, '');
    head.why.en += `\n  closest: ${name} (${closest.container.Config.Image}), which lacks: ${join(closest.unmet, 'en')}`;
    head.why.ko += `\n  가장 가까운 컨테이너: ${name} (${closest.container.Config.Image}), 부족한 점: ${join(closest.unmet, 'ko')}`;
  }
  return head;
}
