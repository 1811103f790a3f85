import type { ShellEvent, ShellFs } from './types.js';

/** Where writes to an output descriptor go. `at` is the shell's clock when the text is written. */
export interface Sink {
  write(text: string, at: number): void;
}

/** The run's own stdout or stderr: each write becomes an event. */
export class EventSink implements Sink {
  constructor(
    private readonly events: ShellEvent[],
    private readonly kind: 'stdout' | 'stderr',
  ) {}
  write(text: string, at: number): void {
    if (text) this.events.push({ at, kind: this.kind, text });
  }
}

/** A pipe or command substitution: the text is read after the writer is done. */
export class CaptureSink implements Sink {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

export class NullSink implements Sink {
  write(): void {}
}

/** A file opened by a redirection; opening with `>` truncated it already. */
export class FileSink implements Sink {
  constructor(
    private readonly fs: ShellFs,
    readonly path: string,
  ) {}
  write(text: string): void {
    if (text) this.fs.writeFile(this.path, text, true);
  }
}

/** Text to read from: the shell's stdin, a pipe's output, a file, a here-document. null is closed. */
export class Input {
  constructor(
    private text: string | null,
    private pos = 0,
  ) {}

  get closed(): boolean {
    return this.text === null;
  }

  /** One line without its newline, or null at the end; `sawNewline` tells whether it was complete. */
  readLine(): { line: string; complete: boolean } | null {
    if (this.text === null || this.pos >= this.text.length) return null;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl;
    const line = this.text.slice(this.pos, end);
    this.pos = nl < 0 ? end : end + 1;
    return { line, complete: nl >= 0 };
  }

  /** Everything not read yet. */
  rest(): string | null {
    return this.text === null ? null : this.text.slice(this.pos);
  }

  /** Marks `n` characters as read (by a command that reported it). */
  skip(n: number): void {
    if (this.text !== null) this.pos = Math.min(this.text.length, this.pos + Math.max(0, n));
  }
}

export type Fd = Sink | Input;

/** The descriptors a command runs with; redirections make changed copies. */
export class IO {
  constructor(readonly fds: Map<number, Fd>) {}

  with(changes: Array<[number, Fd | undefined]>): IO {
    const fds = new Map(this.fds);
    for (const [fd, target] of changes) {
      if (target) fds.set(fd, target);
      else fds.delete(fd);
    }
    return new IO(fds);
  }

  sink(fd: number): Sink {
    const target = this.fds.get(fd);
    return target && !(target instanceof Input) ? target : new NullSink();
  }

  get stdin(): Input {
    const target = this.fds.get(0);
    return target instanceof Input ? target : new Input(null);
  }
}
