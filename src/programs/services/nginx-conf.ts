import type { ProcessContext } from '../types.js';
import { readText } from './common.js';

/** What the simulated nginx needs from its configuration. */
export interface NginxConf {
  /** `worker_processes`: a number, or `auto` (one per CPU). */
  workers: number | 'auto';
  /** `user` of the worker processes (nginx's built-in default is `nobody`). */
  user: string;
  /** Ports of the `listen` directives of all included files. */
  ports: number[];
  /** `daemon on` (the default): the master forks into the background and the command returns. */
  daemon: boolean;
  /** The `error_log` level lets `[notice]` lines through (`notice`, `info`, `debug`). */
  notices: boolean;
  /** `pid` file. */
  pidFile: string;
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n');
}

function directive(text: string, name: string): string[] | undefined {
  const m = new RegExp(`(?:^|[;{}\\s])${name}\\s+([^;{}]*);`).exec(text);
  return m ? m[1]!.trim().split(/\s+/) : undefined;
}

function included(ctx: ProcessContext, text: string): string[] {
  const files: string[] = [];
  for (const m of text.matchAll(/(?:^|[;{}\s])include\s+([^;\s]+)\s*;/g)) {
    const pattern = m[1]!.startsWith('/') ? m[1]! : `/etc/nginx/${m[1]}`;
    const slash = pattern.lastIndexOf('/');
    const dir = pattern.slice(0, slash);
    const base = pattern.slice(slash + 1);
    if (!base.includes('*')) {
      files.push(pattern);
      continue;
    }
    const re = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    try {
      for (const name of ctx.fs.readdir(dir)) if (re.test(name)) files.push(`${dir}/${name}`);
    } catch {
      // an include of a missing directory matches nothing
    }
  }
  return files;
}

/** `80`, `[::]:80`, `0.0.0.0:8080`, `localhost:80` → the port. */
function portOf(address: string): number | undefined {
  const m = /(?:^|:)(\d+)$/.exec(address);
  return m ? Number(m[1]) : undefined;
}

/**
 * Reads the configuration file and the files it includes, then applies `-g` directives.
 * Returns undefined when the main file cannot be read (nginx refuses to start).
 */
export function readNginxConf(ctx: ProcessContext, path: string, globals: string): NginxConf | undefined {
  const raw = readText(ctx, path);
  if (raw === undefined) return undefined;
  const main = `${stripComments(raw)}\n${globals}`;
  const all = [main, ...included(ctx, main).map((f) => stripComments(readText(ctx, f) ?? ''))].join('\n');
  const ports: number[] = [];
  for (const m of all.matchAll(/(?:^|[;{}\s])listen\s+([^;\s]+)[^;]*;/g)) {
    const port = portOf(m[1]!);
    if (port !== undefined && !ports.includes(port)) ports.push(port);
  }
  const workers = directive(main, 'worker_processes')?.[0] ?? '1';
  const level = directive(main, 'error_log')?.[1] ?? 'error';
  return {
    workers: workers === 'auto' ? 'auto' : Math.max(1, Number.parseInt(workers, 10) || 1),
    user: directive(main, 'user')?.[0] ?? 'nobody',
    ports: ports.length > 0 ? ports : [80],
    daemon: directive(main, 'daemon')?.[0] !== 'off',
    notices: ['notice', 'info', 'debug'].includes(level),
    pidFile: directive(main, 'pid')?.[0] ?? '/var/run/nginx.pid',
  };
}
