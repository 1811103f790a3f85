import { num, object, optional, type StateStore, str } from '../store/index.js';
import { type Clock, parseClockSetting, SimulatedClock, WallClock } from '../util/clock.js';
import { type Random, SeededRandom, SystemRandom } from '../util/random.js';

/** Where simulated time and the seeded generator's position are kept between invocations. */
const SIM_FILE = 'dockersim/sim.json';

interface SimState {
  clockOrigin?: number;
  clockNow?: number;
  seed?: string;
  randomCounter?: number;
}

const checkSim = object<SimState>({
  clockOrigin: optional(num),
  clockNow: optional(num),
  seed: optional(str),
  randomCounter: optional(num),
});

/**
 * Clock and randomness for one invocation, restored from the state folder when the
 * environment asks for deterministic mode (DOCKERSIM_CLOCK, DOCKERSIM_SEED).
 */
export class Runtime {
  private constructor(
    readonly clock: Clock,
    readonly random: Random,
    private readonly store: StateStore,
  ) {}

  static load(store: StateStore, env: NodeJS.ProcessEnv): Runtime {
    const sim = store.readJson(SIM_FILE, checkSim) ?? {};
    let clock: Clock = new WallClock();
    const origin = env.DOCKERSIM_CLOCK ? parseClockSetting(env.DOCKERSIM_CLOCK) : undefined;
    if (origin !== undefined) {
      const now = sim.clockOrigin === origin && sim.clockNow !== undefined ? sim.clockNow : origin;
      clock = new SimulatedClock(now);
    }
    let random: Random = new SystemRandom();
    const seed = env.DOCKERSIM_SEED;
    if (seed !== undefined && seed !== '') {
      random = new SeededRandom(seed, sim.seed === seed ? (sim.randomCounter ?? 0) : 0);
    }
    const runtime = new Runtime(clock, random, store);
    runtime.origin = origin;
    return runtime;
  }

  private origin: number | undefined;

  /** Writes simulated time and the generator position back; call while holding the state lock. */
  save(): void {
    const sim: SimState = {};
    if (this.origin !== undefined) {
      sim.clockOrigin = this.origin;
      sim.clockNow = this.clock.now();
    }
    if (this.random instanceof SeededRandom) {
      sim.seed = this.random.seed;
      sim.randomCounter = this.random.counter;
    }
    this.store.writeJson(SIM_FILE, sim);
  }
}
