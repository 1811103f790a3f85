import type { ContainerCriteria, Text } from './types.js';

/** A short label for each criterion, in both languages: what failure messages list. */
export function labels(c: ContainerCriteria): Text[] {
  const out: Text[] = [];
  const t = (en: string, ko: string) => out.push({ en, ko });
  if (c.image !== undefined) t(`image ${c.image}`, `이미지 ${c.image}`);
  if (c.name !== undefined) t(`name ${c.name}`, `이름 ${c.name}`);
  if (c.running === true) t('running', '실행 중');
  if (c.running === false) t('not running', '실행 중이 아님');
  if (c.status !== undefined) t(`status ${c.status}`, `상태 ${c.status}`);
  if (c.exitCode !== undefined) t(`exit code ${c.exitCode}`, `종료 코드 ${c.exitCode}`);
  if (c.oomKilled === true) t('killed by the OOM killer', 'OOM killer가 종료시킴');
  if (c.oomKilled === false) t('not killed by the OOM killer', 'OOM killer가 종료시키지 않음');
  if (c.memory !== undefined) {
    const size = memoryText(c.memory);
    t(`memory limit ${size} (${c.memory} bytes)`, `메모리 제한 ${size} (${c.memory}바이트)`);
  }
  if (c.port !== undefined) {
    const { host, container } = splitPort(c.port);
    const p = host ? `${host}->${container}` : container;
    t(`port ${p} published`, `포트 ${p} 공개`);
  }
  if (c.hostname !== undefined) t(`hostname ${c.hostname}`, `호스트 이름 ${c.hostname}`);
  if (c.pidMode !== undefined) t(`--pid ${c.pidMode}`, `--pid ${c.pidMode}`);
  if (c.network !== undefined) t(`network ${c.network}`, `네트워크 ${c.network}`);
  if (c.env !== undefined) t(`environment ${c.env}`, `환경 변수 ${c.env}`);
  if (c.logs !== undefined) t(`log contains “${c.logs}”`, `로그에 “${c.logs}” 포함`);
  if (c.hasFile !== undefined) t(`file ${c.hasFile} exists`, `파일 ${c.hasFile} 있음`);
  if (c.diff !== undefined) {
    const { path, kind } = c.diff;
    if (kind === 'none') t(`own layer leaves ${path} untouched`, `자기 레이어에 ${path} 변경 없음`);
    else if (kind === 'any') t(`own layer changes ${path}`, `자기 레이어에 ${path} 변경 있음`);
    else t(`own layer: ${kind} ${path} (docker diff)`, `자기 레이어: ${kind} ${path} (docker diff)`);
  }
  return out;
}

/** `8080:80/tcp` → host 8080, container `80/tcp`; `80` → no host port. */
export function splitPort(spec: string): { host?: string; container: string } {
  const [a, b] = spec.split(':');
  const withProto = (p: string) => (p.includes('/') ? p : `${p}/tcp`);
  return b === undefined ? { container: withProto(a!) } : { host: a!, container: withProto(b) };
}

function memoryText(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}B`;
}

/** `nginx` → `nginx:latest`; `docker.io/library/x:1` → `x:1`: references as tags are compared. */
export function normalizeRef(ref: string): string {
  let r = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  if (r.includes('@')) return r;
  const slash = r.lastIndexOf('/');
  if (!r.slice(slash + 1).includes(':')) r = `${r}:latest`;
  return r;
}

/** Labels in one language, comma-separated. */
export const join = (ts: Text[], lang: keyof Text): string => ts.map((t) => t[lang]).join(', ');
