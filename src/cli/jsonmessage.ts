import type { JsonMessage } from '../api/images.js';
import { humanSize } from '../format/size.js';
import type { Sink } from './context.js';

/**
 * Renders a JSON progress stream (pull, load, build) the way the docker client does: plain
 * lines when the output is not a terminal (progress updates dropped), and on a terminal one
 * line per layer rewritten in place with cursor movements.
 */
export class JsonMessageRenderer {
  private readonly lines = new Map<string, number>();

  constructor(
    private readonly out: Sink,
    private readonly tty: boolean,
    private readonly columns = 80,
  ) {}

  write(m: JsonMessage): void {
    if (m.aux) return;
    if (m.stream !== undefined) {
      this.out.write(m.stream);
      return;
    }
    const progress = m.progressDetail;
    const hasProgress = progress !== undefined;
    if (!this.tty) {
      if (progress && ((progress.current ?? 0) > 0 || (progress.total ?? 0) > 0)) return;
      this.out.write(`${m.id ? `${m.id}: ` : ''}${m.status ?? ''}\n`);
      return;
    }
    if (!m.id || !hasProgress) {
      this.lines.clear();
      this.out.write(`${m.id ? `${m.id}: ` : ''}${m.status ?? ''}\n`);
      return;
    }
    if (!this.lines.has(m.id)) {
      this.lines.set(m.id, this.lines.size);
      this.out.write('\n');
    }
    const diff = this.lines.size - this.lines.get(m.id)!;
    const text = `${m.id}: ${m.status ?? ''} ${this.progressText(progress)}`;
    this.out.write(`\x1b[${diff}A\x1b[2K\r${text}\r\x1b[${diff}B`);
  }

  private progressText(p: { current?: number; total?: number }): string {
    const current = p.current ?? 0;
    const total = p.total ?? 0;
    if (current <= 0 && total <= 0) return '';
    if (total <= 0 || current > total) return humanSize(current).padStart(8);
    let bar = '';
    if (this.columns > 110) {
      const pct = Math.floor((current / total) * 100);
      const filled = Math.min(50, Math.floor(pct / 2));
      bar = `[${'='.repeat(filled)}>${' '.repeat(50 - filled)}] `;
    }
    return `${bar}${humanSize(current).padStart(8)}/${humanSize(total)}`;
  }
}
