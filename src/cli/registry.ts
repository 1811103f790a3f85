import type { ParsedCommand } from './argv.js';
import type { CommandContext } from './context.js';
import type { CommandSpec } from './spec.js';

/** A command file: its spec and the function that runs it (returns the exit code). */
export interface CommandModule {
  spec: CommandSpec;
  run(ctx: CommandContext, parsed: ParsedCommand): Promise<number | undefined>;
}

export type Section = 'common' | 'management' | 'commands' | 'dockersim';

export interface CommandEntry {
  /** Canonical path (`container ls`). */
  path: string;
  description: string;
  /** Where `docker --help` lists it (top-level entries only). */
  section?: Section;
  /** Other paths that run the same command (`ps`, `container list`). */
  aliases?: string[];
  load: () => Promise<CommandModule>;
}

export interface GroupEntry {
  name: string;
  description: string;
}

/** Management commands: `docker <group> <verb>`. */
export const GROUPS: GroupEntry[] = [
  { name: 'builder', description: 'Manage builds' },
  { name: 'container', description: 'Manage containers' },
  { name: 'image', description: 'Manage images' },
  { name: 'network', description: 'Manage networks' },
  { name: 'system', description: 'Manage Docker' },
  { name: 'volume', description: 'Manage volumes' },
];

/**
 * Every command dockersim knows, loaded only when invoked so that start-up stays close to a
 * bare `node` process.
 */
export const COMMANDS: CommandEntry[] = [
  {
    path: 'container run',
    description: 'Create and run a new container from an image',
    aliases: ['run'],
    section: 'common',
    load: () => import('./commands/container/run.js'),
  },
  {
    path: 'container exec',
    description: 'Execute a command in a running container',
    aliases: ['exec'],
    section: 'common',
    load: () => import('./commands/container/exec.js'),
  },
  {
    path: 'container ls',
    description: 'List containers',
    aliases: ['ps', 'container list', 'container ps'],
    section: 'common',
    load: () => import('./commands/container/ls.js'),
  },
  {
    path: 'container create',
    description: 'Create a new container',
    aliases: ['create'],
    load: () => import('./commands/container/create.js'),
  },
  {
    path: 'container start',
    description: 'Start one or more stopped containers',
    aliases: ['start'],
    load: () => import('./commands/container/start.js'),
  },
  {
    path: 'container stop',
    description: 'Stop one or more running containers',
    aliases: ['stop'],
    load: () => import('./commands/container/lifecycle.js').then((m) => m.stop),
  },
  {
    path: 'container restart',
    description: 'Restart one or more containers',
    aliases: ['restart'],
    load: () => import('./commands/container/lifecycle.js').then((m) => m.restart),
  },
  {
    path: 'container kill',
    description: 'Kill one or more running containers',
    aliases: ['kill'],
    load: () => import('./commands/container/lifecycle.js').then((m) => m.kill),
  },
  {
    path: 'container pause',
    description: 'Pause all processes within one or more containers',
    aliases: ['pause'],
    load: () => import('./commands/container/lifecycle.js').then((m) => m.pause),
  },
  {
    path: 'container unpause',
    description: 'Unpause all processes within one or more containers',
    aliases: ['unpause'],
    load: () => import('./commands/container/lifecycle.js').then((m) => m.unpause),
  },
  {
    path: 'container rm',
    description: 'Remove one or more containers',
    aliases: ['rm', 'container remove'],
    load: () => import('./commands/container/lifecycle.js').then((m) => m.rm),
  },
  {
    path: 'container rename',
    description: 'Rename a container',
    aliases: ['rename'],
    load: () => import('./commands/container/lifecycle.js').then((m) => m.rename),
  },
  {
    path: 'container wait',
    description: 'Block until one or more containers stop, then print their exit codes',
    aliases: ['wait'],
    load: () => import('./commands/container/lifecycle.js').then((m) => m.wait),
  },
  {
    path: 'container logs',
    description: 'Fetch the logs of a container',
    aliases: ['logs'],
    load: () => import('./commands/container/logs.js'),
  },
  {
    path: 'container top',
    description: 'Display the running processes of a container',
    aliases: ['top'],
    load: () => import('./commands/container/top.js'),
  },
  {
    path: 'container stats',
    description: 'Display a live stream of container(s) resource usage statistics',
    aliases: ['stats'],
    load: () => import('./commands/container/stats.js'),
  },
  {
    path: 'container inspect',
    description: 'Display detailed information on one or more containers',
    load: () => import('./commands/container/inspect.js'),
  },
  {
    path: 'container port',
    description: 'List port mappings or a specific mapping for the container',
    aliases: ['port'],
    load: () => import('./commands/container/port.js'),
  },
  {
    path: 'container prune',
    description: 'Remove all stopped containers',
    load: () => import('./commands/container/prune.js'),
  },
  {
    path: 'container diff',
    description: "Inspect changes to files or directories on a container's filesystem",
    aliases: ['diff'],
    load: () => import('./commands/container/changes.js').then((m) => m.diff),
  },
  {
    path: 'container commit',
    description: "Create a new image from a container's changes",
    aliases: ['commit'],
    load: () => import('./commands/container/changes.js').then((m) => m.commit),
  },
  {
    path: 'container attach',
    description: 'Attach local standard input, output, and error streams to a running container',
    aliases: ['attach'],
    load: () => import('./commands/container/attach-cmd.js').then((m) => m.attach),
  },
  {
    path: 'container update',
    description: 'Update configuration of one or more containers',
    aliases: ['update'],
    load: () => import('./commands/container/update.js').then((m) => m.update),
  },
  {
    path: 'container cp',
    description: 'Copy files/folders between a container and the local filesystem',
    aliases: ['cp'],
    load: () => import('./commands/container/files.js').then((m) => m.cp),
  },
  {
    path: 'container export',
    description: "Export a container's filesystem as a tar archive",
    aliases: ['export'],
    load: () => import('./commands/container/files.js').then((m) => m.exportCmd),
  },
  {
    path: 'image import',
    description: 'Import the contents from a tarball to create a filesystem image',
    aliases: ['import'],
    load: () => import('./commands/container/files.js').then((m) => m.importCmd),
  },
  {
    path: 'system events',
    description: 'Get real time events from the server',
    aliases: ['events'],
    load: () => import('./commands/system/events.js'),
  },
  {
    path: 'host',
    description: 'Run a command on the simulated Docker host (ps -e, pstree, lsns, cat /proc/...)',
    section: 'dockersim',
    load: () => import('./commands/dockersim/host.js'),
  },
  {
    path: 'image build',
    description: 'Build an image from a Dockerfile',
    aliases: ['build', 'builder build'],
    section: 'common',
    load: () => import('./commands/image/build.js'),
  },
  {
    path: 'image pull',
    description: 'Download an image from a registry',
    aliases: ['pull'],
    load: () => import('./commands/image/pull.js'),
  },
  {
    path: 'image ls',
    description: 'List images',
    aliases: ['images', 'image list'],
    load: () => import('./commands/image/ls.js'),
  },
  {
    path: 'search',
    description: 'Search Docker Hub for images',
    section: 'common',
    load: () => import('./commands/image/search.js'),
  },
  {
    path: 'image history',
    description: 'Show the history of an image',
    aliases: ['history'],
    load: () => import('./commands/image/history.js'),
  },
  {
    path: 'image inspect',
    description: 'Display detailed information on one or more images',
    load: () => import('./commands/image/inspect.js'),
  },
  {
    path: 'image load',
    description: 'Load an image from a tar archive or STDIN',
    aliases: ['load'],
    load: () => import('./commands/image/load.js'),
  },
  {
    path: 'image prune',
    description: 'Remove unused images',
    load: () => import('./commands/image/prune.js'),
  },
  {
    path: 'image rm',
    description: 'Remove one or more images',
    aliases: ['rmi', 'image remove'],
    load: () => import('./commands/image/rm.js'),
  },
  {
    path: 'image save',
    description: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
    aliases: ['save'],
    load: () => import('./commands/image/save.js'),
  },
  {
    path: 'image tag',
    description: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    aliases: ['tag'],
    load: () => import('./commands/image/tag.js'),
  },
  {
    path: 'inspect',
    description: 'Return low-level information on Docker objects',
    load: () => import('./commands/system/inspect.js'),
  },
  {
    path: 'system df',
    description: 'Show docker disk usage',
    load: () => import('./commands/system/df.js'),
  },
  {
    path: 'version',
    description: 'Show the Docker version information',
    section: 'common',
    load: () => import('./commands/system/version.js'),
  },
  {
    path: 'system info',
    description: 'Display system-wide information',
    aliases: ['info'],
    load: () => import('./commands/system/info.js'),
  },
  {
    path: 'builder prune',
    description: 'Remove build cache',
    load: () => import('./commands/image/builder-prune.js'),
  },
  {
    path: 'shell',
    description: 'Open the playground: a terminal on the simulated Docker host',
    section: 'dockersim',
    load: () => import('./commands/dockersim/shell.js'),
  },
  {
    path: 'learn',
    description: 'Lessons that check your work: learn list, start N, check, hint, reset',
    section: 'dockersim',
    load: () => import('./commands/dockersim/learn.js'),
  },
  {
    path: 'test-transcript',
    description: 'Replay transcripts against a fresh state and report what passed',
    section: 'dockersim',
    load: () => import('./commands/dockersim/test-transcript.js'),
  },
  {
    path: 'vm',
    description: 'Virtual machines on a simulated hypervisor: vm create, start, ls, ssh, stop, rm',
    section: 'dockersim',
    load: () => import('./commands/dockersim/vm.js'),
  },
  {
    path: 'compare',
    description: 'Run nginx as a container and as a VM and compare them side by side',
    section: 'dockersim',
    load: () => import('./commands/dockersim/compare.js'),
  },
  {
    path: 'reset',
    description: 'Remove all dockersim state (images, containers, volumes) and start afresh',
    section: 'dockersim',
    load: () => import('./commands/dockersim/reset.js'),
  },
  {
    path: 'network create',
    description: 'Create a network',
    load: () => import('./commands/network/create.js'),
  },
  {
    path: 'network connect',
    description: 'Connect a container to a network',
    load: () => import('./commands/network/connect.js').then((m) => m.connect),
  },
  {
    path: 'network disconnect',
    description: 'Disconnect a container from a network',
    load: () => import('./commands/network/connect.js').then((m) => m.disconnect),
  },
  {
    path: 'network inspect',
    description: 'Display detailed information on one or more networks',
    load: () => import('./commands/network/inspect.js'),
  },
  {
    path: 'network ls',
    description: 'List networks',
    aliases: ['network list'],
    load: () => import('./commands/network/ls.js'),
  },
  {
    path: 'network prune',
    description: 'Remove all unused networks',
    load: () => import('./commands/network/rm.js').then((m) => m.prune),
  },
  {
    path: 'network rm',
    description: 'Remove one or more networks',
    aliases: ['network remove'],
    load: () => import('./commands/network/rm.js').then((m) => m.rm),
  },
  {
    path: 'volume create',
    description: 'Create a volume',
    load: () => import('./commands/volume/create.js'),
  },
  {
    path: 'volume inspect',
    description: 'Display detailed information on one or more volumes',
    load: () => import('./commands/volume/verbs.js').then((m) => m.inspect),
  },
  {
    path: 'volume ls',
    description: 'List volumes',
    aliases: ['volume list'],
    load: () => import('./commands/volume/ls.js'),
  },
  {
    path: 'volume prune',
    description: 'Remove unused local volumes',
    load: () => import('./commands/volume/verbs.js').then((m) => m.prune),
  },
  {
    path: 'volume rm',
    description: 'Remove one or more volumes',
    aliases: ['volume remove'],
    load: () => import('./commands/volume/verbs.js').then((m) => m.rm),
  },
];

/** Top-level listing entries for `docker --help`, aliases included (`info` is a common command). */
export const TOP_LEVEL_SECTIONS: Record<string, Section> = {
  build: 'common',
  info: 'common',
  pull: 'common',
  images: 'common',
  run: 'common',
  exec: 'common',
  ps: 'common',
};

export function findCommand(path: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.path === path || c.aliases?.includes(path));
}

export function isGroup(word: string): boolean {
  return GROUPS.some((g) => g.name === word);
}

export function groupCommands(group: string): { name: string; entry: CommandEntry }[] {
  const found: { name: string; entry: CommandEntry }[] = [];
  for (const entry of COMMANDS) {
    for (const path of [entry.path, ...(entry.aliases ?? [])]) {
      const [head, verb] = path.split(' ');
      if (head === group && verb && !found.some((f) => f.entry === entry)) found.push({ name: verb, entry });
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : 1));
}
