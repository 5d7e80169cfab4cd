/**
 * What each phase computes, written as the formula the core evaluates, in the screen's
 * convention: rows (z = a·W + b, the core's own) or columns (z = W·a + b, W the core's Wᵀ).
 * Superscripts name the layer.
 */
import { activation } from '../../core/activations.ts';
import { loss as lossOf } from '../../core/losses.ts';
import type { Phase } from '../../core/phases.ts';
import type { Hyperparameters, NetworkSpec } from '../../core/spec.ts';
import type { Convention } from '../shared/convention.ts';
import { sup } from '../shared/notation.ts';


/** A name in a formula: leaky-relu is written LeakyReLU, so its hyphen cannot read as a minus. */
function shownName(name: string): string {
  return name === 'leaky-relu' ? 'LeakyReLU' : name;
}

/** The loss of one sample is Lᵢ, the batch's L: the per-sample formula written with its index. */
function perSample(formula: string): string {
  return formula.replace(/^L = /, 'Lᵢ = ');
}

/** The formula of a phase, e.g. "z² = a¹·W² + b²,  a² = tanh(z²)" (columns: "z² = W²·a¹ + b², …"). */
export function phaseFormula(phase: Phase, spec: NetworkSpec, hyper: Hyperparameters, convention: Convention = 'rows'): string {
  const L = spec.layers.length - 1;
  const rows = convention === 'rows';
  switch (phase.kind) {
    case 'forward': {
      const l = phase.layer;
      const f = spec.layers[l]!.activation!;
      const fa = f === 'identity' ? `z${sup(l)}` : `${shownName(activation(f).name)}(z${sup(l)})`;
      const product = rows ? `a${sup(l - 1)}·W${sup(l)}` : `W${sup(l)}·a${sup(l - 1)}`;
      return `z${sup(l)} = ${product} + b${sup(l)},  a${sup(l)} = ${fa}`;
    }
    case 'loss':
      return `${perSample(lossOf(spec.loss).formula.loss)},  L = (1/m)·Σᵢ Lᵢ${hyper.regularization.kind === 'none' || hyper.regularization.lambda === 0 ? '' : hyper.regularization.kind === 'l2' ? ' + ½·λ·ΣW²' : ' + λ·Σ|W|'}`;
    case 'backward': {
      const l = phase.layer;
      const delta =
        l === L
          ? lossOf(spec.loss).formula.delta.replace('δ', `δ${sup(L)}`).replace("f'(z)", `f'(z${sup(L)})`)
          : `δ${sup(l)} = (${rows ? `δ${sup(l + 1)}·W${sup(l + 1)}ᵀ` : `W${sup(l + 1)}ᵀ·δ${sup(l + 1)}`}) ⊙ f'(z${sup(l)})`;
      const reg = hyper.regularization;
      const penalty = reg.kind === 'none' || reg.lambda === 0 ? '' : reg.kind === 'l2' ? ` + λ·W${sup(l)}` : ` + λ·sign(W${sup(l)})`;
      const dW = rows ? `a${sup(l - 1)}ᵀ·δ${sup(l)}` : `δ${sup(l)}·a${sup(l - 1)}ᵀ`;
      return `${delta},  ∂L/∂W${sup(l)} = (1/m)·${dW}${penalty},  ∂L/∂b${sup(l)} = (1/m)·Σᵢ δ${sup(l)}ᵢ`;
    }
    case 'update':
      switch (hyper.optimizer.kind) {
        case 'sgd':
          return `W ← W − η·∂L/∂W,  b ← b − η·∂L/∂b  (η = ${hyper.learningRate})`;
        case 'momentum':
          return `v ← μ·v − η·∂L/∂W,  W ← W + v  (η = ${hyper.learningRate}, μ = ${hyper.optimizer.momentum})`;
        case 'adam':
          return `W ← W − η·m̂ / (√v̂ + ε)  (Adam, η = ${hyper.learningRate})`;
      }
  }
}

/** Which weight layer a phase highlights (null: the whole network, for the update). */
export function phaseLayer(phase: Phase, L: number): number | null {
  if (phase.kind === 'forward' || phase.kind === 'backward') return phase.layer;
  if (phase.kind === 'loss') return L;
  return null;
}
