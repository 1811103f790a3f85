import * as fs from 'node:fs';
import { runCli, tempHome, deterministicEnv } from './test/helpers/cli.js';
const home = tempHome();
for (const dir of ['static-site', 'node-app', 'flask-app', 'go-multistage', 'dockerignore']) {
  const env = deterministicEnv(home, { DOCKERSIM_CWD: `fixtures/dockerfiles/${dir}` });
  const r = await runCli(['build', '-t', `fx-${dir}`, '.'], env);
  console.log(dir, r.code, r.stderr.split('\n').filter(l => /ERROR|DONE \d|CACHED|naming/.test(l)).join(' | '));
}
const env = deterministicEnv(home, { DOCKERSIM_CWD: `fixtures/dockerfiles/go-multistage` });
console.log((await runCli(['history', 'fx-go-multistage'], env)).stdout);
console.log((await runCli(['images'], env)).stdout);
console.log((await runCli(['run', '--rm', 'fx-node-app', 'ls', '/app'], env)));
console.log((await runCli(['history', 'fx-flask-app'], env)).stdout);
