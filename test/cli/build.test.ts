import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, ROOT, runCli, tempHome } from '../helpers/cli.js';

/** `docker build` through the CLI: arguments, flags, errors, and builds of the fixture projects. */
const FIXTURES = path.join(ROOT, 'fixtures', 'dockerfiles');

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-build-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const env = (cwd: string, extra: NodeJS.ProcessEnv = {}) =>
  deterministicEnv(tempHome(), { DOCKERSIM_CWD: cwd, ...extra });
const LEGACY = { DOCKER_BUILDKIT: '0' };
const BANNER =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
  '            environment-variable.\n\n';

describe('docker build: arguments and flags', () => {
  const dir = project({ Dockerfile: 'FROM alpine\nCMD ["echo", "hi"]\n' });

  it('needs exactly one PATH (buildx words it)', async () => {
    const r = await runCli(['build', '-t', 'test:latest'], env(dir));
    expect(r).toEqual({
      stdout: '',
      stderr:
        "ERROR: docker: 'docker buildx build' requires 1 argument\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information\n",
      code: 1,
    });
    const legacy = await runCli(['build'], env(dir, LEGACY));
    expect(legacy.stderr).toBe(
      `${BANNER}docker: 'docker build' requires 1 argument\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information\n`,
    );
    expect(legacy.code).toBe(1);
  });

  it('checks -t names', async () => {
    const r = await runCli(['build', '-t', 'MyApp:latest', '.'], env(dir));
    expect(r.stderr).toBe('ERROR: invalid tag "MyApp:latest": repository name must be lowercase\n');
    expect(r.code).toBe(1);
    const legacy = await runCli(['build', '-t', 'MyApp:latest', '.'], env(dir, LEGACY));
    expect(legacy.stderr).toContain(
      'invalid argument "MyApp:latest" for "-t, --tag" flag: invalid reference format: repository name (library/MyApp) must be lowercase',
    );
    expect(legacy.code).toBe(125);
  });

  it('refuses a PATH that is not there, and a missing Dockerfile', async () => {
    const r = await runCli(['build', 'nope'], env(dir));
    expect(r.stderr).toBe('ERROR: unable to prepare context: path "nope" not found\n');
    const empty = project({ 'a.txt': 'x' });
    expect((await runCli(['build', '.'], env(empty))).stderr).toBe(
      'ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n',
    );
    expect((await runCli(['build', '.'], env(empty, LEGACY))).stderr).toContain(
      `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${path.join(empty, 'Dockerfile')}: no such file or directory`,
    );
  });

  it('checks --progress', async () => {
    expect((await runCli(['build', '--progress=fancy', '.'], env(dir))).stderr).toBe(
      'ERROR: invalid progress mode fancy\n',
    );
    expect((await runCli(['build', '-q', '--progress=plain', '.'], env(dir))).stderr).toBe(
      'ERROR: progress=plain and quiet cannot be used together\n',
    );
    const legacy = await runCli(['build', '--progress=plain', '.'], env(dir, LEGACY));
    expect(legacy.stderr).toBe(
      `${BANNER}unknown flag: --progress\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information\n`,
    );
    expect(legacy.code).toBe(125);
  });

  it('checks DOCKER_BUILDKIT', async () => {
    const r = await runCli(['build', '.'], env(dir, { DOCKER_BUILDKIT: 'maybe' }));
    expect(r.stderr).toBe(
      'DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "maybe": invalid syntax\n',
    );
  });

  it("lists itself under common commands with docker's flags", async () => {
    const help = await runCli(['build', '--help'], env(dir));
    expect(help.stdout).toMatch(
      /^Usage: {2}docker build \[OPTIONS\] PATH \| URL \| -\n\nBuild an image from a Dockerfile\n/,
    );
    expect(help.stdout).toContain(
      '  -t, --tag list                Name and optionally a tag in the\n                                "name:tag" format\n',
    );
    expect((await runCli(['--help'], env(dir))).stdout).toMatch(
      / {2}build +Build an image from a Dockerfile/,
    );
  });
});

describe('docker build: the fixture projects', () => {
  it('builds the static site with BuildKit output on stderr', async () => {
    const r = await runCli(['build', '-t', 'site', '.'], env(path.join(FIXTURES, 'static-site')));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition/,
    );
    expect(r.stderr).toContain('#6 [2/2] COPY html /usr/share/nginx/html\n#6 DONE 0.0s\n');
    expect(r.stderr).toContain('naming to docker.io/library/site:latest done\n');
  });

  it('-q prints only the image ID', async () => {
    const r = await runCli(['build', '-q', '-t', 'node-app', '.'], env(path.join(FIXTURES, 'node-app')));
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(r.stderr).toBe('');
  });

  it('the classic builder writes its lines to stdout', async () => {
    const r = await runCli(['build', '-t', 'flask-app', '.'], env(path.join(FIXTURES, 'flask-app'), LEGACY));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(BANNER);
    expect(r.stdout).toMatch(
      /^Sending build context to Docker daemon {2}\d\.\d{3}kB\nStep 1\/8 : FROM python:3.12-slim\n/,
    );
    expect(r.stdout).toContain(
      'Step 4/8 : RUN echo installing requirements && mkdir -p /app/.deps\n ---> Running in ',
    );
    expect(r.stdout).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged flask-app:latest\n$/);
  });

  it('builds the multi-stage Go project into a scratch image', async () => {
    const e = env(path.join(FIXTURES, 'go-multistage'));
    const r = await runCli(['build', '-t', 'hello', '.'], e);
    expect(r.code).toBe(0);
    // BuildKit names steps with their quotes removed.
    expect(r.stderr).toContain('[build 4/4] RUN mkdir -p /out && echo built from main.go > /out/hello\n');
    expect(r.stderr).toContain('[stage-1 1/1] COPY --from=build /out/hello /hello');
    const history = await runCli(['history', '--format', '{{.CreatedBy}}', 'hello'], e);
    expect(history.stdout).toBe('ENTRYPOINT ["/hello"]\nCOPY /out/hello /hello # buildkit\n');
  });

  it('reads the Dockerfile from stdin with PATH -, and writes --iidfile', async () => {
    const dir = project({});
    const r = await runCli(
      ['build', '-q', '--iidfile', 'id.txt', '-'],
      env(dir),
      'FROM alpine\nLABEL from=stdin\n',
    );
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'id.txt'), 'utf8')).toBe(r.stdout.trim());
  });

  it('takes --build-arg values from the environment when only the name is given', async () => {
    const dir = project({ Dockerfile: 'FROM alpine\nARG GREETING\nRUN echo $GREETING\n' });
    const r = await runCli(
      ['build', '--build-arg', 'GREETING', '.'],
      env(dir, { GREETING: 'hello from env' }),
    );
    expect(r.stderr).toMatch(/#\d+ \d\.\d{3} hello from env\n/);
  });

  it('fails as docker does when a RUN fails', async () => {
    const dir = project({ Dockerfile: 'FROM alpine\nRUN exit 3\n' });
    const r = await runCli(['build', '.'], env(dir));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '#5 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3\n------\n > [2/2] RUN exit 3:\n------\nDockerfile:2\n',
    );
    expect(
      r.stderr.endsWith(
        'ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3\n',
      ),
    ).toBe(true);
    const legacy = await runCli(['build', '.'], env(dir, LEGACY));
    expect(legacy.code).toBe(3);
    expect(legacy.stderr.endsWith("The command '/bin/sh -c exit 3' returned a non-zero code: 3\n")).toBe(
      true,
    );
  });

  it("reports a parse error with the classic builder as the daemon's answer", async () => {
    const dir = project({ Dockerfile: 'FROM alpine\nRUNN x\n' });
    const legacy = await runCli(['build', '.'], env(dir, LEGACY));
    expect(
      legacy.stderr.endsWith(
        'Error response from daemon: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)\n',
      ),
    ).toBe(true);
  });
});
