import type { ContainerConfigSpec } from '../images/config.js';
import { type EnvLookup, envLookup } from './lex.js';
import type { Instruction, Stage } from './parser/index.js';

export const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** An ARG in scope: its name and value (undefined when declared without one and never given). */
export interface ArgValue {
  key: string;
  value?: string;
}

/**
 * Where one stage stands while it is built: its image so far, the image config it will carry, and
 * the environment its instructions expand variables with. That environment is not the image's
 * Env: ARG values are in it too (for RUN and expansion) but never reach the image.
 */
export class StageState {
  imageId: string | undefined;
  config: ContainerConfigSpec = {};
  /** Variables as the next instruction sees them (ENV and ARG, in the order they were set). */
  readonly env = new Map<string, string>();
  /** ARGs declared in this stage (or the stage it starts FROM), in order. */
  args: ArgValue[] = [];
  /** Instructions to run: ONBUILD triggers of the base image first, then the stage's own. */
  commands: { instruction: Instruction; onbuild: boolean }[] = [];
  /** BuildKit's `[name 2/5]` counter: what it counts (FROM, RUN, COPY, ADD, WORKDIR) and where it is. */
  cmdTotal = 0;
  cmdIndex = 0;
  /** `docker build --label`: added to every image of the target stage. */
  extraLabels: Record<string, string> | undefined;
  /** Set once every instruction ran; later stages may COPY --from it. */
  dispatched = false;
  /** An ONBUILD trigger of the base image is running (BuildKit names it `[2/4] ONBUILD …`). */
  runningTrigger = false;
  /** The base as FROM names it once global ARGs are expanded (`alpine:3.20`, `build`, `scratch`). */
  baseName = '';
  /** CMD was set in this stage (ENTRYPOINT then keeps it). */
  cmdSet = false;
  /** Image steps were recorded (a stage that only has FROM ends as its base image). */
  committed = false;
  /** A step of this stage ran in this build (not from the cache): the steps after it have a new parent. */
  rebuilt = false;

  constructor(
    readonly index: number,
    readonly stage: Stage,
    /** `build`, `stage-1`, or '' in a single-stage Dockerfile. */
    readonly label: string,
  ) {}

  get name(): string | undefined {
    return this.stage.from.stage;
  }

  /** Takes over a base: an image's config, or another stage's whole state. */
  startFrom(imageId: string | undefined, config: ContainerConfigSpec, base?: StageState): void {
    this.imageId = imageId;
    this.config = structuredClone(config);
    this.env.clear();
    this.rebuilt = base?.rebuilt ?? false;
    if (base) {
      for (const [k, v] of base.env) this.env.set(k, v);
      this.args = [...base.args];
    } else {
      for (const kv of config.Env ?? []) {
        const eq = kv.indexOf('=');
        this.env.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? '' : kv.slice(eq + 1));
      }
    }
  }

  lookup(): EnvLookup {
    return { get: (name) => this.env.get(name) };
  }

  /** The environment a RUN step gets, as `KEY=value` strings (extra: proxy build-args). */
  runEnv(extra: Record<string, string> = {}): string[] {
    const merged = new Map(this.env);
    for (const [k, v] of Object.entries(extra)) if (!merged.has(k)) merged.set(k, v);
    return [...merged].map(([k, v]) => `${k}=${v}`);
  }

  shell(): string[] {
    return this.config.Shell?.length ? [...this.config.Shell] : [...DEFAULT_SHELL];
  }

  /** BuildKit's vertex prefix, `[build 2/5] `, counting this vertex. */
  nextPrefix(): string {
    if (this.cmdTotal === 0) return '';
    this.cmdIndex++;
    return this.prefixAt(this.cmdIndex);
  }

  /** The prefix of the `index`th counted vertex (`[ 3/10] `). */
  prefixAt(index: number): string {
    if (this.cmdTotal === 0) return '';
    const width = Math.floor(1 + Math.log10(this.cmdTotal));
    const label = this.label ? `${this.label} ` : '';
    const onbuild = this.runningTrigger ? 'ONBUILD ' : '';
    return `[${label}${String(index).padStart(width)}/${this.cmdTotal}] ${onbuild}`;
  }

  /** The config with `--label` values on top (they win over LABEL instructions, as in BuildKit). */
  withExtraLabels(config: ContainerConfigSpec): ContainerConfigSpec {
    if (!this.extraLabels) return config;
    const merged = { ...(config.Labels ?? {}), ...this.extraLabels };
    const keys = Object.keys(merged).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { ...config, Labels: Object.fromEntries(keys.map((k) => [k, merged[k]!])) };
  }
}

/** Counts what BuildKit numbers in a stage: its FROM (when it pulls an image) and RUN/COPY/ADD/WORKDIR. */
export function countSteps(commands: readonly { instruction: Instruction }[], fromImage: boolean): number {
  let n = fromImage ? 1 : 0;
  for (const { instruction } of commands) if (isCounted(instruction)) n++;
  return n;
}

/** The instructions BuildKit shows as numbered steps. */
export function isCounted(ins: Instruction): boolean {
  return ins.kind === 'RUN' || ins.kind === 'COPY' || ins.kind === 'ADD' || ins.kind === 'WORKDIR';
}

export { envLookup };
