import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runBin, tempHome } from '../helpers/cli.js';

describe('two terminals on one state folder (wall clock)', () => {
  it("docker ps answers while docker stop waits out a container's grace period", async () => {
    const home = tempHome();
    const env = { PATH: process.env.PATH, HOME: home, DOCKERSIM_HOME: home, NO_COLOR: '1' };
    runBin(['run', '-d', '--name', 'sl', 'alpine', 'sleep', '1000'], env);
    // PID 1 `sleep` ignores SIGTERM: the stop lasts its whole grace period, then SIGKILL.
    const stop = spawn(process.execPath, [BIN, 'stop', '-t', '4', 'sl'], { env });
    let stopped = false;
    const done = new Promise<number>((resolve) =>
      stop.on('exit', (code) => {
        stopped = true;
        resolve(code ?? -1);
      }),
    );
    const seenWhileStopping: string[] = [];
    while (!stopped) {
      const ps = runBin(['ps', '-a', '--format', '{{.Names}} {{.State}}'], env).stdout.trim();
      // Let the child's exit be noticed between two answers.
      await new Promise((r) => setTimeout(r, 20));
      if (!stopped) seenWhileStopping.push(ps);
    }
    expect(await done).toBe(0);
    // Some answer came while the stop was still going on, and saw the container still running.
    expect(seenWhileStopping).toContain('sl running');
    expect(runBin(['ps', '-a', '--format', '{{.Names}} {{.Status}}'], env).stdout).toMatch(
      /^sl Exited \(137\)/,
    );
  }, 30_000);
});
