/**
 * The update phase in NumPy: SGD, momentum and Adam exactly as src/core/optimizers.ts computes
 * them (θ ← θ + Δθ with SGD Δθ = −η·g; momentum v ← μ·v − η·g, Δθ = v; Adam with
 * bias-corrected moments). The state of momentum and Adam lives between calls of step.
 */
import type { Hyperparameters, NetworkSpec } from '../../core/spec.ts';
import { py, type Layout, type PythonWriter } from './python.ts';

export function optimizerDescription(hyper: Hyperparameters): string {
  const o = hyper.optimizer;
  switch (o.kind) {
    case 'sgd':
      return 'SGD, θ ← θ − η·∂L/∂θ';
    case 'momentum':
      return `momentum, v ← μ·v − η·∂L/∂θ, θ ← θ + v (μ = ${o.momentum})`;
    case 'adam':
      return `Adam with bias-corrected moments (β1 = ${o.beta1}, β2 = ${o.beta2}, ε = ${o.epsilon})`;
  }
}

/** Layers style: the optimizer's class, with update(params, grads, lr), and its one instance. */
export function optimizerClass(w: PythonWriter, hyper: Hyperparameters): void {
  const o = hyper.optimizer;
  w.gap();
  switch (o.kind) {
    case 'sgd':
      w.block(`class SGD:
    """θ ← θ − η·∂L/∂θ"""

    def update(self, params, grads, lr):
        for key in params:
            params[key] -= lr * grads[key]


optimizer = SGD()`);
      return;
    case 'momentum':
      w.block(`class Momentum:
    """v ← μ·v − η·∂L/∂θ, θ ← θ + v: one velocity per parameter, kept between steps."""

    def __init__(self, momentum=0.9):
        self.momentum = momentum
        self.v = {}

    def update(self, params, grads, lr):
        for key in params:
            self.v[key] = self.momentum * self.v.get(key, 0.0) - lr * grads[key]
            params[key] += self.v[key]


optimizer = Momentum(momentum=${py(o.momentum)})`);
      return;
    case 'adam':
      w.block(`class Adam:
    """Moments m and v of every gradient, corrected for their start at zero."""

    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-08):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.t, self.m, self.v = 0, {}, {}

    def update(self, params, grads, lr):
        self.t += 1
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m.get(key, 0.0) + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v.get(key, 0.0) + (1 - self.beta2) * g * g
            m_hat = self.m[key] / (1 - self.beta1 ** self.t)
            v_hat = self.v[key] / (1 - self.beta2 ** self.t)
            params[key] -= lr * m_hat / (np.sqrt(v_hat) + self.eps)


optimizer = Adam(beta1=${py(o.beta1)}, beta2=${py(o.beta2)}, eps=${py(o.epsilon)})`);
      return;
  }
}

/** Loop style: the state momentum and Adam keep between steps (nothing for SGD). */
export function loopOptimizerState(w: PythonWriter, spec: NetworkSpec, hyper: Hyperparameters, lay: Layout): void {
  const o = hyper.optimizer;
  if (o.kind === 'sgd') return;
  const n = spec.layers.map((l) => l.units);
  const shapes = [...n.slice(1).map((u, i) => `(${lay.weightDims(n[i]!, u)})`), ...n.slice(1).map((u) => (lay.row ? `(${u},)` : `(${u}, 1)`))];
  w.gap();
  w.line(`SHAPES = [${shapes.join(', ')}]`, 'the weights, then the biases');
  if (o.kind === 'momentum') {
    w.line(`MU = ${py(o.momentum)}`);
    w.line('velocity = [np.zeros(s) for s in SHAPES]', 'kept between steps');
  } else {
    w.line(`BETA1, BETA2, EPS = ${py(o.beta1)}, ${py(o.beta2)}, ${py(o.epsilon)}`);
    w.line('adam = {"t": 0, "m": [np.zeros(s) for s in SHAPES], "v": [np.zeros(s) for s in SHAPES]}');
  }
}

/** Loop style: the update lines inside step; weights, biases, nabla_w, nabla_b and L exist. */
export function loopUpdate(w: PythonWriter, hyper: Hyperparameters): void {
  const o = hyper.optimizer;
  if (o.kind === 'sgd') {
    w.line('    weights = [W - lr * nw for W, nw in zip(weights, nabla_w)]');
    w.line('    biases = [b - lr * nb for b, nb in zip(biases, nabla_b)]');
    return;
  }
  if (o.kind === 'adam') {
    w.line('    adam["t"] += 1');
    w.line('    c1, c2 = 1 - BETA1 ** adam["t"], 1 - BETA2 ** adam["t"]', 'bias corrections');
  }
  w.line('    params, grads = weights + biases, nabla_w + nabla_b');
  w.line('    for i, g in enumerate(grads):');
  if (o.kind === 'momentum') {
    w.line('        velocity[i] = MU * velocity[i] - lr * g');
    w.line('        params[i] = params[i] + velocity[i]');
  } else {
    w.line('        adam["m"][i] = BETA1 * adam["m"][i] + (1 - BETA1) * g');
    w.line('        adam["v"][i] = BETA2 * adam["v"][i] + (1 - BETA2) * g * g');
    w.line('        params[i] = params[i] - lr * (adam["m"][i] / c1) / (np.sqrt(adam["v"][i] / c2) + EPS)');
  }
  w.line('    weights, biases = params[:L], params[L:]');
}
