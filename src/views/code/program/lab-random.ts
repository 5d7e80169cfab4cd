/**
 * The lab's random numbers in Python, so an exported program draws the same initial weights and
 * the same batches as the lab from the same seed: xoshiro128** seeded through splitmix32,
 * 53-bit uniforms, unbiased integers by rejection, Box–Muller normals used in pairs, and
 * Fisher–Yates shuffles (src/core/rng.ts), the weight initialisation (src/core/network.ts),
 * and the two batch samplers (src/data/batching.ts). Python integers are masked to 32 bits
 * where the TypeScript code relies on 32-bit arithmetic.
 */
import type { InitConfig } from '../../../core/spec.ts';
import { py } from '../python.ts';

export const LAB_RANDOM = `MASK = 0xFFFFFFFF


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK


class LabRng:
    """The lab's generator: xoshiro128** seeded through splitmix32 (src/core/rng.ts)."""

    def __init__(self, seed):
        x = int(seed) & MASK
        self.s = []
        for _ in range(4):
            x = (x + 0x9E3779B9) & MASK
            z = ((x ^ (x >> 16)) * 0x85EBCA6B) & MASK
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & MASK
            self.s.append(z ^ (z >> 16))
        self.spare = None

    def next_uint32(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 9) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def uniform(self):
        """A double in [0, 1) with 53 random bits."""
        hi = self.next_uint32() >> 5
        lo = self.next_uint32() >> 6
        return (hi * 67108864 + lo) / 9007199254740992

    def uniform_int(self, n):
        """An integer in [0, n), unbiased (rejection sampling)."""
        limit = 0x100000000 - (0x100000000 % n)
        while True:
            x = self.next_uint32()
            if x < limit:
                return x % n

    def gaussian(self):
        """N(0, 1) by Box–Muller; the second value of each pair is the next draw."""
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        u1 = 0.0
        while u1 == 0.0:
            u1 = self.uniform()
        u2 = self.uniform()
        r = math.sqrt(-2 * math.log(u1))
        theta = 2 * math.pi * u2
        self.spare = r * math.sin(theta)
        return r * math.cos(theta)

    def shuffle(self, xs):
        """Fisher–Yates, in place."""
        for i in range(len(xs) - 1, 0, -1):
            j = self.uniform_int(i + 1)
            xs[i], xs[j] = xs[j], xs[i]


def random_batches(n, batch_size, rng):
    """Batches drawn with replacement: batch_size indices, each uniform in [0, n)."""
    while True:
        yield [rng.uniform_int(n) for _ in range(batch_size)]


def epoch_batches(n, batch_size, rng):
    """Consecutive batches of a permutation reshuffled every epoch (the last may be smaller)."""
    order = list(range(n))
    while True:
        rng.shuffle(order)
        for start in range(0, n, batch_size):
            yield order[start:start + batch_size]


def full_batches(n):
    while True:
        yield list(range(n))`;

/** Python: the standard deviation of layer l's weights, as src/core/network.ts draws them. */
export function weightStd(init: InitConfig): string {
  const w = init.weights;
  switch (w.kind) {
    case 'gaussian':
      return py(w.std);
    case 'standard-normal':
      return '1.0';
    case 'xavier':
      return 'math.sqrt(2 / (n_in + n_out))';
    case 'he':
      return 'math.sqrt(2 / n_in)';
  }
}

/** Python lines (8 spaces in) filling b with the lab's bias initialisation; rng is the init stream. */
export function biasInit(init: InitConfig): string {
  const b = init.biases;
  switch (b.kind) {
    case 'zero':
      return 'b = np.zeros(n_out)';
    case 'constant':
      return `b = np.full(n_out, ${py(b.value)})`;
    case 'standard-normal':
      return 'b = np.array([rng.gaussian() for _ in range(n_out)])';
  }
}
