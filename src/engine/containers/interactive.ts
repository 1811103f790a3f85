import type { LogChunk } from '../../api/containers.js';
import { resolveExecutable } from '../../programs/registry.js';
import { dialectOf, shellHost } from '../../programs/shells.js';
import type { ProcessContext } from '../../programs/types.js';
import { Shell } from '../../shell/index.js';
import { passTime } from '../time.js';
import type { ContainerService } from './service.js';
import { loadRuntime } from './tracks.js';

export interface LineResult {
  exited: boolean;
  code: number;
}

/**
 * A shell typed at on a terminal: `docker run -it ubuntu bash`, `docker exec -it web sh`. The
 * shell's state (variables, current directory, functions) lives here between lines; each line
 * runs against the container as it is then, and its output arrives as simulated time reaches it.
 */
export class InteractiveShell {
  private shell: Shell | undefined;
  private current: { ctx: ProcessContext } | undefined;

  constructor(
    private readonly containerId: string,
    private readonly trackKey: string,
  ) {}

  /** Binds the shell to this line's view of the container (kernel, files, processes). */
  private async bind(svc: ContainerService): Promise<Shell> {
    const rec = svc.find(this.containerId);
    const track = loadRuntime(svc.store, rec.ID).tracks.find((t) => t.key === this.trackKey);
    if (!track) throw new Error('the shell has exited');
    const runner = svc.env.runner(rec, () => track.hostPid);
    const spec = { ...track.spec, tty: true, stdin: null, stdinOpen: true };
    const found = resolveExecutable(
      svc.env.view(rec, () => track.hostPid),
      spec.argv[0] ?? 'sh',
      spec.env.PATH,
      spec.cwd,
    );
    const program = 'kind' in found ? 'sh' : found.program;
    const ctx = runner.processContext(spec, 'kind' in found ? '/bin/sh' : found.path);
    if (!this.current) {
      this.current = { ctx };
      const hostRef = this.current;
      const host = shellHost(ctx);
      // The shell keeps one host; each line points it at that line's context.
      const delegate = {
        fs: new Proxy(host.fs, { get: (_t, k) => (shellHost(hostRef.ctx).fs as never)[k] }),
        exec: (argv: string[], io: Parameters<typeof host.exec>[1]) => shellHost(hostRef.ctx).exec(argv, io),
        pid: () => hostRef.ctx.sys.selfPid(),
        hostname: () => hostRef.ctx.sys.uts().nodename,
        uid: () => hostRef.ctx.uid,
      };
      this.shell = new Shell(delegate, {
        dialect: dialectOf(program),
        argv0: spec.argv[0] ?? 'sh',
        env: { ...spec.env },
        cwd: spec.cwd,
        stdin: null,
        interactive: true,
      });
    }
    this.current.ctx = ctx;
    return this.shell!;
  }

  async prompt(svc: ContainerService): Promise<string> {
    return (await this.bind(svc)).prompt();
  }

  /** Runs one typed line; output is handed out in order, and time passes as the commands take it. */
  async run(svc: ContainerService, line: string, onChunk: (c: LogChunk) => void): Promise<LineResult> {
    const shell = await this.bind(svc);
    const start = svc.now();
    const result = await shell.run(line);
    const rec = svc.find(this.containerId);
    svc.env.saveLayer(rec);
    let clock = 0;
    for (const e of result.events) {
      if (e.kind !== 'stdout' && e.kind !== 'stderr') continue;
      if (e.at > clock) {
        await passTime(svc.rt, e.at - clock);
        clock = e.at;
      }
      onChunk({ stream: e.kind as 'stdout' | 'stderr', text: String(e.text ?? ''), time: start + e.at });
    }
    if (Number.isFinite(result.duration) && result.duration > clock)
      await passTime(svc.rt, result.duration - clock);
    return { exited: result.exited, code: result.code };
  }
}
