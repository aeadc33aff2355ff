/**
 * NumPy's legacy `np.random.RandomState(seed).shuffle(x)`, bit for bit: Keras shuffles the file
 * list with it before splitting off validation_split, so the same seed puts the same files in
 * the same subset here and in a Keras script run on the same folder. Mersenne Twister MT19937
 * seeded with init_genrand (what RandomState does with an integer seed), and NumPy's
 * `random_interval`: draw 32 bits, mask to the smallest power of two above `max`, reject above.
 */
const N = 624;
const M = 397;

class Mt19937 {
  private readonly mt = new Uint32Array(N);
  private index = N;

  constructor(seed: number) {
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      // Math.imul wraps the product to 32 bits, as C's uint32 arithmetic does.
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % N]! & 0x7fffffff);
      mt[i] = mt[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

function randomInterval(rng: Mt19937, max: number): number {
  if (max === 0) return 0;
  let mask = max;
  for (let s = 1; s <= 16; s *= 2) mask |= mask >>> s;
  let value: number;
  do value = (rng.nextUint32() & mask) >>> 0;
  while (value > max);
  return value;
}

/** A new array: `items` in the order `RandomState(seed).shuffle` leaves them (seed < 2^32). */
export function numpyShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  const rng = new Mt19937(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInterval(rng, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
