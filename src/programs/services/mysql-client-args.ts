/** The mysql client's options (the subset the simulation reads), as its option parser sees them. */
export interface MysqlArgs {
  user?: string;
  /** undefined: no -p; null: -p without a value (it asks). */
  password?: string | null;
  host?: string;
  port: number;
  database?: string;
  /** Each -e adds statements. */
  execute?: string;
  skipColumnNames: boolean;
  silent: number;
  batch: boolean;
  table: boolean;
  vertical: boolean;
  raw: boolean;
  version: boolean;
  noAutoRehash: boolean;
  /** An option the client does not know: it prints its error and exits 1. */
  unknown?: string;
}

const WITH_VALUE: Record<string, keyof MysqlArgs> = {
  u: 'user',
  h: 'host',
  P: 'port',
  D: 'database',
  e: 'execute',
};

const LONG: Record<string, keyof MysqlArgs> = {
  user: 'user',
  host: 'host',
  port: 'port',
  database: 'database',
  execute: 'execute',
};

const FLAGS: Record<string, (a: MysqlArgs) => void> = {
  N: (a) => {
    a.skipColumnNames = true;
  },
  s: (a) => {
    a.silent++;
  },
  B: (a) => {
    a.batch = true;
  },
  t: (a) => {
    a.table = true;
  },
  E: (a) => {
    a.vertical = true;
  },
  r: (a) => {
    a.raw = true;
  },
  V: (a) => {
    a.version = true;
  },
  A: (a) => {
    a.noAutoRehash = true;
  },
};

const LONG_FLAGS: Record<string, string> = {
  'skip-column-names': 'N',
  silent: 's',
  batch: 'B',
  table: 't',
  vertical: 'E',
  raw: 'r',
  version: 'V',
  'no-auto-rehash': 'A',
};

function set(a: MysqlArgs, key: keyof MysqlArgs, value: string): void {
  if (key === 'port') a.port = Number(value) || 3306;
  else if (key === 'execute') a.execute = a.execute === undefined ? value : `${a.execute};${value}`;
  else (a as unknown as Record<string, string>)[key] = value;
}

export function parseMysqlArgs(argv: string[]): MysqlArgs {
  const a: MysqlArgs = {
    port: 3306,
    skipColumnNames: false,
    silent: 0,
    batch: false,
    table: false,
    vertical: false,
    raw: false,
    version: false,
    noAutoRehash: false,
  };
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const long = /^--([a-z-]+)(?:=([\s\S]*))?$/.exec(arg);
    if (long) {
      const [, name, value] = long as unknown as [string, string, string | undefined];
      if (name === 'password') a.password = value ?? null;
      else if (LONG[name]) set(a, LONG[name]!, value ?? argv[++i] ?? '');
      else if (LONG_FLAGS[name]) FLAGS[LONG_FLAGS[name]!]!(a);
      else if (!['no-beep', 'protocol', 'default-character-set', 'ssl-mode', 'socket'].includes(name))
        a.unknown ??= arg;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    // A cluster of short options (`-Ns`); one taking a value takes the rest or the next word.
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if (c === 'p') {
        a.password = arg.length > j + 1 ? arg.slice(j + 1) : null;
        break;
      }
      if (WITH_VALUE[c]) {
        set(a, WITH_VALUE[c]!, arg.length > j + 1 ? arg.slice(j + 1) : (argv[++i] ?? ''));
        break;
      }
      if (FLAGS[c]) FLAGS[c]!(a);
      else {
        a.unknown ??= `-${c}`;
        break;
      }
    }
  }
  if (operands[0] !== undefined) a.database ??= operands[0];
  return a;
}
