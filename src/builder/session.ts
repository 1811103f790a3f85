import type { BuildOptions } from '../api/images.js';
import { fullString, parseDockerRef } from '../images/reference.js';
import type { BaseImage, BuilderBackend } from './backend.js';
import type { BuildContext } from './context.js';
import type { EnvLookup } from './lex.js';
import type { Dockerfile } from './parser/index.js';
import type { Progress } from './progress.js';
import type { StageState } from './state.js';

/** Build-args docker accepts without an ARG instruction (proxies), which never reach history. */
export const PROXY_ARGS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
];

/** The platform ARGs BuildKit defines for FROM lines and for stages that declare them. */
export const PLATFORM_ARGS: Record<string, string> = {
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
};

/** A base image the build resolved (and perhaps pulled), with what the pull printed. */
export interface ResolvedBase {
  /** `docker.io/library/alpine:3.20` */
  ref: string;
  image: BaseImage;
  pullLines: string[];
  /** Simulated ms the resolution (and pull) took. */
  ms: number;
}

/** Everything one build shares: the backend, the options, the parsed Dockerfile, the stages. */
export interface Session {
  backend: BuilderBackend;
  opts: BuildOptions;
  progress: Progress;
  context: BuildContext;
  dockerfile: Dockerfile;
  /** The Dockerfile's text, for the source excerpt under an error. */
  source: string;
  legacy: boolean;
  /** ARGs before the first FROM, resolved, plus the platform ARGs. */
  globalArgs: Map<string, string>;
  /** Build-args an ARG instruction consumed (the classic builder warns about the others). */
  consumed: Set<string>;
  stages: StageState[];
  /** Resolved base images by {@link baseKey}. */
  bases: Map<string, ResolvedBase>;
  /** Steps that ran (not from the cache) in this build. */
  executed: number;
  /** The classic builder's `Step n/total` counter. */
  step: { n: number; total: number };
}

/** `alpine` → `docker.io/library/alpine:latest`: how resolved bases are keyed and named. */
export function baseKey(ref: string): string {
  return fullString(parseDockerRef(ref));
}

export function globalLookup(s: Session): EnvLookup {
  return { get: (name) => s.globalArgs.get(name) };
}

/** Proxy build-args given on the command line, which every RUN sees. */
export function proxyArgs(s: Session): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of PROXY_ARGS) {
    const v = s.opts.buildArgs[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
