import type { Engine } from '../../api/engine.js';
import { containerCheck, logsOf, matching } from './containers.js';
import type { AnswerSource, Outcome } from './types.js';

/** The answers engine state allows for a question, or why there is nothing to ask about yet. */
export type Expected = { ok: true; values: string[] } | Extract<Outcome, { ok: false }>;

export async function answers(engine: Engine, source: AnswerSource): Promise<Expected> {
  switch (source.kind) {
    case 'host': {
      let text = '';
      await engine.hostCommand(source.argv, null, (c) => {
        if (c.stream === 'stdout') text += c.text;
      });
      return { ok: true, values: source.pattern ? captures(text, source.pattern) : [text.trim()] };
    }
    case 'version': {
      const v = (await engine.version()) as unknown as Record<string, unknown>;
      return { ok: true, values: v[source.field] === undefined ? [] : [String(v[source.field])] };
    }
    default:
      break;
  }
  const containers = await matching(engine, source.container);
  if (containers.length === 0) {
    const why = await containerCheck(engine, source.container);
    return why.ok ? { ok: true, values: [] } : why;
  }
  const values: string[] = [];
  for (const c of containers) {
    if (source.kind === 'field') {
      const v = field(c, source.field);
      if (v !== undefined && v !== null && v !== '') values.push(String(v));
    } else if (source.kind === 'logs') {
      values.push(...captures(await logsOf(engine, c.Id), source.pattern));
    } else if (c.State.Running) {
      values.push(...(await processPids(engine, c.Id, source.command)));
    }
  }
  return { ok: true, values };
}

/** `State.Pid`, `NetworkSettings.Ports.80/tcp.0.HostPort`: a dotted path into an object. */
export function field(obj: unknown, dotted: string): unknown {
  let at: unknown = obj;
  for (const key of dotted.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Each match's first group (or the whole match when the pattern has none). */
function captures(text: string, pattern: string): string[] {
  return [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => (m[1] ?? m[0]).trim());
}

/** Host PIDs of the container's processes whose command line contains `command` (as docker top shows them). */
async function processPids(engine: Engine, id: string, command: string): Promise<string[]> {
  const top = await engine.containerTop(id, '-ef');
  const pid = top.Titles.indexOf('PID');
  const cmd = top.Titles.findIndex((t) => t === 'CMD' || t === 'COMMAND');
  if (pid < 0 || cmd < 0) return [];
  return top.Processes.filter((p) => p[cmd]?.includes(command)).map((p) => p[pid]!);
}
