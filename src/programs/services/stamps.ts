/**
 * The timestamps each server writes in its log lines, all in UTC (containers have no time zone
 * unless one is set). `ms` is wall time in ms since the epoch.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function parts(ms: number) {
  const d = new Date(Math.floor(ms));
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    wd: d.getUTCDay(),
    h: two(d.getUTCHours()),
    mi: two(d.getUTCMinutes()),
    s: two(d.getUTCSeconds()),
    ms: String(d.getUTCMilliseconds()).padStart(3, '0'),
  };
}

function date(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${two(p.mo + 1)}-${two(p.d)}`;
}

function time(ms: number): string {
  const p = parts(ms);
  return `${p.h}:${p.mi}:${p.s}`;
}

/** nginx error log: `2024/07/20 10:00:00`. */
export function nginxTime(ms: number): string {
  return `${date(ms).replaceAll('-', '/')} ${time(ms)}`;
}

/** MySQL error log: `2024-07-20T10:00:00.123456Z`; `micros` are the digits below the ms. */
export function mysqlTime(ms: number, micros = 0): string {
  return `${date(ms)}T${time(ms)}.${parts(ms).ms}${String(micros % 1000).padStart(3, '0')}Z`;
}

/** `date --rfc-3339=seconds` in UTC: `2024-07-20 10:00:00+00:00` (the MySQL entrypoint's notes). */
export function rfc3339Seconds(ms: number): string {
  return `${date(ms)} ${time(ms)}+00:00`;
}

/** Redis log: `20 Jul 2024 10:00:00.000`. */
export function redisTime(ms: number): string {
  const p = parts(ms);
  return `${two(p.d)} ${MONTHS[p.mo]} ${p.y} ${time(ms)}.${p.ms}`;
}

/** PostgreSQL log_line_prefix `%m`: `2024-07-20 10:00:00.123 UTC`. */
export function pgTime(ms: number): string {
  return `${date(ms)} ${time(ms)}.${parts(ms).ms} UTC`;
}

/** PostgreSQL's whole-second times (`database system was shut down at …`). */
export function pgSeconds(ms: number): string {
  return `${date(ms)} ${time(ms)} UTC`;
}

/** MongoDB `$date`: `2024-07-20T10:00:00.123+00:00`. */
export function mongoTime(ms: number): string {
  return `${date(ms)}T${time(ms)}.${parts(ms).ms}+00:00`;
}

/** Apache error log: `Sat Jul 20 10:00:00.123456 2024`. */
export function httpdTime(ms: number, micros = 0): string {
  const p = parts(ms);
  return `${DAYS[p.wd]} ${MONTHS[p.mo]} ${two(p.d)} ${time(ms)}.${p.ms}${String(micros % 1000).padStart(3, '0')} ${p.y}`;
}

export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
