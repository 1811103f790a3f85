#!/usr/bin/env node
// Start-up cost of dockersim commands, as ratios to a bare `node -e 0` measured in the same run,
// and a scale run (many containers). Uses only Node's own tools; prints medians.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'dockersim');
const runs = Number(process.env.BENCH_RUNS ?? 15);

function time(args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && args[0] !== '-e')
    process.stderr.write(`warning: ${args.join(' ')} exited ${r.status}: ${r.stderr}\n`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Interleaves the command with the baseline so machine drift affects both alike. */
function compare(label, args, env) {
  const base = [];
  const cmd = [];
  time(['-e', '0'], env);
  time(args, env);
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '0'], env));
    cmd.push(time(args, env));
  }
  const b = median(base);
  const c = median(cmd);
  console.log(
    `${label.padEnd(34)} ${c.toFixed(1).padStart(7)} ms   node -e 0 ${b.toFixed(1).padStart(6)} ms   ratio ${(c / b).toFixed(2)}`,
  );
  return c / b;
}

/**
 * The playground's latency per command: 1,000 `docker ps` lines through one `dockersim shell`
 * with three containers running. The playground writes each table when its command is done
 * (to a pipe, synchronously), so the gaps between the tables' arrivals are the commands' times.
 */
async function playground() {
  const lines = Number(process.env.BENCH_LINES ?? 1000);
  for (const [name, image, extra] of [
    ['web', 'nginx', []],
    ['cache', 'redis', []],
    ['db', 'mysql', ['-e', 'MYSQL_ROOT_PASSWORD=secret']],
  ])
    spawnSync(process.execPath, [bin, 'run', '-d', '--name', name, ...extra, image], { env });
  const child = spawn(process.execPath, [bin, 'shell'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const arrivals = [];
  let tail = '';
  child.stdout.on('data', (chunk) => {
    const now = Number(process.hrtime.bigint()) / 1e6;
    const text = tail + chunk.toString();
    const count = text.split('CONTAINER ID').length - 1;
    for (let i = 0; i < count; i++) arrivals.push(now);
    tail = text.slice(text.lastIndexOf('CONTAINER ID') + 1 || 0).slice(-20);
  });
  child.stdin.end('docker ps\n'.repeat(lines));
  await new Promise((r) => child.on('exit', r));
  const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
  const m = median(gaps);
  console.log(
    `\nplayground: docker ps, median of ${gaps.length} lines (3 running)  ${m.toFixed(2)} ms per command (target <= 2 ms)`,
  );
  spawnSync(process.execPath, [bin, 'rm', '-f', 'web', 'cache', 'db'], { env });
}

const home = mkdtempSync(join(tmpdir(), 'dockersim-bench-'));
const env = {
  ...process.env,
  DOCKERSIM_HOME: home,
  DOCKERSIM_CLOCK: '2026-01-01T00:00:00Z',
  DOCKERSIM_SEED: '1',
  NO_COLOR: '1',
};
try {
  spawnSync(process.execPath, [bin, 'pull', '-q', 'alpine'], { env });
  console.log(`dockersim start-up (median of ${runs} runs, each paired with node -e 0)`);
  compare('dockersim version', [bin, 'version'], env);
  compare('dockersim info', [bin, 'info'], env);
  compare('dockersim ps', [bin, 'ps'], env);
  compare('dockersim images', [bin, 'images'], env);
  // docker build of a 50-step Dockerfile, rebuilt from cache (every step CACHED).
  const ctxDir = mkdtempSync(join(tmpdir(), 'dockersim-bench-build-'));
  const steps = Array.from({ length: 49 }, (_, i) => `RUN echo step ${i} > /step-${i}`);
  writeFileSync(join(ctxDir, 'Dockerfile'), `FROM alpine:3.20\n${steps.join('\n')}\n`);
  spawnSync(process.execPath, [bin, 'pull', '-q', 'alpine:3.20'], { env });
  spawnSync(process.execPath, [bin, 'build', '-q', '-t', 'fifty', ctxDir], { env });
  const built = compare(
    'dockersim build (50 steps, cached)',
    [bin, 'build', '-q', '-t', 'fifty', ctxDir],
    env,
  );
  const cold = compare('dockersim version (for the build ratio)', [bin, 'version'], env);
  console.log(`cached 50-step build / cold version: ${(built / cold).toFixed(2)} (target <= 1.5)`);
  rmSync(ctxDir, { recursive: true, force: true });

  await playground();

  if (process.env.BENCH_SCALE !== '0') {
    const n = Number(process.env.BENCH_CONTAINERS ?? 100);
    for (let i = 0; i < n; i++) spawnSync(process.execPath, [bin, 'create', 'alpine', 'true'], { env });
    console.log(`\nscale: ${n} containers`);
    compare(`dockersim ps -a (${n} containers)`, [bin, 'ps', '-a'], env);
    compare(`dockersim ps (${n} stopped)`, [bin, 'ps'], env);
    compare(`dockersim create (after ${n})`, [bin, 'create', 'alpine', 'true'], env);
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
