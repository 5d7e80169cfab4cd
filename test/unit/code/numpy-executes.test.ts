/**
 * The NumPy code the lab shows is the code that runs: for several small networks, both styles
 * and both conventions, the generated program takes the same steps as the core's Trainer from
 * the same weights on the same batches, and every number it computes (loss, z, a, δ, dW, db and
 * the new W, b) agrees with the core's trace to 1e-12 relative to the tensor's largest entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng, gaussian, uniform, uniformInt, type Rng } from '../../../src/core/rng.ts';
import type { Hyperparameters, NetworkSpec } from '../../../src/core/spec.ts';
import { toRows, zeros, type Matrix } from '../../../src/core/tensor.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { numpyCode, type CodeStyle, type Convention } from '../../../src/views/code/numpy.ts';
import { pythonMissing, runPython, type PyCase, type PyResult, type PyStep } from './run-python.ts';

const TOLERANCE = 1e-12;
const missing = pythonMissing();

const sgd = (learningRate: number, regularization: Hyperparameters['regularization'] = { kind: 'none', lambda: 0 }): Hyperparameters => ({
  learningRate,
  optimizer: { kind: 'sgd' },
  regularization,
});
const net = (units: number[], acts: NetworkSpec['layers'][number]['activation'][], loss: NetworkSpec['loss']): NetworkSpec => ({
  layers: units.map((u, i) => (i === 0 ? { units: u } : { units: u, activation: acts[i - 1]! })),
  loss,
});

const NETWORKS: { name: string; spec: NetworkSpec; hyper: Hyperparameters }[] = [
  { name: '2-3-2 sigmoid, squared-error-half', spec: net([2, 3, 2], ['sigmoid', 'sigmoid'], 'squared-error-half'), hyper: sgd(0.5) },
  { name: '3-4-3 relu, softmax cross-entropy, L2', spec: net([3, 4, 3], ['relu', 'identity'], 'softmax-cross-entropy'), hyper: sgd(0.1, { kind: 'l2', lambda: 0.01 }) },
  { name: '2-3-3-1 tanh, sigmoid cross-entropy, L1', spec: net([2, 3, 3, 1], ['tanh', 'tanh', 'identity'], 'sigmoid-binary-cross-entropy'), hyper: sgd(0.1 + 0.2, { kind: 'l1', lambda: 0.003 / 3 }) },
  { name: '3-5-2 leaky-relu, mean-squared-error', spec: net([3, 5, 2], ['leaky-relu', 'identity'], 'mean-squared-error'), hyper: sgd(0.05) },
  { name: '3-2 linear, squared-error-half (one layer)', spec: net([3, 2], ['identity'], 'squared-error-half'), hyper: sgd(0.2, { kind: 'l2', lambda: 0.1 }) },
  {
    name: '3-4-3 relu, softmax, L2, momentum',
    spec: net([3, 4, 3], ['relu', 'identity'], 'softmax-cross-entropy'),
    hyper: { learningRate: 0.1, optimizer: { kind: 'momentum', momentum: 0.9 }, regularization: { kind: 'l2', lambda: 0.001 } },
  },
  {
    name: '2-4-3-2 sigmoid, leaky-relu, softmax, L1, Adam',
    spec: net([2, 4, 3, 2], ['sigmoid', 'leaky-relu', 'identity'], 'softmax-cross-entropy'),
    hyper: { learningRate: 0.01, optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, regularization: { kind: 'l1', lambda: 0.001 } },
  },
];

const M = 5;
const STEPS = 3;

function batch(spec: NetworkSpec, rng: Rng): { x: Matrix; t: Matrix } {
  const nIn = spec.layers[0]!.units;
  const k = spec.layers[spec.layers.length - 1]!.units;
  const x = zeros(M, nIn);
  for (let s = 0; s < x.data.length; s++) x.data[s] = gaussian(rng);
  const t = zeros(M, k);
  for (let i = 0; i < M; i++) {
    if (spec.loss === 'softmax-cross-entropy') t.data[i * k + uniformInt(rng, k)] = 1;
    else for (let j = 0; j < k; j++) t.data[i * k + j] = spec.loss === 'sigmoid-binary-cross-entropy' ? uniformInt(rng, 2) : uniform(rng);
  }
  return { x, t };
}

interface CoreStep {
  trace: Trace;
  params: { W: number[][]; b: number[] }[];
}

/** The core's steps (traced) from the network's first weights, and what python was given. */
function coreRun(spec: NetworkSpec, hyper: Hyperparameters, seed: number) {
  const network = createNetwork(spec, { weights: { kind: 'xavier' }, biases: { kind: 'standard-normal' } }, createRng(seed));
  const trainer = new Trainer(network, hyper);
  const rng = createRng(seed + 100);
  const batches = Array.from({ length: STEPS }, () => batch(spec, rng));
  const steps: CoreStep[] = batches.map((bt) => {
    const result = trainer.step(bt, { trace: true });
    expect(result.applied).toBe(true);
    return { trace: result.trace!, params: trainer.params.map(({ W, b }) => ({ W: toRows(W), b: Array.from(b) })) };
  });
  const input = {
    W: network.params.map((p) => toRows(p.W)),
    b: network.params.map((p) => Array.from(p.b)),
    batches: batches.map((bt) => ({ x: toRows(bt.x), t: toRows(bt.t) })),
  };
  return { steps, input };
}

const flatten = (v: number | number[] | number[][]): number[] => (typeof v === 'number' ? [v] : (v as (number | number[])[]).flat());

/** Largest |python − core|, divided by the largest |core| entry of the tensor. */
function relativeError(py: number | number[] | number[][], core: ArrayLike<number>): number {
  const p = flatten(py);
  expect(p).toHaveLength(core.length);
  let scale = 0;
  let diff = 0;
  for (let s = 0; s < core.length; s++) {
    scale = Math.max(scale, Math.abs(core[s]!));
    diff = Math.max(diff, Math.abs(p[s]! - core[s]!));
  }
  return scale === 0 ? diff : diff / scale;
}

const worst = new Map<string, number>();
function check(quantity: string, py: number | number[] | number[][], core: ArrayLike<number>) {
  const e = relativeError(py, core);
  worst.set(quantity, Math.max(worst.get(quantity) ?? 0, e));
  expect(e, quantity).toBeLessThanOrEqual(TOLERANCE);
}

const VARIANTS: { style: CodeStyle; convention: Convention }[] = [
  { style: 'layers', convention: 'row' },
  { style: 'layers', convention: 'column' },
  { style: 'loop', convention: 'row' },
  { style: 'loop', convention: 'column' },
];

// No python3 or NumPy is a failure, not a skip: without them README's claim that the code panel's
// programs run and compute the core's numbers would go unchecked. `.ci/run` installs them.
it('python3 with NumPy is available to run the generated code', () => {
  expect(missing, `${missing}: install python3 and NumPy (Debian: apt-get install -y python3-numpy)`).toBeNull();
});

describe("the generated NumPy code runs and computes the core's numbers", () => {
  const runs = NETWORKS.map((n, i) => ({ ...n, ...coreRun(n.spec, n.hyper, 11 + i) }));
  const cases: (PyCase & { network: number })[] = runs.flatMap((r, network) =>
    VARIANTS.map((v) => ({ ...v, ...r.input, network, code: numpyCode(r.spec, r.hyper, v.style, v.convention).lines.join('\n') + '\n' })),
  );
  let results: PyResult[] = [];
  beforeAll(() => {
    if (missing === null) results = runPython(cases);
  }, 60_000);
  afterAll(() => {
    const figures = [...worst].map(([q, e]) => `${q} ${e.toExponential(1)}`).join(', ');
    console.log(`numpy vs core, ${cases.length} programs × ${STEPS} steps, worst relative error: ${figures}`);
  });

  cases.forEach((c, i) => {
    const r = runs[c.network]!;
    it(`${r.name}: ${c.style} style, ${c.convention} convention`, () => {
      const result = results[i];
      if (!result) throw new Error(`the program did not run: ${missing ?? 'python3 printed no result for it'}`);
      if ('error' in result) throw new Error(result.error);
      expect(result.steps).toHaveLength(STEPS);
      result.steps.forEach((py: PyStep, s) => {
        const { trace, params } = r.steps[s]!;
        check('loss', py.loss, [trace.loss!.total]);
        trace.layers.forEach((lt, l) => {
          check('z', py.z[l]!, lt.z!.data);
          check('a', py.a[l]!, lt.a!.data);
          check('delta', py.delta[l]!, lt.delta!.data);
          check('dW', py.dW[l]!, lt.dW!.data);
          check('db', py.db[l]!, lt.db!);
          check('W', py.W[l]!, params[l]!.W.flat());
          check('b', py.b[l]!, params[l]!.b);
        });
      });
      // Run as a script, the program trains a random batch and prints its loss each step.
      const losses = [...result.demo.matchAll(/^step (\d+): loss (\S+)$/gm)].map((m) => Number(m[2]));
      expect(losses).toHaveLength(10);
      for (const loss of losses) expect(Number.isFinite(loss)).toBe(true);
    });
  });
});
