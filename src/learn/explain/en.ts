import type { CacheReason, CgroupWrite, NamespaceEntry } from '../../api/explain.js';
import { binary, firstOf, hostAddress, type Messages, pidList, short } from './messages.js';
import type { Style } from './style.js';

const ns = (list: { type: string; inode: number }[], s: Style) =>
  list.map((n) => `${n.type} ${s.num(n.inode)}`).join(', ');

const write = (w: CgroupWrite, s: Style) => {
  const human = /^\d+$/.test(w.value) && w.file.startsWith('memory.') ? ` (${binary(Number(w.value))})` : '';
  return `${w.file} = ${s.num(w.value)}${human}${w.flag ? `  ${s.dim(`from ${w.flag}`)}` : ''}`;
};

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

const shared = (list: NamespaceEntry[]) => list.filter((n) => !n.created);

const reasons: Record<CacheReason, string> = {
  'same-instruction': 'same instruction on the same parent image',
  'same-files': 'same instruction on the same parent image, and the copied files have the same checksums',
  'no-cache': '--no-cache was given',
  'parent-rebuilt': 'the step before it was rebuilt, so its parent image is new and nothing is cached on it',
  'files-changed': 'a copied file changed, so its checksum no longer matches the cached step',
  'new-step': 'this instruction was never built on this parent image before',
};

/** English narration. */
export const en: Messages = {
  title: 'What the engine did underneath (--explain)',
  label: {
    layers: 'layers',
    mount: 'mount',
    rootfs: 'rootfs',
    network: 'network',
    namespaces: 'namespaces',
    cgroup: 'cgroup',
    process: 'process',
    port: 'port',
    signal: 'signal',
    exit: 'exit',
    removed: 'removed',
    exec: 'exec',
    pull: 'pull',
    'build-run': 'build RUN',
    'build-step': 'build cache',
  },
  facts: {
    layers: (f, s) => [
      `container ${s.path(short(f.container))} (${f.name}) gets a writable layer on top of image ${f.image}'s ${s.num(f.imageLayers)} read-only ${plural(f.imageLayers, 'layer')}`,
      ...f.lowerDirs.map(
        (d, i) =>
          `lowerdir ${s.path(d)}${i === 0 ? s.dim('  (init layer: /etc/hostname, /etc/hosts, /etc/resolv.conf)') : ''}`,
      ),
      `upperdir ${s.path(f.upperDir)}${s.dim('  (writable container layer: every change lands here)')}`,
    ],
    mount: (f, s) => [
      f.type === 'volume'
        ? `${f.anonymous ? 'anonymous volume' : `volume "${f.volume}"`} ${f.created ? 'created' : 'reused'}, mounted at ${s.path(f.destination)}${f.readOnly ? ' read-only' : ''} (${s.path(f.source)})`
        : f.type === 'bind'
          ? `host folder ${s.path(f.source)} bound at ${s.path(f.destination)}${f.readOnly ? ' read-only' : ''}`
          : `tmpfs (in memory) mounted at ${s.path(f.destination)}`,
    ],
    rootfs: (f, s) => [
      `overlay mounted at ${s.path(f.mergedDir)} (${s.num(f.lowerCount)} lowerdirs + the upperdir): this is / inside the container`,
    ],
    network: (f, s) => [
      f.driver === 'host'
        ? "no network namespace of its own: it uses the host's network stack"
        : f.driver === 'none'
          ? 'its own network namespace with only a loopback interface'
          : `endpoint on network "${f.network}": ${s.num(f.address)}, gateway ${s.num(f.gateway)} (a veth pair into its net namespace)`,
    ],
    namespaces: (f, s) => {
      const made = f.namespaces.filter((n) => n.created);
      const joined = shared(f.namespaces);
      return [
        made.length
          ? `created for host PID ${s.num(f.hostPid)}: ${ns(made, s)}`
          : `host PID ${s.num(f.hostPid)} got no namespace of its own`,
        ...(joined.length ? [`shared with the host: ${ns(joined, s)}`] : []),
      ];
    },
    cgroup: (f, s) => [
      `${s.path(f.path)} created`,
      ...(f.written.length
        ? f.written.map((w) => write(w, s))
        : ['no limits written: memory.max, cpu.max and pids.max stay "max"']),
    ],
    process: (f, s) => {
      if (f.role === 'shim')
        return [
          `${f.command} started: host PID ${s.num(f.hostPid)}, in the host's namespaces; it is the parent of the container's first process`,
        ];
      const where = f.onHost
        ? `in the host's PID namespace, so PID ${s.num(f.nsPid)} there too`
        : `PID ${s.num(f.nsPid)} inside the container`;
      if (f.role === 'execve')
        return [
          `${f.previous} replaced itself with ${f.command} (execve): same host PID ${s.num(f.hostPid)}, ${where}`,
        ];
      return f.role === 'main'
        ? [`${f.command} started: host PID ${s.num(f.hostPid)} is ${where}`]
        : [`${f.command} started by host PID ${s.num(f.ppid)}: host PID ${s.num(f.hostPid)} is ${where}`];
    },
    port: (f, s) => [
      `${s.num(hostAddress(f.hostIp, f.hostPort))}/${f.proto} → ${s.num(`${f.containerIp}:${f.containerPort}`)}: docker-proxy (host PID ${s.num(f.proxyPid)}) listens on the host and forwards`,
    ],
    signal: (f, s) => {
      const sent = `${f.signal} (${f.number}) sent to host PID ${s.num(f.hostPid)}${f.afterTimeout !== undefined ? ` after the ${f.afterTimeout}s timeout ran out` : ''}`;
      const outcome = {
        exits: 'it has no handler, so the default action ends it',
        handled: 'its handler takes it and the program shuts down',
        ignored: 'ignored: PID 1 has no default action for a signal it does not handle',
        killed: 'it cannot be caught or ignored: the kernel ends the process',
      }[f.outcome];
      return [`${sent}: ${outcome}`];
    },
    exit: (f, s) => [
      f.execFailed
        ? `host PID ${s.num(f.hostPid)}, PID 1 inside, could not run its program (${f.execFailed}): exit code ${s.num(f.code)}`
        : f.oomKilled
          ? `${s.bad('OOM-killed')}: memory use went over memory.max ${s.num(f.memoryMax ?? 0)}, the kernel ended host PID ${s.num(f.hostPid)} (exit code ${s.num(f.code)})`
          : `host PID ${s.num(f.hostPid)} exited with code ${s.num(f.code)}`,
      `processes ended: ${pidList(f.ended, s)}; ${s.path(f.cgroup)} removed`,
      ...(f.restart
        ? [`restart policy "${f.restart.policy}" starts it again in ${s.num(f.restart.delayMs)} ms`]
        : []),
    ],
    removed: (f, s) => [
      `container ${s.path(short(f.container))} (${f.name}): writable layer ${s.path(f.upperDir)} deleted (${s.num(f.bytes)} bytes of changes)`,
      `the image's ${s.num(f.imageLayers)} read-only ${f.imageLayers === 1 ? 'layer stays' : 'layers stay'}: images and other containers use them`,
    ],
    exec: (f, s) => [
      `${f.command} joined container ${f.name}: host PID ${s.num(f.hostPid)} is PID ${s.num(f.nsPid)} inside`,
      `same namespaces as its PID 1: ${ns(f.namespaces, s)}`,
      `same cgroup: ${s.path(f.cgroup)}`,
    ],
    pull: (f, s) => {
      const fetched = f.layers.filter((l) => !l.present);
      const had = f.layers.filter((l) => l.present);
      const list = (ls: typeof f.layers) => {
        const { shown, rest } = firstOf(ls, 8, (k) => `and ${k} more`);
        return [...shown.map((l) => s.path(short(l.digest))), ...(rest ? [rest] : [])].join(', ');
      };
      if (f.upToDate)
        return [
          `${f.ref} is up to date: image ${s.path(short(f.imageId))} and its ${s.num(f.layers.length)} ${plural(f.layers.length, 'layer')} are already stored`,
        ];
      return [
        `${f.ref}: image ${s.path(short(f.imageId))}, ${s.num(f.layers.length)} ${plural(f.layers.length, 'layer')} by digest`,
        ...(fetched.length ? [`downloaded (${s.num(fetched.length)}): ${list(fetched)}`] : []),
        ...(had.length
          ? [`already in the layer store, not downloaded (${s.num(had.length)}): ${list(had)}`]
          : []),
      ];
    },
    'build-run': (f, s) => [
      `\`${f.step}\` ran in a temporary container: host PID ${s.num(f.hostPid)}, exit code ${s.num(f.exitCode)}`,
      `new namespaces ${ns(f.namespaces, s)}; cgroup ${s.path(f.cgroup)}, removed afterwards`,
    ],
    'build-step': (f, s) => {
      const head = `${f.step}: ${f.cached ? s.good('CACHED') : s.bad('built')}, ${reasons[f.reason]}`;
      const lines = [head];
      if (f.parent) lines.push(`parent image ${s.path(short(f.parent))} → ${s.path(short(f.result))}`);
      for (const c of f.changed ?? []) {
        lines.push(
          c.before && c.after
            ? `${c.path} changed: ${s.path(short(c.before))} → ${s.path(short(c.after))}`
            : c.after
              ? `${c.path} is new: ${s.path(short(c.after))}`
              : `${c.path} is gone (was ${s.path(short(c.before ?? ''))})`,
        );
      }
      if (f.cached && f.files?.length) {
        const { shown, rest } = firstOf(f.files, 5, (k) => `and ${k} more files`);
        lines.push(
          `checksums: ${[...shown.map((x) => `${x.path} ${s.path(short(x.checksum))}`), ...(rest ? [rest] : [])].join(', ')}`,
        );
      }
      return lines;
    },
  },
};
