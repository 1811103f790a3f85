import type { ProcessContext, Program } from '../types.js';
import { readText, startOf } from './common.js';
import { execInto, runScript } from './exec.js';
import { Timeline } from './timeline.js';

const DIR = '/docker-entrypoint.d';
const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';

/** One start of the entrypoint: its log, and the environment the sourced `.envsh` files add to. */
interface Run {
  ctx: ProcessContext;
  t: Timeline;
  env: Record<string, string>;
  log(line: string): void;
}

/**
 * nginx's `/docker-entrypoint.sh`: when the command is nginx, runs the helpers of
 * /docker-entrypoint.d/ in name order (sources `*.envsh`, executes `*.sh`), then execs the
 * command. The four helpers the image ships are simulated here; others run as scripts.
 */
export const nginxEntrypoint: Program = {
  name: 'docker-entrypoint:nginx',
  async run(ctx) {
    const t = new Timeline(startOf(ctx));
    const me = ctx.argv[0] ?? ctx.path;
    const args = ctx.argv.slice(1);
    const r: Run = {
      ctx,
      t,
      env: { ...ctx.env },
      log: (line) => (ctx.env.NGINX_ENTRYPOINT_QUIET_LOGS ? undefined : t.out(`${line}\n`)),
    };
    if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
      const files = list(ctx, DIR);
      if (files.length === 0) r.log(`${me}: No files found in ${DIR}/, skipping configuration`);
      else {
        r.log(`${me}: ${DIR}/ is not empty, will attempt to perform configuration`);
        r.log(`${me}: Looking for shell scripts in ${DIR}/`);
        for (const name of files) {
          const code = await helper(r, me, name);
          if (code !== 0) return t.exit(code);
          t.wait(3);
        }
        r.log(`${me}: Configuration complete; ready for start up`);
      }
    }
    return execInto(ctx, t, args);
  },
};

function list(ctx: ProcessContext, dir: string): string[] {
  try {
    return ctx.fs.readdir(dir);
  } catch {
    return [];
  }
}

async function helper(r: Run, me: string, name: string): Promise<number> {
  const path = `${DIR}/${name}`;
  const stat = r.ctx.fs.stat(path);
  if (stat?.type !== 'file') return 0;
  const executable = (stat.mode & 0o111) !== 0;
  const kind = name.endsWith('.envsh') ? 'envsh' : name.endsWith('.sh') ? 'sh' : 'other';
  if (kind === 'other') r.log(`${me}: Ignoring ${path}`);
  else if (!executable) r.log(`${me}: Ignoring ${path}, not executable`);
  else if (kind === 'envsh') {
    r.log(`${me}: Sourcing ${path}`);
    if (name === '15-local-resolvers.envsh') localResolvers(r);
  } else {
    r.log(`${me}: Launching ${path}`);
    if (name === '10-listen-on-ipv6-by-default.sh') listenOnIpv6(r, name);
    else if (name === '20-envsubst-on-templates.sh') envsubstTemplates(r, name);
    else if (name === '30-tune-worker-processes.sh') tuneWorkers(r);
    else return runScript(r.ctx, r.t, [path], r.env);
  }
  return 0;
}

function listenOnIpv6(r: Run, me: string): void {
  const say = (text: string) => r.log(`${me}: info: ${text}`);
  say(ipv6(r, say));
}

/** What 10-listen-on-ipv6-by-default.sh does; returns its last message. */
function ipv6(r: Run, say: (text: string) => void): string {
  const { ctx } = r;
  if (ctx.fs.stat('/proc/net/if_inet6')?.type !== 'file') return 'ipv6 not available';
  const text = readText(ctx, DEFAULT_CONF);
  if (text === undefined) return `${DEFAULT_CONF} is not a file or does not exist`;
  try {
    ctx.fs.utimes(DEFAULT_CONF, Math.floor(r.t.clock() / 1000));
  } catch {
    return `can not modify ${DEFAULT_CONF} (read-only file system?)`;
  }
  say(`Getting the checksum of ${DEFAULT_CONF}`);
  if (/listen {2,}\[::\]:80;/.test(text) || !/^ {4}listen {7}80;/m.test(text)) {
    return `${DEFAULT_CONF} differs from the packaged version`;
  }
  ctx.fs.writeFile(
    DEFAULT_CONF,
    text.replace(/^ {4}listen {7}80;/m, '    listen       80;\n    listen  [::]:80;'),
  );
  return `Enabled listen on IPv6 in ${DEFAULT_CONF}`;
}

function localResolvers(r: Run): void {
  if (!r.env.NGINX_ENTRYPOINT_LOCAL_RESOLVERS) return;
  const servers = (readText(r.ctx, '/etc/resolv.conf') ?? '')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[0] === 'nameserver' && f[1])
    .map((f) => (f[1]!.includes(':') ? `[${f[1]}]` : f[1]!));
  r.env.NGINX_LOCAL_RESOLVERS = servers.join(' ');
}

function envsubstTemplates(r: Run, me: string): void {
  const dir = r.env.NGINX_ENVSUBST_TEMPLATE_DIR || '/etc/nginx/templates';
  const suffix = r.env.NGINX_ENVSUBST_TEMPLATE_SUFFIX || '.template';
  const out = r.env.NGINX_ENVSUBST_OUTPUT_DIR || '/etc/nginx/conf.d';
  const filter = r.env.NGINX_ENVSUBST_FILTER ? new RegExp(r.env.NGINX_ENVSUBST_FILTER) : undefined;
  if (r.ctx.fs.stat(dir)?.type !== 'dir') return;
  const names = Object.keys(r.env).filter((n) => /^[A-Za-z0-9_]+$/.test(n) && (!filter || filter.test(n)));
  for (const name of list(r.ctx, dir).filter((n) => n.endsWith(suffix))) {
    const template = `${dir}/${name}`;
    if (r.ctx.fs.stat(template)?.type !== 'file') continue;
    const target = `${out}/${name.slice(0, -suffix.length)}`;
    r.log(`${me}: Running envsubst on ${template} to ${target}`);
    // envsubst with a list replaces only those variables, in both $NAME and ${NAME} forms.
    const text = (readText(r.ctx, template) ?? '').replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (m, a, b) => {
        const n = (a ?? b) as string;
        return names.includes(n) ? (r.env[n] ?? '') : m;
      },
    );
    try {
      r.ctx.fs.writeFile(target, text);
    } catch {
      r.log(`${me}: ERROR: ${dir} exists, but ${out} is not writable`);
      return;
    }
  }
}

function tuneWorkers(r: Run): void {
  if (!r.env.NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE) return;
  const conf = readText(r.ctx, '/etc/nginx/nginx.conf');
  if (conf === undefined) return;
  let ncpu = r.ctx.sys.cpus();
  const [quota, period] = (readText(r.ctx, '/sys/fs/cgroup/cpu.max') ?? 'max 100000').trim().split(/\s+/);
  if (quota !== 'max' && Number(period) > 0) ncpu = Math.min(ncpu, Math.ceil(Number(quota) / Number(period)));
  try {
    r.ctx.fs.writeFile(
      '/etc/nginx/nginx.conf',
      conf.replace(/^( *worker_processes +)auto;/m, `$1${Math.max(1, ncpu)};`),
    );
  } catch {
    r.log(
      '30-tune-worker-processes.sh: error: can not modify /etc/nginx/nginx.conf (read-only file system?)',
    );
  }
}
