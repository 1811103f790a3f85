/** Times as the docker client prints them, in the client's local zone (TZ). */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function offsetText(minutesEast: number, sep: string): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const abs = Math.abs(minutesEast);
  return `${sign}${pad(Math.floor(abs / 60))}${sep}${pad(abs % 60)}`;
}

function zoneName(d: Date, minutesEast: number): string {
  if (minutesEast === 0 && (process.env.TZ === undefined || /^(UTC|Etc\/UTC|GMT|)$/.test(process.env.TZ)))
    return 'UTC';
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName');
  const name = part?.value ?? '';
  // Go prints the zone's abbreviation, or the numeric offset when the zone has none.
  return /^[A-Z]{2,5}$/.test(name) ? name : offsetText(minutesEast, '');
}

/** Go's time.Time.String(): `2025-06-01 10:00:00 +0000 UTC`. */
export function goTimeString(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const east = -d.getTimezoneOffset();
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date} ${time} ${offsetText(east, '')} ${zoneName(d, east)}`;
}

/** RFC 3339 in local time, seconds precision: `2025-06-01T10:00:00Z` or `…+02:00`. */
export function rfc3339Local(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const east = -d.getTimezoneOffset();
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date}T${time}${east === 0 ? 'Z' : offsetText(east, ':')}`;
}
