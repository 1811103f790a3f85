import type {
  AnswerSource,
  Check,
  CheckBody,
  ContainerCriteria,
  DiffKind,
  Lesson,
  Step,
  Text,
} from './types.js';

/** A lesson file that does not follow the format; the message names the offending place. */
export class LessonFormatError extends Error {}

type Obj = Record<string, unknown>;

function fail(at: string, message: string): never {
  throw new LessonFormatError(`${at}: ${message}`);
}

function object(v: unknown, at: string, keys: string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, 'expected an object');
  for (const k of Object.keys(v)) {
    if (!keys.includes(k)) fail(`${at}.${k}`, `unknown key (known: ${keys.join(', ')})`);
  }
  return v as Obj;
}

function string(v: unknown, at: string): string {
  if (typeof v !== 'string' || v === '') fail(at, 'expected a non-empty string');
  return v;
}

function optString(v: unknown, at: string): string | undefined {
  return v === undefined ? undefined : string(v, at);
}

function optBool(v: unknown, at: string): boolean | undefined {
  if (v !== undefined && typeof v !== 'boolean') fail(at, 'expected true or false');
  return v as boolean | undefined;
}

function optInt(v: unknown, at: string): number | undefined {
  if (v !== undefined && !Number.isInteger(v)) fail(at, 'expected a whole number');
  return v as number | undefined;
}

/** A text: `{ "en": ..., "ko": ... }`, each a string or a list of lines. */
export function parseText(v: unknown, at: string): Text {
  const o = object(v, at, ['en', 'ko']);
  const one = (lang: 'en' | 'ko'): string => {
    const x = o[lang];
    if (Array.isArray(x) && x.length > 0 && x.every((l) => typeof l === 'string')) return x.join('\n');
    return string(x, `${at}.${lang}`);
  };
  return { en: one('en'), ko: one('ko') };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** Docker's memory sizes: `64m`, `1g`, `512k`, a byte count, as `-m` takes them (binary units). */
export function parseMemory(v: unknown, at: string): number {
  if (Number.isInteger(v) && (v as number) > 0) return v as number;
  const m = typeof v === 'string' ? /^(\d+)([bkmgt]?)b?$/i.exec(v.trim()) : null;
  if (!m) fail(at, 'expected a size such as "64m" or a number of bytes');
  return Number(m[1]) * UNITS[m[2]!.toLowerCase()]!;
}

const CRITERIA = [
  'image',
  'name',
  'running',
  'status',
  'exitCode',
  'oomKilled',
  'memory',
  'port',
  'hostname',
  'pidMode',
  'network',
  'env',
  'logs',
  'hasFile',
  'diff',
];
const KINDS: DiffKind[] = ['A', 'C', 'D', 'any', 'none'];

export function parseCriteria(v: unknown, at: string, extra: string[] = []): ContainerCriteria {
  const o = object(v, at, [...CRITERIA, ...extra]);
  const c: ContainerCriteria = {};
  const put = <K extends keyof ContainerCriteria>(k: K, x: ContainerCriteria[K]) => {
    if (x !== undefined) c[k] = x;
  };
  for (const k of [
    'image',
    'name',
    'status',
    'hostname',
    'pidMode',
    'network',
    'env',
    'logs',
    'hasFile',
  ] as const) {
    put(k, optString(o[k], `${at}.${k}`));
  }
  put('running', optBool(o.running, `${at}.running`));
  put('oomKilled', optBool(o.oomKilled, `${at}.oomKilled`));
  put('exitCode', optInt(o.exitCode, `${at}.exitCode`));
  if (o.memory !== undefined) c.memory = parseMemory(o.memory, `${at}.memory`);
  if (o.port !== undefined) {
    const port = string(o.port, `${at}.port`);
    if (!/^(\d+:)?\d+(\/(tcp|udp))?$/.test(port))
      fail(`${at}.port`, 'expected "HOST:CONTAINER" or "CONTAINER"');
    c.port = port;
  }
  if (o.diff !== undefined) {
    const d = object(o.diff, `${at}.diff`, ['path', 'kind']);
    const kind = (d.kind ?? 'any') as DiffKind;
    if (!KINDS.includes(kind)) fail(`${at}.diff.kind`, `expected one of ${KINDS.join(', ')}`);
    c.diff = { path: string(d.path, `${at}.diff.path`), kind };
  }
  return c;
}

function parseAnswer(v: unknown, at: string): AnswerSource {
  const o = v as Obj;
  if (typeof o === 'object' && o !== null && 'host' in o) {
    object(v, at, ['host', 'pattern']);
    const argv = o.host;
    if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string')) {
      fail(`${at}.host`, 'expected a command as a list of strings');
    }
    const pattern = optPattern(o.pattern, `${at}.pattern`);
    return { kind: 'host', argv, ...(pattern ? { pattern } : {}) };
  }
  if (typeof o === 'object' && o !== null && 'version' in o) {
    object(v, at, ['version']);
    return { kind: 'version', field: string(o.version, `${at}.version`) };
  }
  object(v, at, ['container', 'field', 'process', 'logs']);
  const container = parseCriteria(o.container, `${at}.container`);
  const which = ['field', 'process', 'logs'].filter((k) => o[k] !== undefined);
  if (which.length !== 1) fail(at, 'expected exactly one of field, process, logs (or host, version)');
  if (o.field !== undefined) return { kind: 'field', container, field: string(o.field, `${at}.field`) };
  if (o.process !== undefined)
    return { kind: 'process', container, command: string(o.process, `${at}.process`) };
  return { kind: 'logs', container, pattern: optPattern(o.logs, `${at}.logs`)! };
}

function optPattern(v: unknown, at: string): string | undefined {
  const p = optString(v, at);
  if (p === undefined) return undefined;
  try {
    new RegExp(p);
  } catch {
    fail(at, 'not a valid regular expression');
  }
  return p;
}

const CHECK_KINDS = ['container', 'noContainer', 'image', 'build', 'answer'];

export function parseCheck(v: unknown, at: string): Check {
  const o = object(v, at, [...CHECK_KINDS, 'fail']);
  const kinds = CHECK_KINDS.filter((k) => o[k] !== undefined);
  if (kinds.length !== 1) fail(at, `expected exactly one of ${CHECK_KINDS.join(', ')}`);
  const kind = kinds[0]!;
  const inner = `${at}.${kind}`;
  let body: CheckBody;
  if (kind === 'container') {
    const criteria = parseCriteria(o.container, inner, ['atLeast']);
    const atLeast = optInt((o.container as Obj).atLeast, `${inner}.atLeast`) ?? 1;
    if (atLeast < 1) fail(`${inner}.atLeast`, 'expected 1 or more');
    body = { kind, criteria, atLeast };
  } else if (kind === 'noContainer') {
    body = { kind, criteria: parseCriteria(o.noContainer, inner) };
  } else if (kind === 'image') {
    const i = object(o.image, inner, ['ref', 'basedOn', 'extraLayers', 'comment']);
    body = { kind, ref: string(i.ref, `${inner}.ref`) };
    const basedOn = optString(i.basedOn, `${inner}.basedOn`);
    const extraLayers = optInt(i.extraLayers, `${inner}.extraLayers`);
    const comment = optString(i.comment, `${inner}.comment`);
    if (extraLayers !== undefined && basedOn === undefined) fail(`${inner}.extraLayers`, 'needs basedOn');
    Object.assign(
      body,
      basedOn && { basedOn },
      extraLayers !== undefined && { extraLayers },
      comment && { comment },
    );
  } else if (kind === 'build') {
    const b = object(o.build, inner, ['tag', 'step', 'cached']);
    body = { kind };
    const tag = optString(b.tag, `${inner}.tag`);
    const step = optString(b.step, `${inner}.step`);
    const cached = optBool(b.cached, `${inner}.cached`);
    if (cached !== undefined && step === undefined) fail(`${inner}.cached`, 'needs step');
    Object.assign(body, tag && { tag }, step && { step }, cached !== undefined && { cached });
  } else {
    body = { kind: 'answer', source: parseAnswer(o.answer, inner) };
  }
  return o.fail === undefined ? body : { ...body, fail: parseText(o.fail, `${at}.fail`) };
}

function parseStep(v: unknown, at: string): Step {
  const o = object(v, at, ['text', 'hint', 'checks']);
  if (!Array.isArray(o.checks) || o.checks.length === 0) fail(`${at}.checks`, 'expected a non-empty list');
  const checks = o.checks.map((c, i) => parseCheck(c, `${at}.checks[${i}]`));
  if (checks.filter((c) => c.kind === 'answer').length > 1)
    fail(`${at}.checks`, 'at most one answer per step');
  return { text: parseText(o.text, `${at}.text`), hint: parseText(o.hint, `${at}.hint`), checks };
}

/** Validates a lesson document (the parsed JSON of lesson.json) and returns the lesson. */
export function parseLesson(id: string, v: unknown): Lesson {
  const o = object(v, id, ['title', 'intro', 'steps', 'outro']);
  if (!Array.isArray(o.steps) || o.steps.length === 0) fail(`${id}.steps`, 'expected a non-empty list');
  const lesson: Lesson = {
    id,
    title: parseText(o.title, `${id}.title`),
    intro: parseText(o.intro, `${id}.intro`),
    steps: o.steps.map((s, i) => parseStep(s, `${id}.steps[${i}]`)),
  };
  if (o.outro !== undefined) lesson.outro = parseText(o.outro, `${id}.outro`);
  return lesson;
}
