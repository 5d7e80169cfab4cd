import { describe, expect, it } from 'vitest';
import { Contestant, interleave, median, ratioByRound, cpuMsPerStep, type RoundTiming, type Timed } from '../../../src/cli/bench-rounds.ts';

/** A contestant that records when it ran and takes `msPerStep` of CPU time per step. */
function fake(name: string, msPerStep: number, log: string[]): Timed {
  return {
    name,
    run: async (seconds) => {
      log.push(name);
      const steps = Math.round((1000 * seconds) / msPerStep);
      return { steps, seconds, cpuSeconds: (steps * msPerStep) / 1000 };
    },
  };
}

describe('interleaved rounds', () => {
  it('warms every contestant once, then rotates who goes first each round', async () => {
    const log: string[] = [];
    const rounds = await interleave([fake('a', 1, log), fake('b', 2, log), fake('c', 4, log)], 3, 0.1, 0.5);
    expect(log).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
    expect(rounds.map((ts) => ts.length)).toEqual([3, 3, 3]);
    expect(rounds[1]!.map(cpuMsPerStep)).toEqual([2, 2, 2]);
  });

  it('takes ratios round by round: a machine that slows down for a round slows both sides of it', () => {
    const at = (msPerStep: number): RoundTiming => ({ steps: 100, seconds: msPerStep / 10, cpuSeconds: msPerStep / 10 });
    // The lab takes 1, 3, 1 ms a step; NumPy 2, 6, 2: twice as slow in every round, though round 2 was slow for both.
    const ratio = ratioByRound([at(1), at(3), at(1)], [at(2), at(6), at(2)], cpuMsPerStep);
    expect(ratio).toEqual({ median: 2, min: 2, max: 2 });
    const uneven = ratioByRound([at(1), at(1), at(1)], [at(1), at(3), at(2)], cpuMsPerStep);
    expect(uneven).toEqual({ median: 2, min: 1, max: 3 });
  });

  it('has the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('a contestant process', () => {
  // A stand-in server speaking the protocol: one JSON line in, one out, until stdin closes.
  const server = `
    const rl = require('node:readline').createInterface({ input: process.stdin });
    rl.on('line', (l) => { const c = JSON.parse(l); process.stdout.write(JSON.stringify({ steps: 7, seconds: c.seconds, cpu_seconds: 0.5, page_faults: c.key === 'k' ? 3 : 0 }) + '\\n'); });`;

  it('sends each command with its fields and reads the answer, extra figures included', async () => {
    const c = new Contestant('stand-in', process.execPath, ['-e', server]);
    try {
      expect(await c.run(0.25, { key: 'k' })).toEqual({ steps: 7, seconds: 0.25, cpuSeconds: 0.5, extra: { page_faults: 3 } });
      expect((await c.run(0.5)).extra).toEqual({ page_faults: 0 });
    } finally {
      await c.close();
    }
  });

  it('rejects a run when the process has gone, naming it', async () => {
    const c = new Contestant('quitter', process.execPath, ['-e', 'process.exit(4)']);
    await expect(c.run(0.1)).rejects.toThrow(/quitter exited \(code 4\)/);
  });

  it('rejects a run when the program does not exist', async () => {
    const c = new Contestant('nowhere', '/no/such/program', []);
    await expect(c.run(0.1)).rejects.toThrow(/ENOENT/);
  });
});
