import { SIGNAL_ALIASES, SIGNAL_NAMES } from '../../../util/signals.js';

/** Linux signal numbers on x86_64, and the names kill tools print. */
export const SIGNALS = SIGNAL_NAMES;

const ALIASES = SIGNAL_ALIASES;

/** glibc's SIGRTMIN as programs see it (two real-time signals are kept by the C library). */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

export function signalName(num: number): string | undefined {
  if (num >= 1 && num <= SIGNALS.length) return SIGNALS[num - 1];
  if (num === SIGRTMIN) return 'RTMIN';
  if (num === SIGRTMAX) return 'RTMAX';
  if (num > SIGRTMIN && num < SIGRTMAX) return `RTMIN+${num - SIGRTMIN}`;
  return undefined;
}

/** A signal given as `9`, `KILL`, `SIGKILL` or `sigkill`; 0 is the existence check. */
export function signalNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= SIGRTMAX ? n : undefined;
  }
  let name = text.toUpperCase();
  if (name.startsWith('SIG')) name = name.slice(3);
  name = ALIASES[name] ?? name;
  const i = SIGNALS.indexOf(name);
  if (i >= 0) return i + 1;
  if (name === 'EXIT') return 0;
  const rt = /^RTM(IN|AX)(?:([+-])(\d+))?$/.exec(name);
  if (!rt) return undefined;
  const base = rt[1] === 'IN' ? SIGRTMIN : SIGRTMAX;
  const n = base + (rt[2] === '-' ? -1 : 1) * Number(rt[3] ?? 0);
  return n >= SIGRTMIN && n <= SIGRTMAX ? n : undefined;
}

/** The name the engine delivers: `SIGTERM`, `SIGRTMIN+3`. */
export function signalEventName(num: number): string {
  return `SIG${signalName(num) ?? num}`;
}

/** procps `kill -l`: the names on lines that wrap after 74 characters or so. */
export function procpsSignalList(): string {
  let pos = 0;
  let out = '';
  SIGNALS.forEach((name, i) => {
    if (i) {
      if (pos > 73) {
        out += '\n';
        pos = 0;
      } else {
        out += ' ';
        pos++;
      }
    }
    out += name;
    pos += name.length;
  });
  return `${out}\n`;
}

/** procps `kill -L`: numbered, seven to a line. */
export function procpsSignalTable(): string {
  let out = '';
  SIGNALS.forEach((name, i) => {
    const cell = `${String(i + 1).padStart(2)} ${name}`;
    out += (i + 1) % 7 ? cell.padEnd(11) : `${cell}\n`;
  });
  return SIGNALS.length % 7 ? `${out}\n` : out;
}

/** BusyBox `kill -l`: ` 1) HUP` one per line, then the real-time bounds. */
export function busyboxSignalList(musl: boolean): string {
  const rtmin = musl ? 35 : SIGRTMIN;
  const lines = SIGNALS.map((name, i) => `${String(i + 1).padStart(2)}) ${name}`);
  lines.push(`${rtmin}) RTMIN`, `${SIGRTMAX}) RTMAX`);
  return `${lines.join('\n')}\n`;
}
