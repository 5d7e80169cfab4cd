/** The shape of the generated NumPy code: which lines each phase maps to, shapes, literals. */
import { describe, expect, it } from 'vitest';
import { phaseLabel, phasesOf } from '../../../src/core/phases.ts';
import type { Hyperparameters, NetworkSpec } from '../../../src/core/spec.ts';
import { numpyCode } from '../../../src/views/code/numpy.ts';
import { py } from '../../../src/views/code/python.ts';

const spec: NetworkSpec = {
  layers: [{ units: 3 }, { units: 4, activation: 'relu' }, { units: 5, activation: 'tanh' }, { units: 2, activation: 'identity' }],
  loss: 'softmax-cross-entropy',
};
const hyper: Hyperparameters = { learningRate: 0.05, optimizer: { kind: 'sgd' }, regularization: { kind: 'l2', lambda: 0.001 } };
const STYLES = ['layers', 'loop'] as const;
const CONVENTIONS = ['row', 'column'] as const;

describe('numpyCode', () => {
  for (const style of STYLES)
    for (const convention of CONVENTIONS)
      it(`maps every phase of the step, and only those, to lines inside step() (${style}, ${convention})`, () => {
        const { lines, phaseLines } = numpyCode(spec, hyper, style, convention);
        const keys = phasesOf(3).map(phaseLabel);
        expect([...phaseLines.keys()].sort()).toEqual([...keys].sort());
        const start = lines.findIndex((l) => l.startsWith('def step(')) + 1; // 1-based line of def
        const end = lines.findIndex((l, i) => i >= start && l.trim().startsWith('return ')) + 1;
        for (const key of keys) {
          const ns = phaseLines.get(key)!;
          expect(ns.length, key).toBeGreaterThan(0);
          for (const n of ns) {
            expect(n).toBeGreaterThan(start);
            expect(n).toBeLessThan(end);
            expect(lines[n - 1]!.trim()).not.toBe('');
            expect(lines[n - 1]!.trim().startsWith('#')).toBe(false);
          }
        }
      });

  it('layers style: each phase’s lines compute that layer’s quantities', () => {
    const { lines, phaseLines } = numpyCode(spec, hyper, 'layers', 'row');
    const text = (key: string) => phaseLines.get(key)!.map((n) => lines[n - 1]!).join('\n');
    expect(text('forward 2')).toMatch(/z2 = affine2\.forward\(a1\) +# \(m, 5\)/);
    expect(text('forward 2')).toMatch(/a2 = tanh2\.forward\(z2\) +# \(m, 5\)/);
    expect(text('loss')).toContain('loss = last_layer.forward(a3, t)');
    expect(text('loss')).toContain('0.5 * lam * sum(np.sum(layer.W ** 2)');
    expect(text('backward 3')).toMatch(/delta3 = last_layer\.backward\(\) +# \(m, 2\)/);
    expect(text('backward 2')).toMatch(/dW2 = affine2\.dW \+ lam \* affine2\.W +# \(4, 5\)/);
    expect(text('backward 1')).toMatch(/db1 = affine1\.db +# \(4,\)/);
    expect(text('backward 1')).not.toContain('delta2');
    expect(text('update')).toContain('optimizer.update(params, grads, lr)');
  });

  it('column convention: the same network with W transposed and samples in columns', () => {
    const { lines, phaseLines } = numpyCode(spec, hyper, 'layers', 'column');
    const all = lines.join('\n');
    expect(all).toContain('return self.W @ x + self.b');
    expect(all).toContain('self.dW = delta @ self.x.T / m');
    expect(all).toContain('self.db = delta.sum(axis=1, keepdims=True) / m');
    const text = (key: string) => phaseLines.get(key)!.map((n) => lines[n - 1]!).join('\n');
    expect(text('backward 2')).toMatch(/dW2 = .* +# \(5, 4\)/);
    expect(text('backward 2')).toMatch(/db2 = .* +# \(5, 1\)/);
    expect(text('forward 1')).toMatch(/z1 = .* +# \(4, m\)/);
  });

  it('loop style: the backward loop runs the hidden layers, the output has its own lines', () => {
    const { lines, phaseLines } = numpyCode(spec, hyper, 'loop', 'row');
    const text = (key: string) => phaseLines.get(key)!.map((n) => lines[n - 1]!.trim());
    expect(text('forward 1')).toContain('zs.append(z)');
    expect(phaseLines.get('forward 3')).toEqual(expect.arrayContaining(phaseLines.get('forward 2')!));
    expect(text('backward 3')[1]).toMatch(/^delta = y \* t\.sum\(axis=1, keepdims=True\) - t/);
    expect(text('backward 1')).toContain('for l in range(2, L + 1):');
    expect(phaseLines.get('backward 1')).toEqual(phaseLines.get('backward 2'));
    expect(text('update')).toContain('weights = [W - lr * nw for W, nw in zip(weights, nabla_w)]');
    expect(lines.join('\n')).toContain('f = [relu, np.tanh, identity]');
  });

  it('writes the lab’s hyperparameters as step’s defaults, and λ only when regularizing', () => {
    expect(numpyCode(spec, hyper, 'layers', 'row').lines).toContain('def step(x, t, params, lr=0.05, lam=0.001):');
    const plain = { ...hyper, regularization: { kind: 'none', lambda: 0 } } as const;
    const loop = numpyCode(spec, plain, 'loop', 'row').lines;
    expect(loop).toContain('def step(x, t, weights, biases, lr=0.05):');
    expect(loop.join('\n')).not.toContain('lam');
  });

  it('says in code, not just a comment, which optimizer the lab uses', () => {
    const momentum: Hyperparameters = { ...hyper, optimizer: { kind: 'momentum', momentum: 0.9 } };
    const adam: Hyperparameters = { ...hyper, optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } };
    expect(numpyCode(spec, momentum, 'layers', 'row').lines).toContain('optimizer = Momentum(momentum=0.9)');
    expect(numpyCode(spec, adam, 'layers', 'row').lines).toContain('optimizer = Adam(beta1=0.9, beta2=0.999, eps=1e-8)');
    expect(numpyCode(spec, adam, 'loop', 'column').lines.join('\n')).toContain('SHAPES = [(4, 3), (5, 4), (2, 5), (4, 1), (5, 1), (2, 1)]');
  });

  it('writes numbers as Python literals of the very same double', () => {
    for (const x of [0.1 + 0.2, 1, 1e-8, 1.2, 5e-324, 1e21, 123456.789])
      expect(Number(py(x))).toBe(x);
    expect(py(1)).toBe('1.0');
  });
});
