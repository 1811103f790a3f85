import { describe, expect, it } from 'vitest';
import { readNginxConf } from '../../../src/programs/services/nginx-conf.js';
import { fakeContext } from './fake.js';
import { exitCode, golden, kinds, logs, nginxFs, run, text } from './images.js';

const ENTRYPOINT = {
  argv: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
  path: '/docker-entrypoint.sh',
};

describe('nginx', () => {
  it('starts through /docker-entrypoint.sh: configuration lines, notices, one worker per CPU', async () => {
    const fs = nginxFs();
    const r = await run('docker-entrypoint:nginx', { ...ENTRYPOINT, fs });
    golden('nginx-start.golden', logs(r));
    const spawns = kinds(r, 'spawn');
    expect(spawns).toHaveLength(4);
    expect(spawns.map((s) => [s.cmdline, s.user, s.uid])).toEqual(
      Array(4).fill(['nginx: worker process', 'nginx', 101]),
    );
    expect(text(r, 'stderr')).toMatch(/start worker process 2\n.*start worker process 5\n/s);
    expect(kinds(r, 'listen')).toEqual([expect.objectContaining({ port: 80, proto: 'tcp' })]);
    const exec = kinds(r, 'exec');
    expect(exec[0]).toMatchObject({ argv: ['nginx', '-g', 'daemon off;'], comm: 'nginx' });
    expect(exec.at(-1)?.cmdline).toBe('nginx: master process nginx -g daemon off;');
    expect(exitCode(r)).toBeUndefined();
    expect(fs.readFile('/etc/nginx/conf.d/default.conf').toString()).toContain('listen  [::]:80;');
    const bytes = kinds(r, 'memory')[0]!.bytes + spawns.reduce((n, s) => n + (s.memory ?? 0), 0);
    expect(bytes / 2 ** 20).toBeGreaterThan(5);
    expect(bytes / 2 ** 20).toBeLessThan(12);
  });

  it('keeps quiet with NGINX_ENTRYPOINT_QUIET_LOGS, and leaves an edited default.conf alone', async () => {
    const fs = nginxFs();
    await run('docker-entrypoint:nginx', { ...ENTRYPOINT, fs });
    const r = await run('docker-entrypoint:nginx', {
      ...ENTRYPOINT,
      fs,
      env: { NGINX_ENTRYPOINT_QUIET_LOGS: '1' },
    });
    expect(text(r, 'stdout')).toBe('');
    const again = await run('docker-entrypoint:nginx', { ...ENTRYPOINT, fs });
    expect(text(again, 'stdout')).toContain(
      '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version\n',
    );
  });

  it('runs nginx:alpine workers as nginx (101) and honours worker_processes', async () => {
    const fs = nginxFs('alpine');
    fs.put('/etc/nginx/nginx.conf', 'user nginx;\nworker_processes 2;\nerror_log /dev/stderr notice;\n');
    const r = await run('nginx@1.27.0', {
      argv: ['nginx', '-g', 'daemon off;'],
      path: '/usr/sbin/nginx',
      fs,
    });
    expect(kinds(r, 'spawn').map((s) => s.uid)).toEqual([101, 101]);
    expect(text(r, 'stderr')).toContain('built by gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014) \n');
  });

  it('renders templates with envsubst and tunes worker_processes from the cgroup', async () => {
    const fs = nginxFs();
    fs.put(
      '/etc/nginx/templates/site.conf.template',
      'server { listen $' + '{PORT}; root $ROOT; set $x 1; }\n',
    );
    fs.put('/sys/fs/cgroup/cpu.max', '150000 100000\n');
    const env = { PORT: '8080', ROOT: '/srv', NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE: '1' };
    const r = await run('docker-entrypoint:nginx', { ...ENTRYPOINT, fs, env });
    expect(text(r, 'stdout')).toContain(
      '20-envsubst-on-templates.sh: Running envsubst on /etc/nginx/templates/site.conf.template to /etc/nginx/conf.d/site.conf\n',
    );
    expect(fs.readFile('/etc/nginx/conf.d/site.conf').toString()).toBe(
      'server { listen 8080; root /srv; set $x 1; }\n',
    );
    expect(kinds(r, 'spawn')).toHaveLength(2);
    expect(kinds(r, 'listen').map((l) => l.port)).toEqual([80, 8080]);
  });

  it('answers -v, -t and -s reload', async () => {
    const fs = nginxFs();
    const o = { path: '/usr/sbin/nginx', fs };
    expect(text(await run('nginx@1.27.0', { ...o, argv: ['nginx', '-v'] }), 'stderr')).toBe(
      'nginx version: nginx/1.27.0\n',
    );
    const t = await run('nginx@1.27.0', { ...o, argv: ['nginx', '-t'] });
    expect(text(t, 'stderr')).toBe(
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    );
    const noPid = await run('nginx@1.27.0', { ...o, argv: ['nginx', '-s', 'reload'] });
    expect(exitCode(noPid)).toBe(1);
    fs.put('/var/run/nginx.pid', '1\n');
    const reload = await run('nginx@1.27.0', { ...o, argv: ['nginx', '-s', 'reload'], self: 40 });
    expect(kinds(reload, 'signal')).toEqual([expect.objectContaining({ pid: 1, signal: 'SIGHUP' })]);
  });

  it('daemonises without "daemon off;" (the container would stop at once)', async () => {
    const r = await run('nginx@1.27.0', { argv: ['nginx'], path: '/usr/sbin/nginx', fs: nginxFs() });
    expect(exitCode(r)).toBe(0);
    expect(kinds(r, 'spawn')).toEqual([]);
  });

  it('reads listen ports and the error_log level from the configuration', () => {
    const fs = nginxFs();
    fs.put(
      '/etc/nginx/conf.d/extra.conf',
      'server { listen 0.0.0.0:8443 ssl; listen [::]:8443 ssl; }\n# listen 9999;\n',
    );
    const conf = readNginxConf(fakeContext({ argv: ['nginx'], fs }), '/etc/nginx/nginx.conf', 'daemon off;');
    expect(conf).toMatchObject({
      ports: [80, 8443],
      workers: 'auto',
      user: 'nginx',
      daemon: false,
      notices: true,
    });
  });
});
