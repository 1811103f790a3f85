import { it } from 'vitest';
import { ID_WEB, ID_DB, MemFs, newKernel, startContainer, text } from './helpers.js';

it('scratch', () => {
  const { kernel, clock } = newKernel();
  const web = startContainer(kernel, clock, ID_WEB, ['nginx: master process nginx -g daemon off;']);
  clock.advance(60000);
  const db = startContainer(kernel, clock, ID_DB, ['mysqld'], { uid: 999, memory: 452736 * 1024, flags: { memory: 512 * 1024 * 1024, nanoCpus: 1.5e9, cpuShares: 512 } });
  kernel.setUsage(db.pid1, { cpuCores: 0.35 }, clock.now());
  clock.advance(10000);
  console.log(web, db);
  const host = kernel.procFs(new MemFs(), kernel.hostShellPid());
  console.log(kernel.hostView().processes().map((p) => `${p.pid} ${p.ppid} ${p.user} ${p.state} ${p.comm} ${p.cgroup} ${p.args.join(' ')}`).join('\n'));
  for (const f of ['/proc/meminfo', '/proc/loadavg', '/proc/uptime', '/proc/stat', `/proc/${db.pid1}/status`, `/proc/${db.pid1}/stat`, '/proc/self/status', '/proc/self/mounts']) console.log(f, '\n' + text(host, f));
  console.log(host.readdir('/proc').join(' '));
  console.log(host.readdir(`/proc/${db.pid1}/ns`).map((n) => `${n} -> ${host.readlink(`/proc/${db.pid1}/ns/${n}`)}`).join('\n'));
  const cg = `/sys/fs/cgroup${db.cgroup}`;
  for (const f of host.readdir(cg)) console.log(f, JSON.stringify(text(host, `${cg}/${f}`)));
  console.log(host.readdir('/sys/fs/cgroup').join(' '));
  const inside = kernel.procFs(new MemFs({ '/etc/hostname': 'x\n' }), db.pid1);
  console.log(inside.readdir('/proc').join(' '), inside.readdir('/').join(' '));
  console.log(text(inside, '/proc/1/status'), text(inside, '/proc/self/cgroup'), text(inside, '/sys/fs/cgroup/memory.max'), text(inside, '/proc/mounts'));
  console.log(kernel.view(db.pid1).uts(), kernel.hostView().meminfo());
});
