import type { EngineEvent } from '../api/containers.js';
import type { ExplainFact } from '../api/explain.js';
import type { StateStore } from '../store/index.js';

const FILE = 'dockersim/events.jsonl';

/**
 * The engine's event log: what `docker events` replays and follows, and what `--explain`
 * narrates. Append-only, one JSON object per line.
 */
export class EventLog {
  private readonly pending: EngineEvent[] = [];

  constructor(
    private readonly store: StateStore,
    /** Where `--explain` facts go (the engine that ran the call); dropped when absent. */
    private readonly narration?: ExplainFact[],
  ) {}

  /** Records what happened underneath, for `--explain` (not a docker event; never persisted). */
  explain(fact: ExplainFact): void {
    this.narration?.push(fact);
  }

  emit(type: string, action: string, id: string, attributes: Record<string, string>, timeMs: number): void {
    const nano = Math.round(timeMs * 1e6);
    this.pending.push({
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      scope: 'local',
      time: Math.floor(timeMs / 1000),
      timeNano: nano,
    });
  }

  /** Events emitted by this engine call so far (for --explain). */
  emitted(): EngineEvent[] {
    return [...this.pending];
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.store.appendText(FILE, this.pending.map((e) => `${JSON.stringify(e)}\n`).join(''));
    this.pending.length = 0;
  }

  all(): EngineEvent[] {
    const text = this.store.readText(FILE) ?? '';
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as EngineEvent);
  }
}
