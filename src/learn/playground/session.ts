import { Readable } from 'node:stream';
import type { Engine } from '../../api/engine.js';
import { clientOf, plainWords } from './words.js';

/** Where the playground writes: a terminal, or a capture in tests. */
export interface Out {
  write(text: string | Uint8Array): void;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** The streams and settings a docker command runs with (the CLI's own `Io`, structurally). */
export interface ClientIo {
  stdout: Out;
  stderr: Out;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  openEngine?: Engine;
}

/** The docker CLI, handed in by the command that opens the playground (learn/ sits beside cli/). */
export type DockerClient = (argv: string[], io: ClientIo) => Promise<number>;

/** Renders `--explain` facts for the terminal (learn/explain), handed in so tests can do without. */
export type Narrator = (facts: ReturnType<Engine['narration']>) => string;

export interface PlaygroundOptions {
  engine: Engine;
  client: DockerClient;
  env: NodeJS.ProcessEnv;
  /** The folder docker commands see as theirs (build contexts, `-v ./data:/data`). */
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Out;
  stderr: Out;
  explain: boolean;
  narrate?: Narrator;
}

/** One stream of a captured command, also noting each write in a log shared by both streams. */
class Capture implements Out {
  text = '';
  constructor(
    private readonly stream: 'stdout' | 'stderr',
    private readonly log: { stream: 'stdout' | 'stderr'; text: string }[],
  ) {}
  write(chunk: string | Uint8Array): void {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    this.text += text;
    this.log.push({ stream: this.stream, text });
  }
}

export const PLAYGROUND_HELP = `This is a terminal on the simulated Docker host. Type what you would type on a real one:

  docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql
  ps -e | grep mysqld              the container's processes are host processes
  docker top db                    ... the same processes, seen through docker
  sudo lsns                        namespaces (sudo runs a command as root)
  cat /sys/fs/cgroup/system.slice/docker-<id>.scope/memory.max
  curl localhost:8080              a published port, from the host

Playground commands:
  help                 this text
  explain on|off       narrate what the engine did underneath each command
  history              the lines typed so far
  clear                clear the screen
  exit                 leave the playground (Ctrl-D does too)

Ctrl-C stops a foreground command (docker logs -f, an attached docker run).
`;

/**
 * The playground's line runner: a plain `docker ...` line goes to the docker client with the
 * terminal; any other line goes to the learner's login shell on the simulated host, where
 * `docker` inside a pipeline or `$(...)` is the same client, its output captured.
 */
export class Playground {
  explain: boolean;
  readonly history: string[] = [];
  lastCode = 0;

  constructor(private readonly opts: PlaygroundOptions) {
    this.explain = opts.explain;
  }

  private env: NodeJS.ProcessEnv | undefined;

  /** The env docker commands run with: the playground narrates per line, so they do not. */
  private clientEnv(): NodeJS.ProcessEnv {
    if (!this.env) {
      this.env = { ...this.opts.env };
      delete this.env.DOCKERSIM_EXPLAIN;
    }
    return this.env;
  }

  /** Runs one typed line; resolves with its exit code, or `exit` when the playground should end. */
  async runLine(line: string): Promise<number | { exit: number }> {
    const trimmed = line.trim();
    if (trimmed === '') return this.lastCode;
    this.history.push(line);
    const builtin = await this.builtin(trimmed);
    if (builtin !== undefined) return builtin;
    const words = plainWords(trimmed);
    const result =
      words && clientOf(words)
        ? { code: await this.direct(words), exited: false }
        : await this.hostLine(line);
    this.lastCode = result.code;
    this.narrate();
    return result.exited ? { exit: result.code } : result.code;
  }

  private async builtin(line: string): Promise<number | { exit: number } | undefined> {
    const [word, ...args] = line.split(/\s+/);
    const { stdout, stderr } = this.opts;
    switch (word) {
      case 'exit':
      case 'logout':
        return { exit: args[0] !== undefined ? Number(args[0]) & 255 : this.lastCode };
      case 'help':
        stdout.write(PLAYGROUND_HELP);
        return 0;
      case 'clear':
        stdout.write('\x1b[H\x1b[2J');
        return 0;
      case 'history':
        this.history.forEach((h, i) => {
          stdout.write(`${String(i + 1).padStart(5)}  ${h}\n`);
        });
        return 0;
      case 'explain':
        if (args[0] === 'on' || args[0] === 'off') {
          this.explain = args[0] === 'on';
          return 0;
        }
        if (args.length === 0) {
          stdout.write(`explain is ${this.explain ? 'on' : 'off'}\n`);
          return 0;
        }
        stderr.write('usage: explain on|off\n');
        return 2;
      default:
        return undefined;
    }
  }

  /** `docker ...` with the terminal: streaming output, `-it` sessions, prompts on stdin. */
  private async direct(words: string[]): Promise<number> {
    const argv = words.slice(1);
    if (clientOf(words) === 'dockersim' && argv[0] === 'shell') {
      this.opts.stderr.write('dockersim: already in the playground\n');
      return 1;
    }
    const { stdout, stderr, stdin, cwd, engine } = this.opts;
    return this.opts.client(argv, { stdout, stderr, stdin, env: this.clientEnv(), cwd, openEngine: engine });
  }

  private async hostLine(line: string): Promise<{ code: number; exited: boolean }> {
    const { stdout, stderr, engine, cwd } = this.opts;
    const result = await engine.hostShellLine(
      line,
      (chunk) => (chunk.stream === 'stderr' ? stderr : stdout).write(chunk.text),
      async (argv, input, name) => {
        const log: { stream: 'stdout' | 'stderr'; text: string }[] = [];
        const out = new Capture('stdout', log);
        const err = new Capture('stderr', log);
        if (name === 'dockersim' && argv[0] === 'shell') {
          return { stdout: '', stderr: 'dockersim: already in the playground\n', code: 1 };
        }
        const code = await this.opts.client(argv, {
          stdout: out,
          stderr: err,
          stdin: Readable.from([input ?? '']),
          env: this.clientEnv(),
          cwd,
          openEngine: engine,
        });
        return { stdout: out.text, stderr: err.text, code, chunks: log };
      },
    );
    return result;
  }

  /** What the engine did underneath the line, when explain is on (always drained). */
  private narrate(): void {
    const facts = this.opts.engine.narration();
    if (!this.explain || facts.length === 0 || !this.opts.narrate) return;
    this.opts.stderr.write(this.opts.narrate(facts));
  }

  prompt(): Promise<string> {
    return this.opts.engine.hostShellPrompt();
  }
}
