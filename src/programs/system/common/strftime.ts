/**
 * strftime in the C locale, for UTC (the simulated host and every container run on UTC). Covers
 * the conversions `date +FORMAT` users reach for, with GNU's flags `-` `_` `0` `^` `#` and widths.
 */
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
}

/** ISO 8601 week-based year and week number. */
function isoWeek(d: Date): [number, number] {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  return [year, Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7)];
}

type Conv = [value: string | number, pad: '0' | ' ' | '', width: number];

function conversion(c: string, d: Date, ms: number): Conv | string | undefined {
  const h = d.getUTCHours();
  const yday = dayOfYear(d);
  const wday = d.getUTCDay();
  switch (c) {
    case 'a':
      return DAYS[wday]!.slice(0, 3);
    case 'A':
      return DAYS[wday]!;
    case 'b':
    case 'h':
      return MONTHS[d.getUTCMonth()]!.slice(0, 3);
    case 'B':
      return MONTHS[d.getUTCMonth()]!;
    case 'c':
      return format('%a %b %e %H:%M:%S %Y', ms);
    case 'C':
      return [Math.floor(d.getUTCFullYear() / 100), '0', 2];
    case 'd':
      return [d.getUTCDate(), '0', 2];
    case 'D':
    case 'x':
      return format('%m/%d/%y', ms);
    case 'e':
      return [d.getUTCDate(), ' ', 2];
    case 'F':
      return format('%Y-%m-%d', ms);
    case 'g':
      return [isoWeek(d)[0] % 100, '0', 2];
    case 'G':
      return [isoWeek(d)[0], '0', 1];
    case 'H':
      return [h, '0', 2];
    case 'I':
      return [h % 12 || 12, '0', 2];
    case 'j':
      return [yday, '0', 3];
    case 'k':
      return [h, ' ', 2];
    case 'l':
      return [h % 12 || 12, ' ', 2];
    case 'm':
      return [d.getUTCMonth() + 1, '0', 2];
    case 'M':
      return [d.getUTCMinutes(), '0', 2];
    case 'n':
      return '\n';
    case 'N':
      return [String(Math.floor(ms % 1000) * 1000000).padStart(9, '0'), '0', 9];
    case 'p':
      return h < 12 ? 'AM' : 'PM';
    case 'P':
      return h < 12 ? 'am' : 'pm';
    case 'r':
      return format('%I:%M:%S %p', ms);
    case 'R':
      return format('%H:%M', ms);
    case 's':
      return [Math.floor(ms / 1000), '', 1];
    case 'S':
      return [d.getUTCSeconds(), '0', 2];
    case 't':
      return '\t';
    case 'T':
    case 'X':
      return format('%H:%M:%S', ms);
    case 'u':
      return [wday || 7, '0', 1];
    case 'U':
      return [Math.floor((yday - 1 + 7 - wday) / 7), '0', 2];
    case 'V':
      return [isoWeek(d)[1], '0', 2];
    case 'w':
      return [wday, '0', 1];
    case 'W':
      return [Math.floor((yday - 1 + 7 - ((wday + 6) % 7)) / 7), '0', 2];
    case 'y':
      return [d.getUTCFullYear() % 100, '0', 2];
    case 'Y':
      return [d.getUTCFullYear(), '0', 1];
    case 'z':
      return '+0000';
    case 'Z':
      return 'UTC';
    case '%':
      return '%';
    default:
      return undefined;
  }
}

function applyFlags(conv: Conv | string, flag: string, width: number | undefined): string {
  let text: string;
  if (typeof conv === 'string') {
    const w = width ?? 0;
    text = flag === '0' ? conv.padStart(w, '0') : conv.padStart(w);
  } else {
    const [value, defPad, defWidth] = conv;
    const raw = String(value);
    const pad = flag === '-' ? '' : flag === '_' ? ' ' : flag === '0' ? '0' : defPad;
    const w = width ?? (pad ? defWidth : 0);
    text = pad ? raw.padStart(w, pad) : raw;
  }
  if (flag === '^') return text.toUpperCase();
  if (flag === '#') return text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase();
  return text;
}

/** `date +FORMAT`'s formatting of the instant `ms` (UTC). Unknown conversions print as written. */
export function format(fmt: string, ms: number): string {
  const d = new Date(Math.floor(ms));
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch !== '%' || i + 1 >= fmt.length) {
      out += ch;
      continue;
    }
    const m = /^([-_0^#]?)(\d*)(:{0,3})([a-zA-Z%+])/.exec(fmt.slice(i + 1));
    if (!m) {
      out += ch;
      continue;
    }
    const [whole, flag = '', digits = '', colons = '', c = ''] = m;
    const conv =
      c === 'z' && colons ? ['+00:00', '+00:00:00', '+00'][colons.length - 1]! : conversion(c, d, ms);
    if (conv === undefined) {
      out += `%${whole}`;
    } else out += applyFlags(conv, flag, digits ? Number(digits) : undefined);
    i += whole.length;
  }
  return out;
}
