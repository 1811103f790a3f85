import { createHash, randomBytes } from 'node:crypto';

/**
 * Randomness for IDs and names. Seeded mode (DOCKERSIM_SEED) is a counter-based generator:
 * block n is sha256(seed ":" n), so the sequence is reproducible across processes as long as
 * the counter is persisted between invocations.
 */
export interface Random {
  bytes(n: number): Buffer;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

export class SystemRandom implements Random {
  bytes(n: number): Buffer {
    return randomBytes(n);
  }
  int(n: number): number {
    return uniform(this, n);
  }
}

export class SeededRandom implements Random {
  private pool = Buffer.alloc(0);
  constructor(
    readonly seed: string,
    public counter = 0,
  ) {}
  bytes(n: number): Buffer {
    while (this.pool.length < n) {
      const block = createHash('sha256').update(`${this.seed}:${this.counter}`).digest();
      this.counter++;
      this.pool = Buffer.concat([this.pool, block]);
    }
    const out = this.pool.subarray(0, n);
    this.pool = this.pool.subarray(n);
    return Buffer.from(out);
  }
  int(n: number): number {
    return uniform(this, n);
  }
}

function uniform(r: Random, n: number): number {
  if (n <= 1) return 0;
  // Rejection sampling on 32-bit draws keeps the distribution exact.
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) {
    const v = r.bytes(4).readUInt32BE(0);
    if (v < limit) return v % n;
  }
}
