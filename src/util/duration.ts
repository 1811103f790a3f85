/**
 * docker/go-units HumanDuration: the "5 seconds", "About an hour", "13 months" of ps, images and history.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A duration in milliseconds (negative counts as 0) in docker's words. Seconds and minutes are
 * truncated; hours are rounded (`int(d.Hours() + 0.5)`), which is why 89 minutes is "About an hour"
 * and 90 minutes "2 hours".
 */
export function humanDuration(ms: number): string {
  const d = Number.isFinite(ms) && ms > 0 ? ms : 0;
  const seconds = Math.trunc(d / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(d / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(d / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  // Years use the truncated hour count, not the rounded one.
  return `${Math.trunc(Math.trunc(Math.trunc(d / HOUR) / 24) / 365)} years`;
}

/** `humanDuration(ms) + " ago"`, the CREATED column of ps, images and history. */
export function ago(ms: number): string {
  return `${humanDuration(ms)} ago`;
}
