import { Readable } from 'node:stream';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { deterministicEnv, type Result, ROOT, runCli, tempHome } from '../helpers/cli.js';

const RUN = ['run', '-d', '-m', '64m', '-p', '8080:80', 'nginx'];
const TITLE_EN = '── What the engine did underneath (--explain) ──';
const TITLE_KO = '── 엔진이 내부에서 한 일 (--explain) ──';

/** The narration: everything on stderr from its title on. */
function narrationOf(stderr: string, title = TITLE_EN): string {
  const at = stderr.indexOf(title);
  return at < 0 ? '' : stderr.slice(at);
}

function grab(text: string, re: RegExp): string[] {
  const m = re.exec(text);
  if (!m) throw new Error(`no ${re} in:\n${text}`);
  return m.slice(1);
}

function all(text: string, re: RegExp): string[][] {
  return [...text.matchAll(re)].map((m) => m.slice(1));
}

async function host(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<string> {
  const r = await runCli(['host', ...argv], env);
  expect(r.code).toBe(0);
  return r.stdout;
}

/** `ps -e -o pid,comm` on the host, as a map. */
async function hostPs(env: NodeJS.ProcessEnv): Promise<Map<number, string>> {
  const out = await host(env, 'ps', '-e', '-o', 'pid,comm');
  return new Map(
    out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .map(([pid, comm]) => [Number(pid), comm ?? ''] as [number, string]),
  );
}

describe('dockersim --explain run -d -m 64m -p 8080:80 nginx', () => {
  let env: NodeJS.ProcessEnv;
  let out: Result;
  let text: string;
  let id: string;

  beforeAll(async () => {
    env = deterministicEnv(tempHome());
    out = await runCli(['--explain', ...RUN], env);
    expect(out.code).toBe(0);
    text = narrationOf(out.stderr);
    id = out.stdout.trim();
  });

  test("leaves docker's own output as it is, and narrates after it on stderr", async () => {
    const plain = await runCli(RUN, deterministicEnv(tempHome()));
    expect(out.stdout).toBe(plain.stdout);
    expect(out.stderr).toBe(plain.stderr + text);
    expect(text).not.toBe('');
    expect(out.stdout).not.toContain('explain');
    expect(text).not.toMatch(/\x1b\[/); // not a terminal: no colour
  });

  test('names the layers as inspect shows them: lowerdirs top first, then the upperdir', async () => {
    const data = JSON.parse((await runCli(['inspect', '-f', '{{json .GraphDriver.Data}}', id], env)).stdout);
    const lowers = all(text, /lowerdir (\S+)/g).map(([d]) => d);
    expect(lowers.join(':')).toBe(data.LowerDir);
    expect(lowers).toHaveLength(8);
    expect(grab(text, /upperdir (\S+)/)[0]).toBe(data.UpperDir);
    expect(text).toContain(`overlay mounted at ${data.MergedDir}`);
    expect(text).toContain("image nginx's 7 read-only layers");
  });

  test('names the processes with the host PIDs that inspect, host ps and /proc show', async () => {
    const ps = await hostPs(env);
    const [main] = grab(text, /host PID (\d+) is PID 1 inside the container/);
    expect((await runCli(['inspect', '-f', '{{.State.Pid}}', id], env)).stdout.trim()).toBe(main);
    expect(text).toContain(`replaced itself with nginx (execve): same host PID ${main}`);
    expect(ps.get(Number(main))).toBe('nginx');
    const [shim] = grab(text, /containerd-shim started: host PID (\d+)/);
    expect(ps.get(Number(shim))).toBe('containerd-shim');
    expect(await host(env, 'cat', `/proc/${main}/status`)).toMatch(new RegExp(`PPid:\\t${shim}\\n`));
    const children = all(text, /nginx started by host PID (\d+): host PID (\d+) is PID (\d+) inside/g);
    expect(children.length).toBeGreaterThan(0);
    for (const [parent, pid, inside] of children) {
      expect(parent).toBe(main);
      expect(ps.get(Number(pid))).toBe('nginx');
      expect(await host(env, 'cat', `/proc/${pid}/status`)).toContain(`NSpid:\t${pid}\t${inside}\n`);
    }
  });

  test('names the namespaces by the inode numbers of /proc/PID/ns', async () => {
    const [pid, made] = grab(text, /created for host PID (\d+): (.*)/);
    const [shared] = grab(text, /shared with the host: (.*)/);
    const created = all(made!, /(\w+) (\d+)/g);
    expect(created.map(([t]) => t)).toEqual(['mnt', 'uts', 'ipc', 'pid', 'net', 'cgroup']);
    for (const [type, inode] of created)
      expect(await host(env, 'readlink', `/proc/${pid}/ns/${type}`)).toBe(`${type}:[${inode}]\n`);
    for (const [type, inode] of all(shared!, /(\w+) (\d+)/g)) {
      expect(await host(env, 'readlink', `/proc/1/ns/${type}`)).toBe(`${type}:[${inode}]\n`);
      expect(await host(env, 'readlink', `/proc/${pid}/ns/${type}`)).toBe(`${type}:[${inode}]\n`);
    }
    const lsns = await host(env, 'lsns');
    for (const [type, inode] of created)
      expect(lsns).toMatch(new RegExp(`^${inode} ${type} .* ${pid} `, 'm'));
  });

  test('names the cgroup and the limits written, as the cgroup files read', async () => {
    const [path] = grab(text, /(\/sys\/fs\/cgroup\/system\.slice\/docker-[0-9a-f]{64}\.scope) created/);
    expect(path).toBe(`/sys/fs/cgroup/system.slice/docker-${id}.scope`);
    expect(text).toContain('memory.max = 67108864 (64MiB)');
    expect(await host(env, 'cat', `${path}/memory.max`)).toBe('67108864\n');
    const [swap] = grab(text, /memory\.swap\.max = (\d+)/);
    expect(await host(env, 'cat', `${path}/memory.swap.max`)).toBe(`${swap}\n`);
    const [pid] = grab(text, /host PID (\d+) is PID 1 inside/);
    expect(await host(env, 'cat', `/proc/${pid}/cgroup`)).toBe(`0::/system.slice/docker-${id}.scope\n`);
  });

  test('names the published ports as docker port shows them, with their docker-proxy PIDs', async () => {
    const ports = all(text, /(\S+):(\d+)\/tcp → ([\d.]+):(\d+): docker-proxy \(host PID (\d+)\)/g);
    const shown = (await runCli(['port', id], env)).stdout;
    expect(ports.map(([ip, port, , cport]) => `${cport}/tcp -> ${ip}:${port}`).join('\n')).toBe(shown.trim());
    const [address] = grab(text, /endpoint on network "bridge": ([\d.]+)\//);
    const ps = await hostPs(env);
    for (const [, port, cip, , pid] of ports) {
      expect(cip).toBe(address);
      expect(ps.get(Number(pid))).toBe('docker-proxy');
      expect(await host(env, 'cat', `/proc/${pid}/cmdline`)).toContain(`-host-port\0${port}\0`);
    }
  });

  test('says the same in Korean with DOCKERSIM_LANG=ko, with the same numbers', async () => {
    const ko = await runCli(['--explain', ...RUN], deterministicEnv(tempHome(), { DOCKERSIM_LANG: 'ko' }));
    const said = narrationOf(ko.stderr, TITLE_KO);
    expect(ko.stdout).toBe(out.stdout);
    expect(said).toContain('쓰기 가능 레이어');
    expect(said).toContain('읽기 전용 레이어 7개');
    const [pid] = grab(text, /host PID (\d+) is PID 1 inside/);
    expect(said).toContain(`호스트 PID ${pid} = 컨테이너 안에서는 PID 1`);
    expect(said).toContain(
      `새로 만든 네임스페이스 (호스트 PID ${pid}): ${grab(text, /created for host PID \d+: (.*)/)[0]}`,
    );
    expect(said).toContain('컨트롤 그룹을 만들었습니다');
    expect(said).toContain('memory.max = 67108864 (64MiB)');
    for (const [d] of all(text, /lowerdir (\S+)/g)) expect(said).toContain(`lowerdir ${d}`);
    expect(said).toMatch(/0\.0\.0\.0:8080\/tcp → [\d.]+:80: 호스트의 docker-proxy\(호스트 PID \d+\)/);
  });
});

describe('--explain on other commands', () => {
  let env: NodeJS.ProcessEnv;
  const explain = async (...argv: string[]) => {
    const r = await runCli(['--explain', ...argv], env);
    return { ...r, text: narrationOf(r.stderr) };
  };

  beforeAll(async () => {
    env = deterministicEnv(tempHome());
    expect((await runCli(['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'], env)).code).toBe(0);
  });

  test('commands that change nothing underneath narrate nothing', async () => {
    for (const argv of [
      ['ps'],
      ['images'],
      ['inspect', 'web'],
      ['port', 'web'],
      ['logs', 'web'],
      ['version'],
    ]) {
      const r = await explain(...argv);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain(TITLE_EN);
    }
  });

  test('exec: a process joins the container namespaces and cgroup', async () => {
    const r = await explain('exec', '-d', 'web', 'sleep', '1000');
    const [pid, inside] = grab(r.text, /sleep joined container web: host PID (\d+) is PID (\d+) inside/);
    expect(await host(env, 'cat', `/proc/${pid}/status`)).toContain(`NSpid:\t${pid}\t${inside}\n`);
    const main = (await runCli(['inspect', '-f', '{{.State.Pid}}', 'web'], env)).stdout.trim();
    const [joined] = grab(r.text, /same namespaces as its PID 1: (.*)/);
    for (const [type, inode] of all(joined!, /(\w+) (\d+)/g)) {
      expect(await host(env, 'readlink', `/proc/${pid}/ns/${type}`)).toBe(`${type}:[${inode}]\n`);
      expect(await host(env, 'readlink', `/proc/${main}/ns/${type}`)).toBe(`${type}:[${inode}]\n`);
    }
  });

  test('stop: the signal sent, the exit code, and every process ended', async () => {
    const main = (await runCli(['inspect', '-f', '{{.State.Pid}}', 'web'], env)).stdout.trim();
    const r = await explain('stop', 'web');
    expect(r.stdout).toBe('web\n');
    expect(r.text).toContain(`SIGQUIT (3) sent to host PID ${main}: its handler takes it`);
    const [code] = grab(r.text, new RegExp(`host PID ${main} exited with code (\\d+)`));
    expect((await runCli(['inspect', '-f', '{{.State.ExitCode}}', 'web'], env)).stdout.trim()).toBe(code);
    const [ended] = grab(r.text, /processes ended: ([\d, ]+);/);
    const ps = await hostPs(env);
    const gone = ended!.split(', ').map(Number);
    expect(gone).toContain(Number(main));
    for (const pid of gone) expect(ps.has(pid)).toBe(false);
  });

  test('rm: the writable layer is deleted, the image layers stay', async () => {
    const upper = (
      await runCli(['inspect', '-f', '{{.GraphDriver.Data.UpperDir}}', 'web'], env)
    ).stdout.trim();
    const r = await explain('rm', 'web');
    expect(r.text).toContain(`writable layer ${upper} deleted`);
    expect(r.text).toContain("the image's 7 read-only layers stay");
    expect((await runCli(['images', '-q', 'nginx'], env)).stdout).not.toBe('');
  });

  test('rm -f: a running container is killed first; a restarting one only removed', async () => {
    await runCli(['run', '-d', '--name', 'sleeper', 'alpine', 'sleep', '1000'], env);
    const pid = (await runCli(['inspect', '-f', '{{.State.Pid}}', 'sleeper'], env)).stdout.trim();
    const r = await explain('rm', '-f', 'sleeper');
    expect(r.text).toContain(`SIGKILL (9) sent to host PID ${pid}: it cannot be caught or ignored`);
    expect(r.text).toContain(`host PID ${pid} exited with code 137`);
    expect(r.text).not.toContain('restart policy');
    await runCli(
      ['run', '-d', '--restart', 'always', '--name', 'looper', 'alpine', 'sh', '-c', 'exit 3'],
      env,
    );
    expect((await runCli(['inspect', '-f', '{{.State.Restarting}}', 'looper'], env)).stdout).toBe('true\n');
    const gone = await explain('rm', '-f', 'looper');
    expect(gone.text).not.toContain('SIGKILL');
    expect(gone.text).not.toContain('starts it again');
    expect(gone.text).toContain('(looper): writable layer');
  });

  test('a failing start narrates what was done, after docker error', async () => {
    const r = await explain('run', 'alpine', 'nosuchcmd');
    expect(r.code).toBe(127);
    const error = r.stderr.indexOf('docker: Error response from daemon');
    expect(error).toBeGreaterThanOrEqual(0);
    expect(error).toBeLessThan(r.stderr.indexOf(TITLE_EN));
    expect(r.text).toMatch(
      /could not run its program \(exec: "nosuchcmd": executable file not found in \$PATH\): exit code 127/,
    );
    expect(r.text).not.toContain('nosuchcmd started');
  });

  test('DOCKERSIM_EXPLAIN=1 and LANG=ko_KR.UTF-8 work like --explain and DOCKERSIM_LANG=ko', async () => {
    const r = await runCli(['run', '--rm', 'nginx', 'true'], {
      ...env,
      DOCKERSIM_EXPLAIN: '1',
      LANG: 'ko_KR.UTF-8',
    });
    expect(r.stderr).toContain(TITLE_KO);
    expect(r.stderr).toContain('종료 코드 0');
    expect(r.stderr).toContain('쓰기 가능 레이어를 지웠습니다');
  });
});

describe('colour', () => {
  /** Runs the CLI with stderr on a terminal. */
  async function onTerminal(env: NodeJS.ProcessEnv, argv: string[]) {
    const sink = (isTTY: boolean) => ({
      text: '',
      isTTY,
      write(c: string | Uint8Array) {
        this.text += String(c);
      },
    });
    const stdout = sink(false);
    const stderr = sink(true);
    await main(argv, { stdout, stderr, stdin: Readable.from(['']), env, cwd: ROOT });
    return { stdout: stdout.text, stderr: stderr.text };
  }

  test('the narration is coloured on a terminal unless NO_COLOR is set; docker output never is', async () => {
    const { NO_COLOR: _, ...env } = deterministicEnv(tempHome());
    const argv = ['--explain', 'run', '--rm', 'alpine', 'echo', 'hi'];
    const coloured = await onTerminal(env, argv);
    const plain = await onTerminal({ ...deterministicEnv(tempHome()), NO_COLOR: '1' }, argv);
    expect(coloured.stdout).toBe('hi\n');
    expect(plain.stdout).toBe('hi\n');
    // Docker's part (its terminal progress included) is the same; only the narration is coloured.
    const split = (stderr: string) => {
      const at = stderr.lastIndexOf('\n', stderr.indexOf('──')) + 1;
      return [stderr.slice(0, at), stderr.slice(at)] as const;
    };
    const [dockerColoured, narrationColoured] = split(coloured.stderr);
    const [dockerPlain, narrationPlain] = split(plain.stderr);
    expect(dockerColoured).toBe(dockerPlain);
    expect(narrationColoured).toMatch(/\x1b\[\d+m/);
    expect(narrationPlain).not.toMatch(/\x1b\[/);
    const text = narrationColoured.replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).toContain('echo started');
    expect(narrationOf(plain.stderr)).toBe(text);
  });
});
