/**
 * The shapes of the offline registry's fixtures (fixtures/registry/) and their validation.
 * Every problem is a CatalogError that names the file and the field, because a fixture is data that
 * people edit by hand and a silent default would only move the mistake somewhere harder to find.
 */

/** One entry of a layer, after expansion. `path` is relative to the root, without a leading slash. */
export interface CatalogFile {
  path: string;
  type: 'dir' | 'file' | 'symlink' | 'program' | 'whiteout';
  mode: number;
  uid: number;
  gid: number;
  content?: string;
  target?: string;
  program?: string;
}

export interface CatalogLayer {
  name: string;
  size: number;
  compressedSize: number;
  /** What the layer stands for (the instruction or tarball), for explanations. */
  comment?: string;
  files: CatalogFile[];
}

export interface CatalogHistory {
  created: string;
  created_by: string;
  comment?: string;
  empty_layer?: boolean;
  author?: string;
}

export interface CatalogImageConfig {
  Env: string[];
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  WorkingDir: string;
  ExposedPorts?: Record<string, object>;
  Volumes: Record<string, object> | null;
  User: string;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; Retries?: number };
}

/** An image of a repository file as written, before its layers are loaded. */
export interface ImageDoc {
  created: string;
  author: string;
  layers: string[];
  history: CatalogHistory[];
  config: CatalogImageConfig;
}

export interface RepositoryDoc {
  description: string;
  stars: number;
  official: boolean;
  tags: Record<string, string>;
  images: Record<string, ImageDoc>;
}

/** A malformed or missing fixture; the message starts with the file and names the field. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

type Json = Record<string, unknown>;

/** Reads fields of one JSON object and reports problems as `<file>: <field>: <problem>`. */
export class Reader {
  constructor(
    readonly file: string,
    readonly at: string,
    readonly obj: Json,
  ) {}

  static root(file: string, value: unknown): Reader {
    if (!isObject(value)) throw new CatalogError(`${file}: expected a JSON object`);
    return new Reader(file, '', value);
  }

  fail(field: string, problem: string): never {
    throw new CatalogError(`${this.file}: ${this.path(field)}: ${problem}`);
  }

  path(field: string): string {
    if (field === '') return this.at || '(top level)';
    const part = /^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*$/.test(field) ? field : JSON.stringify(field);
    if (this.at === '') return part;
    return part.startsWith('"') ? `${this.at}[${part}]` : `${this.at}.${part}`;
  }

  /** Only these keys may appear: a typo in a key should not be ignored. */
  only(keys: readonly string[]): void {
    for (const k of Object.keys(this.obj)) if (!keys.includes(k)) this.fail(k, 'unknown field');
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }

  string(key: string, pattern?: RegExp, what = 'a string'): string {
    const v = this.obj[key];
    if (typeof v !== 'string' || (pattern && !pattern.test(v))) this.fail(key, `expected ${what}`);
    return v;
  }

  optString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  int(key: string): number {
    const v = this.obj[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      this.fail(key, 'expected a whole number ≥ 0');
    return v;
  }

  bool(key: string): boolean {
    const v = this.obj[key];
    if (typeof v !== 'boolean') this.fail(key, 'expected true or false');
    return v;
  }

  strings(key: string, nonEmpty = false): string[] {
    const v = this.obj[key];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string') || (nonEmpty && v.length === 0)) {
      this.fail(key, nonEmpty ? 'expected a non-empty list of strings' : 'expected a list of strings');
    }
    return [...(v as string[])];
  }

  stringsOrNull(key: string): string[] | null {
    return this.obj[key] === null || !this.has(key) ? null : this.strings(key);
  }

  object(key: string): Reader {
    const v = this.obj[key];
    if (!isObject(v)) this.fail(key, 'expected an object');
    return new Reader(this.file, this.path(key), v);
  }

  objects(key: string): Reader[] {
    const v = this.obj[key];
    if (!Array.isArray(v)) this.fail(key, 'expected a list');
    return v.map((e, i) => {
      const at = `${this.path(key)}[${i}]`;
      if (!isObject(e)) throw new CatalogError(`${this.file}: ${at}: expected an object`);
      return new Reader(this.file, at, e);
    });
  }

  /** An object whose values are all strings (labels, tags). */
  stringMap(key: string): Record<string, string> {
    const r = this.object(key);
    return Object.fromEntries(Object.keys(r.obj).map((k) => [k, r.string(k)]));
  }

  /** An object used as a set, as Docker writes ExposedPorts and Volumes: `{ "80/tcp": {} }`. */
  set(key: string, keyPattern: RegExp, what: string): Record<string, object> {
    const r = this.object(key);
    return Object.fromEntries(
      Object.keys(r.obj).map((k) => {
        if (!keyPattern.test(k)) r.fail(k, `expected ${what}`);
        r.object(k);
        return [k, {}];
      }),
    );
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
export const LAYER_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

export function parseRepository(file: string, json: unknown): RepositoryDoc {
  const r = Reader.root(file, json);
  r.only(['description', 'stars', 'official', 'tags', 'images']);
  const imagesReader = r.object('images');
  const images: Record<string, ImageDoc> = Object.fromEntries(
    Object.keys(imagesReader.obj).map((key) => [key, parseImage(imagesReader.object(key))]),
  );
  const tags = r.stringMap('tags');
  const tagReader = r.object('tags');
  for (const [tag, key] of Object.entries(tags)) {
    if (!TAG.test(tag)) tagReader.fail(tag, 'not a valid tag name');
    if (!Object.hasOwn(images, key)) tagReader.fail(tag, `names image "${key}", which is not under "images"`);
  }
  return {
    description: r.string('description'),
    stars: r.int('stars'),
    official: r.bool('official'),
    tags,
    images,
  };
}

function parseImage(r: Reader): ImageDoc {
  r.only(['created', 'author', 'layers', 'history', 'config']);
  const layers = r.strings('layers', true);
  layers.forEach((name, i) => {
    if (!LAYER_NAME.test(name)) r.fail(`layers[${i}]`, 'expected a layer name (lower case, digits, . _ -)');
  });
  const history = r.objects('history').map(parseHistory);
  const nonEmpty = history.filter((h) => !h.empty_layer).length;
  if (nonEmpty !== layers.length) {
    r.fail('history', `${nonEmpty} entries without empty_layer, but ${layers.length} layers`);
  }
  return {
    created: r.string('created', RFC3339, 'an RFC 3339 time'),
    author: r.optString('author') ?? '',
    layers,
    history,
    config: parseConfig(r.object('config')),
  };
}

function parseHistory(r: Reader): CatalogHistory {
  r.only(['created', 'created_by', 'comment', 'empty_layer', 'author']);
  const h: CatalogHistory = {
    created: r.string('created', RFC3339, 'an RFC 3339 time'),
    created_by: r.string('created_by'),
  };
  const comment = r.optString('comment');
  if (comment !== undefined) h.comment = comment;
  if (r.has('empty_layer') && r.bool('empty_layer')) h.empty_layer = true;
  const author = r.optString('author');
  if (author !== undefined) h.author = author;
  return h;
}

function parseConfig(r: Reader): CatalogImageConfig {
  r.only([
    'Env',
    'Cmd',
    'Entrypoint',
    'WorkingDir',
    'ExposedPorts',
    'Volumes',
    'User',
    'Labels',
    'StopSignal',
    'Healthcheck',
  ]);
  const env = r.has('Env') ? r.strings('Env') : [];
  env.forEach((e, i) => {
    if (!e.includes('=')) r.fail(`Env[${i}]`, 'expected NAME=value');
  });
  const config: CatalogImageConfig = {
    Env: env,
    Cmd: r.stringsOrNull('Cmd'),
    Entrypoint: r.stringsOrNull('Entrypoint'),
    WorkingDir: r.has('WorkingDir') ? r.string('WorkingDir') : '',
    Volumes: r.has('Volumes') && r.obj.Volumes !== null ? r.set('Volumes', /^\//, 'an absolute path') : null,
    User: r.has('User') ? r.string('User') : '',
    Labels: r.has('Labels') && r.obj.Labels !== null ? r.stringMap('Labels') : null,
  };
  if (r.has('ExposedPorts'))
    config.ExposedPorts = r.set('ExposedPorts', /^\d{1,5}\/(tcp|udp|sctp)$/, 'port/protocol');
  if (r.has('StopSignal'))
    config.StopSignal = r.string('StopSignal', /^(SIG[A-Z0-9+-]+|\d+)$/, 'a signal name');
  if (r.has('Healthcheck')) config.Healthcheck = parseHealthcheck(r.object('Healthcheck'));
  return config;
}

function parseHealthcheck(r: Reader): NonNullable<CatalogImageConfig['Healthcheck']> {
  r.only(['Test', 'Interval', 'Timeout', 'Retries']);
  const hc: NonNullable<CatalogImageConfig['Healthcheck']> = { Test: r.strings('Test', true) };
  if (r.has('Interval')) hc.Interval = r.int('Interval');
  if (r.has('Timeout')) hc.Timeout = r.int('Timeout');
  if (r.has('Retries')) hc.Retries = r.int('Retries');
  return hc;
}
