/**
 * Pieces both styles of the NumPy code share: the header, the helper functions (sigmoid,
 * softmax) and the demo under __main__. Each activation's functions and layer class are its
 * own (core/activations/, `numpy`). Every formula is the core's, written so NumPy evaluates it
 * in the same order.
 */
import { activation, type Activation, type ActivationName } from '../../core/activations.ts';
import type { Hyperparameters, LossName, NetworkSpec } from '../../core/spec.ts';
import { optimizerDescription } from './numpy-optim.ts';
import { py, type Layout, type PythonWriter } from './python.ts';

export const LOSS_DESCRIPTION: Record<LossName, string> = {
  'softmax-cross-entropy': 'softmax cross-entropy, L_i = −Σ_j t_j·log y_j with y = softmax(z)',
  'sigmoid-binary-cross-entropy': 'binary cross-entropy, L_i = −Σ_j [t_j·log y_j + (1 − t_j)·log(1 − y_j)], y = σ(z)',
  'squared-error-half': 'squared error, L_i = ½·Σ_j (y_j − t_j)²',
  'mean-squared-error': 'mean squared error, L_i = (1/k)·Σ_j (y_j − t_j)² over the k outputs',
};

/** The loss applies its own softmax or sigmoid to a linear output layer. */
export function ownsOutput(spec: NetworkSpec): boolean {
  return spec.loss === 'softmax-cross-entropy' || spec.loss === 'sigmoid-binary-cross-entropy';
}

export function units(spec: NetworkSpec): number[] {
  return spec.layers.map((l) => l.units);
}

/** The activation of weight layer l (1..L). */
export function act(spec: NetworkSpec, l: number): ActivationName {
  return spec.layers[l]!.activation!;
}

export function regularized(hyper: Hyperparameters): boolean {
  return hyper.regularization.kind !== 'none';
}

/** The default arguments of step: the lab's current learning rate and λ. */
export function stepDefaults(hyper: Hyperparameters): string {
  return `lr=${py(hyper.learningRate)}${regularized(hyper) ? `, lam=${py(hyper.regularization.lambda)}` : ''}`;
}

export function header(w: PythonWriter, spec: NetworkSpec, hyper: Hyperparameters, lay: Layout, styleLine: string): void {
  const n = units(spec);
  const acts = spec.layers.slice(1).map((l) => l.activation);
  const reg = hyper.regularization;
  w.line('import numpy as np');
  w.line();
  w.line(`# One training step of the ${n.join('-')} network, exactly as the lab computes it,`);
  w.line(`# ${styleLine}`);
  w.line(`# Activations of layers 1..${acts.length}: ${acts.join(', ')}.`);
  for (const d of lay.described) w.line(`# ${d}`);
  w.line(`# Loss: ${LOSS_DESCRIPTION[spec.loss]},`);
  const penalty = reg.kind === 'l2' ? ', + ½·λ·ΣW² (L2, on the weights only)' : reg.kind === 'l1' ? ', + λ·Σ|W| (L1, on the weights only)' : '';
  w.line(`#       averaged over the batch${penalty}.`);
  w.line('# δ = ∂L_i/∂z is kept per sample; dW and db are batch means of the per-sample gradients.');
  w.line(`# Optimizer: ${optimizerDescription(hyper)}.`);
}

/** sigmoid, softmax and log_softmax, as far as this network needs them. */
export function helpers(w: PythonWriter, spec: NetworkSpec, lay: Layout): void {
  const ax = lay.unitAxis;
  if (spec.layers.some((l) => l.activation !== undefined && activation(l.activation).numpy.usesSigmoid) || spec.loss === 'sigmoid-binary-cross-entropy') {
    w.gap();
    w.block(`def sigmoid(z):
    return 1 / (1 + np.exp(-z))`);
  }
  if (spec.loss === 'softmax-cross-entropy') {
    w.gap();
    w.block(`def softmax(z):
    """Softmax of each sample; shifting by the largest z keeps exp from overflowing."""
    e = np.exp(z - z.max(axis=${ax}, keepdims=True))
    return e / e.sum(axis=${ax}, keepdims=True)


def log_softmax(z):
    shifted = z - z.max(axis=${ax}, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=${ax}, keepdims=True))`);
  }
}

/**
 * An activation's layer class (layers style), from its declared forward and backward lines:
 * the names in `state` are what forward keeps for backward, written as attributes of self.
 */
export function layerClass(a: Activation): string {
  const { cls, doc, state, forward, backward } = a.numpy.layer;
  const attributes = state.length === 0 ? null : new RegExp(`\\b(${state.join('|')})\\b`, 'g');
  const body = (lines: readonly string[]) => lines.map((line) => `        ${attributes === null ? line : line.replace(attributes, 'self.$1')}`).join('\n');
  return [
    `class ${cls}:`,
    ...(doc === undefined ? [] : [`    """${doc}"""`, '']),
    '    def forward(self, z):',
    body(forward),
    '',
    '    def backward(self, dout):',
    body(backward),
  ].join('\n');
}

/** The activations in the order the network first uses them, without repeats. */
export function distinct(names: readonly ActivationName[]): ActivationName[] {
  return [...new Set(names)];
}

/** The opening of the demo: a random batch of the right shapes and the layer sizes. */
export function demoData(w: PythonWriter, spec: NetworkSpec, lay: Layout): void {
  const n = units(spec);
  const nIn = n[0]!;
  const k = n[n.length - 1]!;
  const shape = (u: number) => (lay.row ? `(m, ${u})` : `(${u}, m)`);
  w.gap();
  w.line('if __name__ == "__main__":');
  w.line('    # A random batch, to see the loss go down:  python3 step.py');
  w.line('    rng = np.random.default_rng(0)');
  w.line('    m = 8');
  w.line(`    x = rng.standard_normal(${shape(nIn)})`);
  if (spec.loss === 'softmax-cross-entropy') w.line(`    t = np.eye(${k})[rng.integers(0, ${k}, m)]${lay.row ? '' : '.T'}`, 'one-hot targets');
  else if (spec.loss === 'sigmoid-binary-cross-entropy') w.line(`    t = rng.integers(0, 2, ${shape(k)}).astype(float)`, '0/1 targets');
  else w.line(`    t = rng.uniform(0, 1, ${shape(k)})`);
  w.line(`    sizes = [${n.join(', ')}]`);
}
