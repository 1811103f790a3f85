import type { FsView } from '../fs/view.js';
import type { NamespaceType, SystemView } from '../kernel/view.js';

/**
 * A simulated program runs to a timeline: what it prints, which processes it starts, how much
 * memory and CPU it uses, which ports it listens on, and when (and how) it exits. Times are
 * milliseconds after the process started. A timeline without an `exit` event is a program
 * that runs until it is signalled (a server, `sleep infinity`).
 *
 * Timelines are data: the engine stores the process's start and reveals events as simulated
 * time reaches them, so `docker logs`, `docker ps` and host `ps` agree at every instant. Programs
 * are deterministic functions of their context, so a timeline can be computed again later (to
 * answer a signal).
 */
export type TimelineEvent =
  | { at: number; kind: 'stdout' | 'stderr'; text: string }
  /** A child process appears (nginx workers, a shell's background job). `key` names it in the timeline. */
  | {
      at: number;
      kind: 'spawn';
      key: string;
      argv: string[];
      /** Process name as `ps -o comm` shows it (defaults to basename of argv[0]). */
      comm?: string;
      /** The full command line as `ps` shows it when a program rewrites it (`nginx: worker process`). */
      cmdline?: string;
      user?: string;
      uid?: number;
      /** Parent key; the main process when absent. */
      parent?: string;
      memory?: number;
    }
  | { at: number; kind: 'child-exit'; key: string; code: number }
  /** The main process execs another program and becomes it (an entrypoint's `exec "$@"`). */
  | { at: number; kind: 'exec'; argv: string[]; comm?: string; cmdline?: string; user?: string; uid?: number }
  /** Resident memory of the main process from then on (bytes). */
  | { at: number; kind: 'memory'; bytes: number; key?: string }
  /** CPU use from then on, in cores (0.02 = 2 % of one CPU). */
  | { at: number; kind: 'cpu'; cores: number; key?: string }
  | { at: number; kind: 'listen'; port: number; proto: 'tcp' | 'udp' }
  /**
   * A tool asks the kernel to send a signal (`kill`): `pid` as the sender sees it (its PID
   * namespace). The engine delivers it; the tool itself only checked that the PID exists.
   */
  | { at: number; kind: 'signal'; pid: number; signal: string }
  /**
   * `nsenter`: run `argv` in the namespaces of `pid` (as the caller sees it). `namespaces` lists
   * the ones to join, in the order util-linux enters them (user, cgroup, ipc, uts, net, pid, mnt, time).
   */
  | { at: number; kind: 'nsenter'; pid: number; namespaces: NamespaceType[]; argv: string[] }
  /** The main process exits; nothing comes after it. */
  | { at: number; kind: 'exit'; code: number };

export interface ProgramRun {
  events: TimelineEvent[];
  /**
   * What the program does when `signal` (`SIGTERM`, `SIGQUIT`, `SIGINT`, `SIGHUP`...) arrives
   * `elapsed` ms after it started: the events that follow, ending with its exit. Absent: the
   * default action, death by the signal (exit code 128 + signal number).
   */
  onSignal?(signal: string, elapsed: number): TimelineEvent[];
}

export interface ProcessContext {
  /** argv[0] as invoked (`sh`, `/usr/sbin/nginx`). */
  argv: string[];
  /** Resolved path of the executable. */
  path: string;
  env: Record<string, string>;
  cwd: string;
  uid: number;
  gid: number;
  user: string;
  tty: boolean;
  /** All of stdin when it is attached (`-i`, a pipe), null when stdin is closed (reads see EOF). */
  stdin: string | null;
  /**
   * Stdin stays open after `stdin` (a terminal, or `-i` with nobody attached): a program that
   * reads to the end of its input waits for more instead of seeing EOF.
   */
  stdinOpen?: boolean;
  /** The filesystem the process sees; writes land in the container's writable layer at once. */
  fs: FsView;
  /** The kernel as the process sees it (its PID namespace, hostname, cgroup limits...). */
  sys: SystemView;
  /** Runs another program of the same container (what a shell does for each command). */
  exec(argv: string[], opts?: ExecOptions): Promise<ProgramRun>;
  /** Deterministic randomness (seeded per process). */
  random(): number;
  /** The process's network namespace: DNS, interfaces and who listens where (absent: no network). */
  net?: NetView;
}

/** A network interface as `ip addr` lists it. */
export interface NetInterface {
  index: number;
  name: string;
  /** Interface index of the veth peer (`eth0@if5`); absent for lo, NICs and bridges. */
  peer?: number;
  kind: 'loopback' | 'ether' | 'bridge' | 'veth';
  mac: string;
  mtu: number;
  qdisc: string;
  qlen?: number;
  /** False for a bridge without ports (NO-CARRIER, state DOWN). */
  carrier: boolean;
  master?: string;
  /** The peer's network namespace as the host numbers it (`link-netnsid 0`). */
  linkNetnsId?: number;
  ipv4?: { address: string; prefix: number; broadcast?: string; dynamic?: boolean; metric?: number };
  /** Link-local or loopback IPv6 address with its prefix (`fe80::42:acff:fe11:2/64`). */
  ipv6?: { address: string; prefix: number; scope: 'host' | 'link' };
}

export interface NetRoute {
  /** `default` or a CIDR block. */
  dst: string;
  via?: string;
  dev: string;
  proto?: 'kernel' | 'dhcp';
  scope?: 'link';
  src?: string;
  metric?: number;
  linkdown?: boolean;
}

/** Who answered a connection: the listening program and what its container holds. */
export interface NetPeer {
  /** The listening process's name (`nginx`, `httpd`, `postgres`, `node`). */
  program: string;
  argv: string[];
  env: Record<string, string>;
  /** The listening process's working directory. */
  cwd: string;
  /** The listener's filesystem, as its own processes see it. */
  fs(): FsView;
}

export type NetFailure = 'refused' | 'unreachable' | 'reset';

/**
 * A process's view of the network (what sockets would tell it): DNS answers behind
 * /etc/hosts, its interfaces and routes, and which programs listen at an address and port.
 */
export interface NetView {
  /** The name server /etc/resolv.conf points at (127.0.0.11 on user-defined networks). */
  nameserver(): string | undefined;
  /** The name server's answer for a name (container names resolve on user-defined networks only). */
  dns(name: string): string | undefined;
  /** The name server's PTR answer for an address (`web.mynet`). */
  reverse(ip: string): string | undefined;
  interfaces(): NetInterface[];
  routes(): NetRoute[];
  /** A TCP (or UDP) connection to `ip:port`. */
  connect(ip: string, port: number, proto?: 'tcp' | 'udp'): NetPeer | NetFailure;
  /** Whether an ICMP echo to `ip` is answered. */
  ping(ip: string): boolean;
}

export interface ExecOptions {
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string | null;
}

export interface Program {
  /** Registry name (`busybox`, `coreutils:ls`, `nginx`). */
  readonly name: string;
  run(ctx: ProcessContext): ProgramRun | Promise<ProgramRun>;
  /**
   * A program that reads lines at its own prompt on a terminal (`mysql>`, `redis-cli`'s
   * `127.0.0.1:6379> `, `postgres=#`): what `docker exec -it db mysql -p...` drives line by
   * line. Absent: the program only runs to a timeline. Undefined from the call: this
   * invocation is not interactive (`--version`, `-e QUERY`, a failed connection), so `run` is used.
   */
  session?(ctx: ProcessContext): ReplSession | undefined | Promise<ReplSession | undefined>;
}

/** One interactive session of a program (see Program.session). */
export interface ReplSession {
  /** What the program prints before its first prompt (a banner, `Welcome to the MySQL monitor…`). */
  banner: string;
  /** The prompt for the next line (it may change: `mysql>` then `    ->` inside a statement). */
  prompt(): string;
  /** Handles one typed line; `exit` set when the program ends (`exit`, `\q`, `quit`). */
  line(text: string): Promise<{ output: string; exit?: number }> | { output: string; exit?: number };
}
