import { humanDuration } from '../../util/duration.js';
import type { ContainerRecord } from './record.js';

/** The daemon's STATUS text for a container at `now` (moby container/state.go). */
export function statusText(rec: ContainerRecord, now: number): string {
  const s = rec.State;
  const since = (iso: string) => humanDuration(now - Date.parse(iso));
  if (s.Running && !s.Restarting) {
    if (s.Paused) return `Up ${since(s.StartedAt)} (Paused)`;
    return `Up ${since(s.StartedAt)}`;
  }
  if (s.Restarting) return `Restarting (${s.ExitCode}) ${since(s.FinishedAt)} ago`;
  if (s.RemovalInProgress) return 'Removal In Progress';
  if (s.Dead) return 'Dead';
  if (s.StartedAt.startsWith('0001-')) return 'Created';
  if (s.FinishedAt.startsWith('0001-')) return '';
  return `Exited (${s.ExitCode}) ${since(s.FinishedAt)} ago`;
}

/** COMMAND as the daemon builds it: path and args, an arg with a space in single quotes. */
export function commandText(rec: ContainerRecord): string {
  return [rec.Path, ...rec.Args].map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ');
}
