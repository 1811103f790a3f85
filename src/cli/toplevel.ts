import { wrapText } from './help.js';
import { COMMANDS, type CommandEntry, GROUPS, type Section, TOP_LEVEL_SECTIONS } from './registry.js';

export const CLIENT_VERSION = '28.2.2';
export const CLIENT_COMMIT = 'e6534b4';

/** docker's global options, which come before the command word. */
export interface GlobalOptions {
  debug: boolean;
  version: boolean;
  help: boolean;
  explain: boolean;
  desktop: boolean;
}

interface GlobalFlag {
  names: string;
  type?: string;
  help: string;
  key?: keyof GlobalOptions;
}

const GLOBAL_FLAGS: GlobalFlag[] = [
  { names: '    --config', type: 'string', help: 'Location of client config files (default\n"~/.docker")' },
  {
    names: '-c, --context',
    type: 'string',
    help: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  },
  { names: '-D, --debug', help: 'Enable debug mode', key: 'debug' },
  {
    names: '    --desktop',
    help: 'Run as Docker Desktop does on macOS/Windows: the engine inside a Linux VM (dockersim)',
    key: 'desktop',
  },
  { names: '    --explain', help: 'Narrate what the engine did underneath (dockersim)', key: 'explain' },
  { names: '-H, --host', type: 'list', help: 'Daemon socket to connect to' },
  {
    names: '-l, --log-level',
    type: 'string',
    help: 'Set the logging level ("debug", "info", "warn", "error", "fatal") (default "info")',
  },
  { names: '    --tls', help: 'Use TLS; implied by --tlsverify' },
  { names: '    --tlscacert', type: 'string', help: 'Trust certs signed only by this CA' },
  { names: '    --tlscert', type: 'string', help: 'Path to TLS certificate file' },
  { names: '    --tlskey', type: 'string', help: 'Path to TLS key file' },
  { names: '    --tlsverify', help: 'Use TLS and verify the remote' },
  { names: '-v, --version', help: 'Print version information and quit', key: 'version' },
];

const COMMON_ORDER = [
  'run',
  'exec',
  'ps',
  'build',
  'pull',
  'push',
  'images',
  'login',
  'logout',
  'search',
  'version',
  'info',
];

export const TOP_USAGE = 'docker [OPTIONS] COMMAND [ARG...]';

/**
 * Splits the global options off the front of argv. Returns the options, the rest of argv,
 * or the offending flag when one is unknown or lacks its value.
 */
export function parseGlobals(argv: string[]): { globals: GlobalOptions; rest: string[]; error?: string } {
  const globals: GlobalOptions = {
    debug: false,
    version: false,
    help: false,
    explain: false,
    desktop: false,
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg === '-h' || arg === '--help') {
      globals.help = true;
      continue;
    }
    const [name, inline] = arg.startsWith('--')
      ? splitOnce(arg, '=')
      : [arg.slice(0, 2), arg.length > 2 ? arg.slice(2) : undefined];
    const flag = GLOBAL_FLAGS.find((f) => f.names.trim().split(', ').includes(name));
    if (!flag) {
      return {
        globals,
        rest: [],
        error: name.startsWith('--')
          ? `unknown flag: ${name}`
          : `unknown shorthand flag: '${arg[1]}' in ${arg}`,
      };
    }
    if (flag.type) {
      if (inline === undefined) {
        if (i + 1 >= argv.length) {
          return {
            globals,
            rest: [],
            error: `flag needs an argument: ${name.startsWith('--') ? name : `'${name[1]}' in ${name}`}`,
          };
        }
        i++;
      }
    } else if (flag.key) {
      globals[flag.key] =
        inline === undefined || !['false', '0', 'f', 'F', 'FALSE', 'False'].includes(inline);
    }
  }
  return { globals, rest: argv.slice(i) };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, undefined] : [s.slice(0, at), s.slice(at + 1)];
}

/** One row per command; names padded as cobra pads them: to 11, or to the longest command name. */
function listing(entries: { name: string; description: string }[], width = 11): string {
  return entries.map((e) => `  ${e.name.padEnd(width)} ${e.description}\n`).join('');
}

function sectionOf(entry: CommandEntry): { name: string; section: Section } | undefined {
  if (!entry.path.includes(' ')) return { name: entry.path, section: entry.section ?? 'commands' };
  for (const alias of entry.aliases ?? []) {
    if (!alias.includes(' '))
      return { name: alias, section: TOP_LEVEL_SECTIONS[alias] ?? entry.section ?? 'commands' };
  }
  return undefined;
}

/** `docker --help`, listing the commands dockersim simulates, in docker's sections. */
export function renderTopLevelHelp(): string {
  const bySection: Record<Section, { name: string; description: string }[]> = {
    common: [],
    management: GROUPS.map((g) => ({ name: g.name, description: g.description })),
    commands: [],
    dockersim: [],
  };
  for (const entry of COMMANDS) {
    const where = sectionOf(entry);
    if (where) bySection[where.section].push({ name: where.name, description: entry.description });
  }
  bySection.commands.sort((a, b) => (a.name < b.name ? -1 : 1));
  bySection.common.sort((a, b) => COMMON_ORDER.indexOf(a.name) - COMMON_ORDER.indexOf(b.name));
  let out = 'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\n';
  const width = Math.max(11, ...Object.values(bySection).flatMap((rows) => rows.map((r) => r.name.length)));
  out += `Common Commands:\n${listing(bySection.common, width)}\n`;
  out += `Management Commands:\n${listing(bySection.management, width)}\n`;
  if (bySection.commands.length) out += `Commands:\n${listing(bySection.commands, width)}\n`;
  out += `dockersim Commands:\n${listing(bySection.dockersim, width)}\n`;
  out += `Global Options:\n${renderGlobalFlags()}\n`;
  out += "Run 'docker COMMAND --help' for more information on a command.\n\n";
  out += 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/\n';
  return out;
}

function renderGlobalFlags(): string {
  const lefts = GLOBAL_FLAGS.map((f) => `  ${f.names}${f.type ? ` ${f.type}` : ''}`);
  const width = Math.max(...lefts.map((l) => l.length));
  return GLOBAL_FLAGS.map((f, i) => {
    const left = lefts[i]!;
    return `${left}${' '.repeat(width - left.length + 3)}${wrapText(width + 3, 79, f.help)}\n`;
  }).join('');
}
