import type { BuildEvent } from '../api/images.js';
import { formatFloat } from '../format/gofloat.js';

/**
 * How `docker build` shows its progress. BuildKit (buildx) numbers each step and prints either
 * plain lines (`#5 [2/2] RUN echo hello`, its output, `#5 DONE 0.3s`) or, on a terminal, a block
 * redrawn in place (`[+] Building 1.3s (6/6) FINISHED`). The classic builder prints the lines the
 * daemon wrote (`Step 1/3 : FROM alpine`). These renderers turn build events into that text.
 */
export interface BuildRenderer {
  event(e: BuildEvent): void;
  /** After the last event: BuildKit repeats the failed steps' last output lines. */
  finish(): void;
}

export const BUILDX_DESC = 'building with "default" instance using docker driver';

interface VertexState {
  id: number;
  name: string;
  start: number;
  end?: number;
  seconds?: number;
  cached?: boolean;
  error?: string;
  statuses: { text: string; at: number; done: boolean; seconds?: number }[];
  logs: string[];
}

const seconds = (s: number) => formatFloat(s, 'f', 1);

/** `0.264`: seconds since the step started, three decimals below 10 s, two below 100, else one. */
function logTime(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return formatFloat(s, 'f', s < 10 ? 3 : s < 100 ? 2 : 1);
}

/** Collects vertices, statuses and logs: what both BuildKit displays draw from. */
class Trace {
  readonly vertices = new Map<number, VertexState>();

  apply(e: BuildEvent): VertexState | undefined {
    if (e.kind === 'legacy') return undefined;
    if (e.kind === 'vertex') {
      const v: VertexState = { id: e.id, name: e.name, start: e.at, statuses: [], logs: [] };
      this.vertices.set(e.id, v);
      return v;
    }
    const v = this.vertices.get(e.id);
    if (!v) return undefined;
    if (e.kind === 'status') {
      v.statuses.push({
        text: e.text,
        at: e.at,
        done: e.done === true,
        ...(e.seconds === undefined ? {} : { seconds: e.seconds }),
      });
    } else if (e.kind === 'log') {
      for (const line of e.text.replace(/\n$/, '').split('\n'))
        v.logs.push(`${logTime(e.at - v.start)} ${line}`);
    } else if (e.kind === 'vertex-done') {
      v.end = e.at;
      v.seconds = e.seconds;
      if (e.cached) v.cached = true;
    } else if (e.kind === 'vertex-error') {
      v.end = e.at;
      v.error = e.message;
    }
    return v;
  }

  /** BuildKit's error block: each failed step with its last ten output lines. */
  errorLogs(): string {
    let out = '';
    for (const v of this.vertices.values()) {
      if (!v.error) continue;
      out += `------\n > ${v.name}:\n`;
      for (const line of v.logs.slice(-10)) out += `${line}\n`;
      out += '------\n';
    }
    return out;
  }
}

/** `--progress=plain`: BuildKit's text printer. */
export class PlainRenderer implements BuildRenderer {
  private readonly trace = new Trace();
  private current: number | undefined;
  private first = true;

  constructor(
    private readonly write: (text: string) => void,
    private readonly desc = BUILDX_DESC,
  ) {}

  event(e: BuildEvent): void {
    const v = this.trace.apply(e);
    if (!v) return;
    if (e.kind === 'vertex') return;
    this.focus(v);
    const n = `#${v.id}`;
    if (e.kind === 'status') {
      const time = e.seconds !== undefined && e.seconds > 0.01 ? ` ${seconds(e.seconds)}s` : '';
      this.write(`${n} ${e.text}${time}${e.done ? ' done' : ''}\n`);
    } else if (e.kind === 'log') {
      for (const line of e.text.replace(/\n$/, '').split('\n'))
        this.write(`${n} ${logTime(e.at - v.start)} ${line}\n`);
    } else if (e.kind === 'vertex-done') {
      this.write(e.cached ? `${n} CACHED\n` : `${n} DONE ${seconds(e.seconds)}s\n`);
      this.current = undefined;
    } else if (e.kind === 'vertex-error') {
      this.write(`${n} ERROR: ${e.message}\n`);
      this.current = undefined;
    }
  }

  /** A vertex's lines start with a blank line and its name; switching away leaves `#N ...`. */
  private focus(v: VertexState): void {
    if (this.current === v.id) return;
    if (this.current !== undefined) this.write(`#${this.current} ...\n`);
    if (this.first) {
      if (this.desc) this.write(`#0 ${this.desc}\n\n`);
      this.first = false;
    } else this.write('\n');
    this.write(`#${v.id} ${v.name}\n`);
    this.current = v.id;
  }

  finish(): void {
    this.write(this.trace.errorLogs());
  }
}

/** The classic builder: the daemon's lines as they are. */
export class LegacyRenderer implements BuildRenderer {
  constructor(private readonly write: (text: string) => void) {}

  event(e: BuildEvent): void {
    if (e.kind === 'legacy') this.write(`${e.text}\n`);
  }

  finish(): void {}
}

/** `--progress=tty`: the block BuildKit redraws on a terminal, one line per step and status. */
export class TtyRenderer implements BuildRenderer {
  private readonly trace = new Trace();
  private drawn = 0;
  private now = 0;
  private first: number | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly width = 80,
    private readonly desc = 'docker:default',
  ) {}

  event(e: BuildEvent): void {
    this.trace.apply(e);
    if (e.kind !== 'legacy') {
      this.now = Math.max(this.now, e.at);
      this.first ??= e.at;
    }
  }

  /** Draws the current state over the previous one (`final`: everything, with FINISHED). */
  draw(final = false): void {
    const lines = this.lines(final);
    const shown = final ? lines : lines.slice(-30);
    let out = this.drawn > 0 ? `\x1b[${this.drawn}A\r` : '';
    for (const line of shown) out += `${line}\x1b[K\n`;
    for (let i = shown.length; i < this.drawn; i++) out += '\x1b[K\n';
    if (this.drawn > shown.length) out += `\x1b[${this.drawn - shown.length}A`;
    this.write(out);
    this.drawn = shown.length;
  }

  lines(final: boolean): string[] {
    const all = [...this.trace.vertices.values()];
    const completed = all.filter((v) => v.end !== undefined).length;
    const done = final && completed === all.length && all.length > 0 ? 'FINISHED' : '';
    const elapsed = (this.now - (this.first ?? this.now)) / 1000;
    const head = `[+] Building ${seconds(elapsed)}s (${completed}/${all.length}) ${done}`;
    const out = [align(head, this.desc, this.width - 1).slice(0, this.width)];
    for (const v of all) {
      const prefix = v.error ? 'ERROR ' : v.cached ? 'CACHED ' : '';
      const time =
        v.end === undefined ? (this.now - v.start) / 1000 : (v.seconds ?? (v.end - v.start) / 1000);
      out.push(this.job(prefix + v.name, time));
      for (const s of v.statuses) out.push(this.job(`=> ${s.text}`, s.seconds ?? 0));
      if (v.end === undefined)
        for (const l of v.logs.slice(-6)) out.push(` => => # ${l.replace(/^\S+ /, '')}`);
    }
    return out;
  }

  private job(name: string, secs: number): string {
    const timer = ` ${seconds(secs < 0.05 ? 0 : secs).padStart(3)}s`;
    const left = this.width - 4 - timer.length - 2;
    return align(` => ${name.slice(0, Math.max(left, 12))}`, timer.trimStart(), this.width - 1);
  }

  finish(): void {
    this.draw(true);
    this.write(this.trace.errorLogs());
  }
}

/** BuildKit's `align`: `l` padded so that `r` ends at column `w`. */
function align(l: string, r: string, w: number): string {
  return `${l.padEnd(w - r.length - 1)} ${r}`;
}
