/**
 * The "layers" style of the NumPy code (as in "deep learning from scratch"): an Affine class
 * that keeps x and forms dW and db, one class per activation, a last layer per loss, and a
 * step that goes forward through the layers, takes the loss, goes back in reverse and updates.
 */
import { phaseLabel } from '../../core/phases.ts';
import type { Hyperparameters, LossName, NetworkSpec } from '../../core/spec.ts';
import { activation } from '../../core/activations.ts';
import { act, layerClass, demoData, distinct, header, helpers, ownsOutput, regularized, stepDefaults, units } from './numpy-parts.ts';
import { optimizerClass } from './numpy-optim.ts';
import { type Layout, type PythonWriter } from './python.ts';

const LOSS_LAYERS: Record<LossName, { cls: string; code: (lay: Layout) => string }> = {
  'softmax-cross-entropy': {
    cls: 'SoftmaxWithLoss',
    code: (lay) => `class SoftmaxWithLoss:
    """y = softmax(z); L_i = −Σ_j t_j·log y_j, averaged over the batch."""

    def forward(self, z, t):
        self.y, self.t = softmax(z), t
        return -np.sum(t * log_softmax(z)) / ${lay.samples('z')}

    def backward(self):
        """δ = ∂L_i/∂z for each sample: y − t, as each sample's t sums to 1."""
        # Saito's SoftmaxWithLoss.backward returns (y − t) / batch_size and his Affine does not
        # divide; here Affine.backward divides by m instead. Mixing the book's SoftmaxWithLoss
        # with this Affine would divide by m twice.
        return self.y * self.t.sum(axis=${lay.unitAxis}, keepdims=True) - self.t`,
  },
  'sigmoid-binary-cross-entropy': {
    cls: 'SigmoidWithLoss',
    code: (lay) => `class SigmoidWithLoss:
    """y = σ(z); L_i = −Σ_j [t_j·log y_j + (1 − t_j)·log(1 − y_j)], averaged over the batch."""

    def forward(self, z, t):
        self.y, self.t = sigmoid(z), t
        # log(1 + e^z) − t·z is the same loss, without overflow for any z
        return np.sum(np.logaddexp(0, z) - t * z) / ${lay.samples('z')}

    def backward(self):
        """δ = ∂L_i/∂z for each sample."""
        return self.y - self.t`,
  },
  'squared-error-half': {
    cls: 'HalfSquaredError',
    code: (lay) => `class HalfSquaredError:
    """L_i = ½·Σ_j (y_j − t_j)², averaged over the batch."""

    def forward(self, y, t):
        self.y, self.t = y, t
        return 0.5 * np.sum((y - t) ** 2) / ${lay.samples('y')}

    def backward(self):
        """∂L_i/∂y for each sample."""
        return self.y - self.t`,
  },
  'mean-squared-error': {
    cls: 'MeanSquaredError',
    code: (lay) => `class MeanSquaredError:
    """L_i = (1/k)·Σ_j (y_j − t_j)² over the k outputs, averaged over the batch."""

    def forward(self, y, t):
        self.y, self.t = y, t
        return np.sum((y - t) ** 2) / y.size

    def backward(self):
        """∂L_i/∂y for each sample."""
        k = self.y.shape[${lay.unitAxis}]
        return 2 / k * (self.y - self.t)`,
  },
};

export function layersCode(w: PythonWriter, spec: NetworkSpec, hyper: Hyperparameters, lay: Layout): void {
  const n = units(spec);
  const L = n.length - 1;
  const owns = ownsOutput(spec);
  /** Weight layers that have an activation layer (the loss owns a softmax/sigmoid output's). */
  const hasAct = (l: number) => !(owns && l === L);
  const actName = (l: number) => `${activation(act(spec, l)).numpy.layer.name}${l}`;
  const layers = Array.from({ length: L }, (_, i) => i + 1);
  const reg = hyper.regularization.kind;

  header(w, spec, hyper, lay, 'in the style of layer classes with forward() and backward().');
  helpers(w, spec, lay);
  w.gap();
  w.block(`class Affine:
    """z = ${lay.affine('x', 'W', 'b')}. Keeps x for the backward pass."""

    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return ${lay.affine('x', 'self.W', 'self.b')}

    def backward(self, delta):
        """delta = ∂L_i/∂z for each sample. Forms dW and db; returns ∂L_i/∂x."""
        m = ${lay.samples('self.x')}
        self.dW = ${lay.gradW('self.x', 'delta')}
        self.db = ${lay.gradB('delta')}
        return ${lay.back('delta', 'self.W')}`);
  for (const a of distinct(layers.filter(hasAct).map((l) => act(spec, l)))) {
    w.gap();
    w.block(layerClass(activation(a)));
  }
  w.gap();
  w.block(LOSS_LAYERS[spec.loss].code(lay));
  optimizerClass(w, hyper);

  w.gap();
  const paramShapes = layers.map((l) => `W${l} ${lay.weight(n[l - 1]!, n[l]!)}, b${l} ${lay.bias(n[l]!)}`);
  w.line(`def step(x, t, params, ${stepDefaults(hyper)}):`);
  w.line(`    """One training step on a batch x ${lay.batch(n[0]!)} with targets t ${lay.batch(n[L]!)}.`);
  w.line();
  for (let i = 0; i < L; i += 3) {
    const part = paramShapes.slice(i, i + 3).join(', ');
    w.line(`    ${i === 0 ? 'params holds ' : ''}${part}${i + 3 < L ? ',' : ' and is updated in place.'}`);
  }
  w.line('    Returns params, the loss, and each layer\'s z, a, delta, dW and db."""');
  for (const l of layers) {
    w.during(phaseLabel({ kind: 'forward', layer: l }));
    const affine = `Affine(params["W${l}"], params["b${l}"])`;
    w.line(hasAct(l) ? `    affine${l}, ${actName(l)} = ${affine}, ${activation(act(spec, l)).numpy.layer.cls}()` : `    affine${l} = ${affine}`);
  }
  w.during('loss');
  w.line(`    last_layer = ${LOSS_LAYERS[spec.loss].cls}()`);
  w.during();
  w.line();

  for (const l of layers) {
    w.during();
    w.line(`    # forward ${l}`);
    w.during(phaseLabel({ kind: 'forward', layer: l }));
    w.line(`    z${l} = affine${l}.forward(${l === 1 ? 'x' : `a${l - 1}`})`, lay.batch(n[l]!));
    if (hasAct(l)) w.line(`    a${l} = ${actName(l)}.forward(z${l})`, lay.batch(n[l]!));
    else w.line(`    a${l} = z${l}`, `linear output: the loss applies ${spec.loss.startsWith('softmax') ? 'softmax' : 'σ'}`);
  }
  w.during();
  w.line('    # loss: the mean over the batch' + (regularized(hyper) ? ' + the penalty on the weights' : ''));
  w.during('loss');
  w.line(`    loss = last_layer.forward(a${L}, t)`);
  const all = `(${layers.map((l) => `affine${l}`).join(', ')}${L === 1 ? ',' : ''})`;
  if (reg === 'l2') w.line(`    loss += 0.5 * lam * sum(np.sum(layer.W ** 2) for layer in ${all})`);
  if (reg === 'l1') w.line(`    loss += lam * sum(np.sum(np.abs(layer.W)) for layer in ${all})`);

  for (const l of [...layers].reverse()) {
    w.during();
    w.line(`    # backward ${l}`);
    w.during(phaseLabel({ kind: 'backward', layer: l }));
    const dout = l === L ? 'last_layer.backward()' : `da${l}`;
    w.line(`    delta${l} = ${hasAct(l) ? `${actName(l)}.backward(${dout})` : dout}`, lay.batch(n[l]!));
    if (l > 1) w.line(`    da${l - 1} = affine${l}.backward(delta${l})`, lay.batch(n[l - 1]!));
    else w.line(`    affine${l}.backward(delta${l})`);
    const penalty = reg === 'l2' ? ` + lam * affine${l}.W` : reg === 'l1' ? ` + lam * np.sign(affine${l}.W)` : '';
    w.line(`    dW${l} = affine${l}.dW${penalty}`, lay.weight(n[l - 1]!, n[l]!));
    w.line(`    db${l} = affine${l}.db`, lay.bias(n[l]!));
  }
  w.during();
  w.line('    # update');
  w.during('update');
  const grads = layers.map((l) => `"W${l}": dW${l}, "b${l}": db${l}`);
  if (L <= 3) w.line(`    grads = {${grads.join(', ')}}`);
  else {
    w.line('    grads = {');
    for (const g of grads) w.line(`        ${g},`);
    w.line('    }');
  }
  w.line('    optimizer.update(params, grads, lr)');
  w.during();
  const list = (name: string) => `[${layers.map((l) => `${name}${l}`).join(', ')}]`;
  w.line('    cache = {');
  for (const [key, name] of [['z', 'z'], ['a', 'a'], ['delta', 'delta'], ['dW', 'dW'], ['db', 'db']] as const) w.line(`        "${key}": ${list(name)},`);
  w.line('    }');
  w.line('    return params, loss, cache');

  demoData(w, spec, lay);
  w.line('    params = {}');
  w.line('    for l in range(1, len(sizes)):');
  const [a, b] = lay.row ? ['sizes[l - 1], sizes[l]', 'l - 1'] : ['sizes[l], sizes[l - 1]', 'l - 1'];
  w.line(`        params[f"W{l}"] = rng.standard_normal((${a})) / np.sqrt(sizes[${b}])`);
  w.line(`        params[f"b{l}"] = ${lay.row ? 'np.zeros(sizes[l])' : 'np.zeros((sizes[l], 1))'}`);
  w.line('    for i in range(10):');
  w.line('        params, loss, _ = step(x, t, params)');
  w.line('        print(f"step {i}: loss {loss:.6f}")');
}
