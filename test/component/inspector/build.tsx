/** A small real network and batch, stepped phase by phase by the core's Trainer, shown in a lab. */
import { act } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { Hyperparameters, NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import type { Language } from '../../../src/i18n/i18n.ts';
import type { Selection } from '../../../src/store/ui.ts';
import { renderInLab } from '../lab-harness.tsx';

export const SPEC: NetworkSpec = {
  layers: [{ units: 2 }, { units: 3, activation: 'tanh' }, { units: 2, activation: 'identity' }],
  loss: 'softmax-cross-entropy',
};
export const HYPER: Hyperparameters = { learningRate: 0.5, optimizer: { kind: 'sgd' }, regularization: { kind: 'l2', lambda: 0.01 } };
export const BATCH = { x: fromRows([[0.5, -1], [2, 0.25], [-1, 1.5]]), t: fromRows([[1, 0], [0, 1], [1, 0]]) };

export function setup(ui: ReactElement, options: { language?: Language; spec?: NetworkSpec; hyper?: Hyperparameters } = {}) {
  const spec = options.spec ?? SPEC;
  const hyper = options.hyper ?? HYPER;
  const h = renderInLab(ui, options.language ?? 'en');
  const net = createNetwork(spec, { weights: { kind: 'xavier' }, biases: { kind: 'standard-normal' } }, createRng(7));
  const trainer = new Trainer(net, hyper);
  act(() => {
    h.emit({ type: 'ready', info: { name: 'x', network: spec, hyper, batchSize: 3, trainSize: 3, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } });
  });
  const stepper = trainer.begin(BATCH, { trace: true });
  /** Runs n more phases (all that are left by default) and emits the snapshot with its trace. */
  const phases = (n = stepper.phases.length) => {
    let phase = null;
    for (let k = 0; k < n && !stepper.done; k++) phase = stepper.next();
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase, params: trainer.params, trace: stepper.trace() }));
    return stepper.trace();
  };
  const select = (selection: Selection) => act(() => h.lab.ui.getState().select(selection));
  return { h, trainer, stepper, phases, select };
}

/** The exact values the inspector attached to its cells of one kind. */
export function cellValues(root: ParentNode, cell: string): number[] {
  return Array.from(root.querySelectorAll(`[data-cell="${cell}"]`)).map((e) => Number(e.getAttribute('data-value')));
}
