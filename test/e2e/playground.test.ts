import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, deterministicEnv, runBin, tempHome } from '../helpers/cli.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * A learner at a terminal: `dockersim shell` on a pseudo-terminal (util-linux `script` makes
 * one), lines typed one at a time after each prompt appears.
 */
class Terminal {
  output = '';
  private readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number>;

  constructor(home: string) {
    this.child = spawn('script', ['-qfec', `exec "${process.execPath}" "${BIN}" shell`, '/dev/null'], {
      env: { ...deterministicEnv(home), TERM: 'xterm', COLUMNS: '200' },
    });
    this.child.stdout.on('data', (d: Buffer) => {
      this.output += d.toString();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code ?? -1)));
  }

  /** Waits until the output after `from` contains `text` (the child's own pace, not a clock). */
  async waitFor(text: string, from = 0): Promise<string> {
    for (let i = 0; i < 600; i++) {
      const seen = this.output.slice(from);
      if (seen.includes(text)) return seen;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`never saw ${JSON.stringify(text)}; output was:\n${this.output}`);
  }

  /** Types a line at the next prompt and returns what the terminal showed until the prompt after it. */
  async type(line: string): Promise<string> {
    const from = this.output.length;
    this.child.stdin.write(`${line}\r`);
    const seen = await this.waitFor('learner@docker-host:~$ ', from + line.length);
    return seen;
  }

  key(bytes: string): void {
    this.child.stdin.write(bytes);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

let open: Terminal | undefined;
afterEach(() => open?.kill());

describe.skipIf(!hasScript)('the playground on a terminal', () => {
  it('tells the mysqld story by typing: run, host ps, docker top', async () => {
    const home = tempHome();
    const t = new Terminal(home);
    open = t;
    await t.waitFor('learner@docker-host:~$ ');
    const run = await t.type('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql');
    expect(run).toMatch(/[0-9a-f]{64}/);
    const ps = await t.type('ps -e | grep mysqld');
    const pid = /^\s*(\d+) \?\s+[\d:]+ mysqld\s*$/m.exec(ps)?.[1];
    expect(pid, ps).toBeDefined();
    const top = await t.type('docker top db');
    expect(top).toMatch(new RegExp(`^999\\s+${pid}\\s+\\d+\\s.*mysqld`, 'm'));
    // Ctrl-C stops a foreground command, not the playground.
    const from = t.output.length;
    t.key('docker logs -f db\r');
    await t.waitFor('ready for connections', from);
    t.key('\x03');
    const after = await t.waitFor('learner@docker-host:~$ ', from + 20);
    expect(after).toContain('ready for connections');
    const again = await t.type('whoami');
    expect(again).toContain('\r\nlearner\r\n');
    // Ctrl-C at the prompt drops the line and keeps the playground.
    let mark = t.output.length;
    t.key('half a line\x03');
    await t.waitFor('^C', mark);
    expect(await t.type('echo still here')).toContain('still here\r\n');
    // An attached docker run: Ctrl-C goes to the container (docker's signal proxy).
    mark = t.output.length;
    t.key('docker run --name web nginx\r');
    await t.waitFor('start worker process', mark);
    t.key('\x03');
    await t.waitFor('learner@docker-host:~$ ', mark + 40);
    expect(await t.type("docker ps -a --format '{{.Names}} {{.Status}}'")).toMatch(/web Exited \(0\)/);
    // Ctrl-D leaves.
    t.key('\x04');
    const code = await t.exited;
    expect(code).toBe(0);
    // The state outlives the playground, and the history was kept.
    const env = deterministicEnv(home);
    expect(runBin(['ps', '--format', '{{.Names}} {{.Status}}'], env).stdout).toMatch(/^db Up /);
    const history = fs.readFileSync(path.join(home, 'dockersim', 'playground_history'), 'utf8');
    expect(history.split('\n')).toContain('docker top db');
  }, 60_000);

  it('completes commands, flags and container names with Tab', async () => {
    const home = tempHome();
    runBin(['create', '--name', 'webserver', 'nginx'], deterministicEnv(home));
    const t = new Terminal(home);
    open = t;
    await t.waitFor('learner@docker-host:~$ ');
    let from = t.output.length;
    t.key('docker insp\t');
    await t.waitFor('docker inspect ', from);
    from = t.output.length;
    t.key('webs\t');
    await t.waitFor('webserver', from);
    const shown = await t.type('');
    expect(shown).toContain('"Name": "/webserver"');
    t.key('exit\r');
    expect(await t.exited).toBe(0);
  }, 60_000);
});
