/**
 * The network class of an exported program, built once: its parameters drawn from the lab's
 * seed in the lab's order, a train_step that calls step(), the forward pass and the loss that
 * evaluate() and the gradient check read, and backprop_gradients: step()'s gradients without
 * changing the network or the optimizer's state.
 */
import type { ExperimentConfig } from '../../../presets/config.ts';
import { activation } from '../../../core/activations.ts';
import { ownsOutput } from '../numpy-parts.ts';
import { py, type Layout } from '../python.ts';
import { biasInit, weightStd } from './lab-random.ts';

/** Python: the mean data loss of the output `out` (logits, or aᴸ) against t, as the lab computes it. */
function dataLoss(config: ExperimentConfig, lay: Layout): string {
  const m = lay.samples('out');
  switch (config.network.loss) {
    case 'softmax-cross-entropy':
      return `-np.sum(t * log_softmax(out)) / ${m}`;
    case 'sigmoid-binary-cross-entropy':
      return `np.sum(np.logaddexp(0, out) - t * out) / ${m}`;
    case 'squared-error-half':
      return `0.5 * np.sum((out - t) ** 2) / ${m}`;
    case 'mean-squared-error':
      return 'np.sum((out - t) ** 2) / out.size';
  }
}

function prediction(config: ExperimentConfig): string {
  switch (config.network.loss) {
    case 'softmax-cross-entropy':
      return 'softmax(self.output(x))';
    case 'sigmoid-binary-cross-entropy':
      return 'sigmoid(self.output(x))';
    default:
      return 'self.output(x)';
  }
}

/** The optimizer's state step() keeps in module globals (restored after backprop_gradients). */
function optimizerGlobals(config: ExperimentConfig, style: 'layers' | 'loop'): string[] {
  if (style === 'layers') return ['optimizer'];
  const kind = config.hyper.optimizer.kind;
  return kind === 'sgd' ? [] : kind === 'momentum' ? ['velocity'] : ['adam'];
}

export function networkClass(config: ExperimentConfig, style: 'layers' | 'loop', lay: Layout): string {
  const spec = config.network;
  const L = spec.layers.length - 1;
  const owns = ownsOutput(spec);
  const acts = spec.layers.slice(1).map((l, i) => (owns && i === L - 1 ? null : l.activation!));
  const reg = config.hyper.regularization;
  const penalty = reg.kind === 'l2' ? `0.5 * ${py(reg.lambda)} * sum(np.sum(W ** 2) for W in self.weights())` : reg.kind === 'l1' ? `${py(reg.lambda)} * sum(np.sum(np.abs(W)) for W in self.weights())` : '0.0';
  const layers = style === 'layers';
  const actCall = (a: (typeof acts)[number]) => (a === null ? 'None' : layers ? activation(a).numpy.layer.cls : activation(a).numpy.f);
  const store = layers
    ? ['            self.params[f"W{l}"], self.params[f"b{l}"] = W, b']
    : ['            self.W.append(W)', '            self.b.append(b)'];
  return `class Network:
    """The ${spec.layers.map((l) => l.units).join('-')} network, built once. Its parameters are drawn as the lab draws them
    from the experiment's seed (stream seed·2): layer by layer, W row by row (n_in × n_out), then b."""

    ACTIVATIONS = [${acts.map(actCall).join(', ')}]  # layers 1..${L}${owns ? '; the loss applies the output\'s ' + (spec.loss.startsWith('softmax') ? 'softmax' : 'sigmoid') : ''}

    def __init__(self, sizes, seed):
        rng = LabRng(seed * 2)
        ${layers ? 'self.params = {}' : 'self.W, self.b = [], []'}
        for l in range(1, len(sizes)):
            n_in, n_out = sizes[l - 1], sizes[l]
            std = ${weightStd(config.init)}
            W = np.array([std * rng.gaussian() for _ in range(n_in * n_out)]).reshape(n_in, n_out)
            ${biasInit(config.init)}
${lay.row ? '' : '            W, b = W.T.copy(), b.reshape(-1, 1)  # columns: the lab\'s W transposed\n'}${store.join('\n')}

    def weights(self):
        return ${layers ? '[self.params[f"W{l}"] for l in range(1, ' + (L + 1) + ')]' : 'self.W'}

    def biases(self):
        return ${layers ? '[self.params[f"b{l}"] for l in range(1, ' + (L + 1) + ')]' : 'self.b'}

    def train_step(self, x, t, lr):
        """One step of step() on a batch; returns its loss (before the update)."""
        ${layers ? 'self.params, loss, _ = step(x, t, self.params, lr=lr)' : 'self.W, self.b, loss, _ = step(x, t, self.W, self.b, lr=lr)'}
        return loss

    def output(self, x):
        """Forward through every layer: the output layer's ${owns ? 'logits z' : 'activation a'}."""
        a = x
        for W, b, f in zip(self.weights(), self.biases(), self.ACTIVATIONS):
            z = ${lay.affine('a', 'W', 'b')}
            a = z if f is None else ${layers ? 'f().forward(z)' : 'f(z)'}
        return a

    def predict(self, x):
        """y: what the network answers for each sample."""
        return ${prediction(config)}

    def data_loss(self, x, t):
        """The mean of the per-sample losses L_i over the samples of x."""
        out = self.output(x)
        return ${dataLoss(config, lay)}

    def loss(self, x, t):
        """The training objective: the mean data loss plus the penalty, as step() computes it."""
        return self.data_loss(x, t) + ${penalty}

    def backprop_gradients(self, x, t):
        """∂L/∂W and ∂L/∂b by step()'s backpropagation, leaving the network and the optimizer as they were."""
        saved = {name: copy.deepcopy(globals()[name]) for name in ${JSON.stringify(optimizerGlobals(config, style))}}
        W, b = [W.copy() for W in self.weights()], [b.copy() for b in self.biases()]
        ${layers ? `params = {}
        for l in range(1, len(W) + 1):
            params[f"W{l}"], params[f"b{l}"] = W[l - 1], b[l - 1]
        _, _, cache = step(x, t, params, lr=0.0)` : '_, _, _, cache = step(x, t, W, b, lr=0.0)'}
        globals().update(saved)
        return cache["dW"], cache["db"]`;
}
