/**
 * The "loop" style of the NumPy code (as in "neural networks and deep learning"): lists of
 * weights and biases, a forward loop that collects zs and activations, the output error delta,
 * and a backward loop over the layers below it, filling nabla_w and nabla_b.
 */
import { phaseLabel } from '../../core/phases.ts';
import type { Hyperparameters, NetworkSpec } from '../../core/spec.ts';
import { activation } from '../../core/activations.ts';
import { act, demoData, distinct, header, helpers, stepDefaults, units } from './numpy-parts.ts';
import { loopOptimizerState, loopUpdate } from './numpy-optim.ts';
import { type Layout, type PythonWriter } from './python.ts';

export function loopCode(w: PythonWriter, spec: NetworkSpec, hyper: Hyperparameters, lay: Layout): void {
  const n = units(spec);
  const L = n.length - 1;
  const layers = Array.from({ length: L }, (_, i) => i + 1);
  const acts = layers.map((l) => act(spec, l));
  const kinds = distinct(acts);
  const uniform = kinds.length === 1 ? activation(kinds[0]!).numpy : null;
  const reg = hyper.regularization.kind;
  const ax = lay.unitAxis;
  const forwardPhases = layers.map((l) => phaseLabel({ kind: 'forward', layer: l }));
  const hiddenBackward = layers.slice(0, -1).map((l) => phaseLabel({ kind: 'backward', layer: l }));
  const shapes = (ls: number[]) => ls.map((l) => lay.batch(n[l]!)).join(', ');

  header(w, spec, hyper, lay, 'in the style of the classic backprop(): a forward loop and a backward loop.');
  helpers(w, spec, lay);
  for (const a of kinds) {
    w.gap();
    w.block(activation(a).numpy.functions);
  }
  if (uniform === null) {
    w.gap();
    w.line(`f = [${acts.map((a) => activation(a).numpy.f).join(', ')}]`, `the activation of layers 1..${L}`);
    w.line(`f_prime = [${acts.map((a) => activation(a).numpy.prime).join(', ')}]`);
  }
  loopOptimizerState(w, spec, hyper, lay);

  w.gap();
  w.line(`def step(x, t, weights, biases, ${stepDefaults(hyper)}):`);
  w.line(`    """One training step on a batch x ${lay.batch(n[0]!)} with targets t ${lay.batch(n[L]!)}.`);
  w.line();
  w.line(`    weights: ${layers.map((l) => lay.weight(n[l - 1]!, n[l]!)).join(', ')}; biases: ${layers.map((l) => lay.bias(n[l]!)).join(', ')}.`);
  w.line('    Returns the new weights and biases, the loss, and every layer\'s z, a, delta, dW, db."""');
  w.during(phaseLabel({ kind: 'forward', layer: 1 }));
  w.line(`    m = ${lay.samples('x')}`, 'the batch size');
  w.line('    L = len(weights)', `${L} weight layers`);
  w.during();
  w.line('    # forward: zs[l - 1] and activations[l] belong to layer l');
  w.during(phaseLabel({ kind: 'forward', layer: 1 }));
  w.line('    activation = x');
  w.line('    activations = [x]');
  w.line('    zs = []');
  w.during(...forwardPhases);
  w.line(uniform === null ? '    for W, b, f_l in zip(weights, biases, f):' : '    for W, b in zip(weights, biases):');
  w.line(`        z = ${lay.affine('activation', 'W', 'b')}`, shapes(layers));
  w.line('        zs.append(z)');
  w.line(`        activation = ${uniform === null ? 'f_l' : uniform.f}(z)`);
  w.line('        activations.append(activation)');

  w.during();
  w.line('    # loss: the mean over the batch' + (reg === 'none' ? '' : ' + the penalty on the weights'));
  w.during('loss');
  const yShape = lay.batch(n[L]!);
  switch (spec.loss) {
    case 'softmax-cross-entropy':
      w.line('    y = softmax(zs[-1])', yShape);
      w.line('    loss = -np.sum(t * log_softmax(zs[-1])) / m');
      break;
    case 'sigmoid-binary-cross-entropy':
      w.line('    z = zs[-1]');
      w.line('    y = sigmoid(z)', yShape);
      w.line('    loss = np.sum(np.logaddexp(0, z) - t * z) / m', '= −Σ [t·log y + (1 − t)·log(1 − y)] / m');
      break;
    case 'squared-error-half':
      w.line('    y = activations[-1]', yShape);
      w.line('    loss = 0.5 * np.sum((y - t) ** 2) / m');
      break;
    case 'mean-squared-error':
      w.line('    y = activations[-1]', yShape);
      w.line(`    k = y.shape[${ax}]`, 'the number of outputs');
      w.line('    loss = np.sum((y - t) ** 2) / (m * k)');
      break;
  }
  if (reg === 'l2') w.line('    loss += 0.5 * lam * sum(np.sum(W ** 2) for W in weights)');
  if (reg === 'l1') w.line('    loss += lam * sum(np.sum(np.abs(W)) for W in weights)');

  const penalty = (i: string) => (reg === 'l2' ? ` + lam * weights[${i}]` : reg === 'l1' ? ` + lam * np.sign(weights[${i}])` : '');
  const prime = (i: string) => (uniform === null ? `f_prime[${i}]` : uniform.prime);
  w.during();
  w.line('    # backward: the output layer');
  w.during(phaseLabel({ kind: 'backward', layer: L }));
  w.line('    deltas, nabla_w, nabla_b = [None] * L, [None] * L, [None] * L');
  switch (spec.loss) {
    case 'softmax-cross-entropy':
      w.line(`    delta = y * t.sum(axis=${ax}, keepdims=True) - t`, `${yShape}: y − t, as each sample's t sums to 1`);
      break;
    case 'sigmoid-binary-cross-entropy':
      w.line('    delta = y - t', yShape);
      break;
    case 'squared-error-half':
      w.line(`    delta = (y - t) * ${prime('-1')}(zs[-1])`, yShape);
      break;
    case 'mean-squared-error':
      w.line(`    delta = 2 / k * (y - t) * ${prime('-1')}(zs[-1])`, yShape);
      break;
  }
  w.line('    deltas[-1] = delta');
  w.line(`    nabla_w[-1] = ${lay.gradW('activations[-2]', 'delta')}${penalty('-1')}`, lay.weight(n[L - 1]!, n[L]!));
  w.line(`    nabla_b[-1] = ${lay.gradB('delta')}`, lay.bias(n[L]!));
  w.during();
  w.line('    # backward: l counts from the end, so zs[-l] belongs to layer L - l + 1');
  const below = [...layers].reverse().slice(1);
  w.during(...hiddenBackward);
  w.line('    for l in range(2, L + 1):');
  w.line(`        delta = (${lay.back('delta', 'weights[-l + 1]')}) * ${prime('-l')}(zs[-l])`, shapes(below));
  w.line('        deltas[-l] = delta');
  w.line(`        nabla_w[-l] = ${lay.gradW('activations[-l - 1]', 'delta')}${penalty('-l')}`, below.map((l) => lay.weight(n[l - 1]!, n[l]!)).join(', '));
  w.line(`        nabla_b[-l] = ${lay.gradB('delta')}`);

  w.during();
  w.line('    # update');
  w.during('update');
  loopUpdate(w, hyper);
  w.during();
  w.line('    cache = {"z": zs, "a": activations[1:], "delta": deltas, "dW": nabla_w, "db": nabla_b}');
  w.line('    return weights, biases, loss, cache');

  demoData(w, spec, lay);
  const pairs = lay.row ? 'n_in, n_out' : 'n_out, n_in';
  w.line(`    weights = [rng.standard_normal((${pairs})) / np.sqrt(n_in)`);
  w.line('               for n_in, n_out in zip(sizes[:-1], sizes[1:])]');
  w.line(`    biases = [${lay.row ? 'np.zeros(n)' : 'np.zeros((n, 1))'} for n in sizes[1:]]`);
  w.line('    for i in range(10):');
  w.line('        weights, biases, loss, _ = step(x, t, weights, biases)');
  w.line('        print(f"step {i}: loss {loss:.6f}")');
}
