import type { LogChunk } from '../api/containers.js';
import type { HostClient } from '../api/engine.js';
import type { FsView } from '../fs/view.js';
import { HOST_USERS } from '../kernel/boot.js';
import { shellHost } from '../programs/shells.js';
import type { ProcessContext } from '../programs/types.js';
import { Shell } from '../shell/index.js';
import type { ExecIO, ExecOutcome, ShellHost } from '../shell/types.js';
import { ProgramRunner } from './containers/runner.js';
import type { ContainerService } from './containers/service.js';
import { withNet } from './network/runner-net.js';
import { passTime, replayOutput } from './time.js';

const LEARNER_UID = 1000;
const HOME = '/home/learner';
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The learner's login shell on the simulated host (`-bash` on pts/0, PID 1363): what the
 * playground types into. Variables, functions and the current directory live here between
 * lines, as do files the learner writes on the host (in memory, for this playground). Each
 * external command is a short-lived host process; `docker` goes to the docker client, and
 * `sudo CMD` runs CMD as root (what a learner does for `lsns` or `nsenter`).
 */
export class HostShell {
  private shell: Shell | undefined;
  private fs: FsView | undefined;
  private current: { svc: ContainerService; client: HostClient } | undefined;
  /** Simulated ms of the current line already let pass (before a `docker` command ran). */
  private passed = 0;

  private bind(svc: ContainerService, client: HostClient): Shell {
    this.current = { svc, client };
    this.fs ??= svc.hostBaseFs();
    if (this.shell) return this.shell;
    const ref = this;
    const host: ShellHost = {
      get fs() {
        return shellHost(ref.context()).fs;
      },
      exec: (argv, io) => this.exec(argv, io),
      pid: () => ref.current!.svc.kernel.hostShellPid(),
      hostname: () => ref.current!.svc.host.hostname,
      uid: () => LEARNER_UID,
      kill: (pid, sig) => shellHost(ref.context()).kill!(pid, sig),
    };
    this.shell = new Shell(host, {
      dialect: 'bash',
      argv0: '-bash',
      env: {
        PATH,
        HOME,
        USER: 'learner',
        LOGNAME: 'learner',
        SHELL: '/bin/bash',
        TERM: 'xterm-256color',
        LANG: 'C.UTF-8',
      },
      cwd: HOME,
      stdin: null,
      interactive: true,
    });
    return this.shell;
  }

  /** The login shell's process context (its files, its view of the kernel), for redirects and `cd`. */
  private context(): ProcessContext {
    const { svc } = this.current!;
    const pid = svc.kernel.hostShellPid();
    const passwd = (uid: number) => HOST_USERS[uid];
    const runner = withNet(
      new ProgramRunner(
        svc.kernel.procFs(this.fs!, pid),
        () => svc.kernel.view(pid, passwd),
        `host-shell:${svc.now()}`,
      ),
      () => svc.env.netView(undefined),
    );
    return runner.processContext(
      {
        argv: ['-bash'],
        env: { PATH, HOME },
        cwd: HOME,
        uid: LEARNER_UID,
        gid: LEARNER_UID,
        user: 'learner',
        tty: true,
        stdin: null,
      },
      '/usr/bin/bash',
    );
  }

  private async exec(argv: string[], io: ExecIO): Promise<ExecOutcome> {
    const { svc, client } = this.current!;
    const name = argv[0] ?? '';
    const base = name.slice(name.lastIndexOf('/') + 1);
    // `docker` and `dockersim` are the client: the CLI runs them against this same engine.
    if (base === 'docker' || base === 'dockersim') {
      // The client sees the host as it is when the command starts (`sleep 5; docker ps`).
      if (io.at > this.passed) {
        await passTime(svc.rt, io.at - this.passed);
        this.passed = io.at;
      }
      const r = await client(argv.slice(1), io.stdin, base);
      // In the order the client wrote them (a pull's progress on stderr before the ID on stdout).
      const chunks = r.chunks ?? [
        { stream: 'stdout' as const, text: r.stdout },
        { stream: 'stderr' as const, text: r.stderr },
      ];
      return {
        events: chunks.filter((c) => c.text).map((c) => ({ at: 0, kind: c.stream, text: c.text })),
        code: r.code,
        duration: 0,
        stdinRead: io.stdin?.length ?? 0,
      };
    }
    const root = base === 'sudo';
    const command = root ? argv.slice(1) : argv;
    if (command.length === 0) {
      return { events: [{ at: 0, kind: 'stderr', text: 'usage: sudo command\n' }], code: 1, duration: 0 };
    }
    const env = { ...io.env, ...(root ? { HOME: '/root', USER: 'root', LOGNAME: 'root' } : {}) };
    const r = await svc.hostCommand(command, io.stdin, {
      uid: root ? 0 : LEARNER_UID,
      cwd: io.cwd,
      env,
      fs: this.fs,
    });
    if (r.code === 127 && r.events.length === 1 && !root) return { notFound: true };
    const exit = r.events.find((e) => e.kind === 'exit');
    return {
      events: r.events.filter((e) => e.kind === 'stdout' || e.kind === 'stderr'),
      code: r.code,
      duration: exit ? exit.at : 0,
    };
  }

  prompt(svc: ContainerService, client: HostClient): string {
    return this.bind(svc, client).prompt();
  }

  /** Runs one typed line; output is handed out in order, and simulated time passes as it runs. */
  async run(
    svc: ContainerService,
    line: string,
    client: HostClient,
    onChunk: (c: LogChunk) => void,
  ): Promise<{ exited: boolean; code: number }> {
    const shell = this.bind(svc, client);
    const start = svc.now();
    this.passed = 0;
    const result = await shell.run(line);
    for (const e of result.events)
      if (e.kind === 'signal') await svc.signalHostPid(e.pid as number, e.signal as string);
    await replayOutput(svc.rt, result, start, onChunk, this.passed);
    return { exited: result.exited, code: result.code };
  }
}
