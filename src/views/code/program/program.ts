/**
 * The current experiment as a whole program: a Python file (sections marked "# %%") or a
 * Jupyter notebook (nbformat 4, one markdown and one code cell per section). It holds the
 * training step of the code panel (either style, either convention), the lab's random numbers,
 * the data, the network as a class built once, evaluate/accuracy, a numerical gradient check in
 * the manner of Saito's gradient_check.py, and the training loop with the lab's schedule: from
 * the same seed it takes the same batches and reaches the same weights as the lab.
 */
import type { ExperimentConfig } from '../../../presets/config.ts';
import type { ExperimentData } from '../../../presets/data-source.ts';
import { numpyCode, type CodeStyle, type Convention } from '../numpy.ts';
import { layout, py } from '../python.ts';
import { inlineData, mnistData } from './data.ts';
import { LAB_RANDOM } from './lab-random.ts';
import { networkClass } from './network.ts';

export interface ProgramSection {
  readonly title: string;
  readonly code: string;
}

const EVALUATE = `def accuracy(y, t):
    """Share of samples classified right: argmax for several outputs, y ≥ 0.5 for one."""
    if y.shape[UNITS] == 1:
        return float(np.mean((y >= 0.5) == (t >= 0.5)))
    return float(np.mean(np.argmax(y, axis=UNITS) == np.argmax(t, axis=UNITS)))


def evaluate(net, X, T):
    """Mean data loss and accuracy over a whole set (rows are samples, as loaded)."""
    x, t = as_batch(X), as_batch(T)
    out = {"loss": float(net.data_loss(x, t))}
    if CLASSIFICATION:
        out["accuracy"] = accuracy(net.predict(x), t)
    return out`;

const GRADIENT_CHECK = `def numerical_gradient(f, x, h=1e-4):
    """Central differences (f(x + h) − f(x − h)) / 2h, one entry at a time, as in Saito's book."""
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=[["readwrite"]])
    while not it.finished:
        idx = it.multi_index
        tmp = x[idx]
        x[idx] = tmp + h
        fxh1 = f()
        x[idx] = tmp - h
        fxh2 = f()
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp
        it.iternext()
    return grad


def gradient_check(net, X, T, samples=3):
    """Backpropagation against the numerical gradient on the first few samples, per tensor."""
    x, t = as_batch(X[:samples]), as_batch(T[:samples])
    dW, db = net.backprop_gradients(x, t)
    worst = 0.0
    for l, (W, b) in enumerate(zip(net.weights(), net.biases()), start=1):
        for name, theta, g in ((f"W{l}", W, dW[l - 1]), (f"b{l}", b, db[l - 1])):
            g_num = numerical_gradient(lambda: net.loss(x, t), theta)
            diff = np.abs(g - g_num)
            rel = float(np.max(diff / np.maximum(np.maximum(np.abs(g), np.abs(g_num)), 1e-5)))
            worst = max(worst, rel)
            print(f"{name}: mean |g - g_num| {np.mean(diff):.3e}, max relative error {rel:.3e}")
    return worst`;

function trainLoop(config: ExperimentConfig): string {
  const s = config.schedule;
  const batches =
    s.sampling === 'full-batch' ? 'full_batches(n)' : s.sampling === 'epochs' ? `epoch_batches(n, BATCH_SIZE, rng)` : `random_batches(n, BATCH_SIZE, rng)`;
  return `def train(net, X_TRAIN, T_TRAIN, X_TEST, T_TEST, iterations, report):
    """The lab's schedule: batches from the seed's second stream (seed·2 + 1), ${s.sampling}."""
    n = len(X_TRAIN)
    rng = LabRng(SEED * 2 + 1)
    batches = ${batches}
    for it in range(1, iterations + 1):
        idx = next(batches)
        loss = net.train_step(as_batch(X_TRAIN[idx]), as_batch(T_TRAIN[idx]), LEARNING_RATE)
        report({"step": it, "loss": float(loss)})
        if it % EVALUATE_EVERY == 0 or it == iterations:
            line = {"iter": it}
            if EVALUATE_TRAIN or X_TEST is None:
                line["train"] = evaluate(net, X_TRAIN, T_TRAIN)
            if X_TEST is not None:
                line["test"] = evaluate(net, X_TEST, T_TEST)
            report(line)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mnist", default="mnist", help="directory with the MNIST IDX files (plain or .gz)")
    parser.add_argument("--steps", type=int, default=ITERATIONS, help="training steps (default: the lab's schedule)")
    parser.add_argument("--gradcheck", action="store_true", help="check the gradients numerically before training")
    parser.add_argument("--json", action="store_true", help="print JSON lines, and the weights at the end")
    args = parser.parse_args(argv)
    X_TRAIN, T_TRAIN, X_TEST, T_TEST = load_data(args)
    net = Network(SIZES, SEED)
    if args.gradcheck:
        print(f"gradient check: worst relative error {gradient_check(net, X_TRAIN, T_TRAIN):.3e}")
    if args.json:
        report = lambda line: print(json.dumps(line))
    else:
        report = lambda line: print(line) if "iter" in line or line["step"] % 100 == 0 else None
    train(net, X_TRAIN, T_TRAIN, X_TEST, T_TEST, args.steps, report)
    if args.json:
        print(json.dumps({"W": [W.tolist() for W in net.weights()], "b": [b.tolist() for b in net.biases()]}))`;
}

function dataDescription(config: ExperimentConfig): string {
  const d = config.data;
  if (d.kind === 'toy2d' || d.kind === 'regression') return `The ${d.name} data (${d.n} points, noise ${d.noise}, data seed ${d.seed}, test fraction ${d.testFraction})`;
  if (d.kind === 'csv') return `The CSV data "${d.name}"`;
  return 'MNIST';
}

/** The program's sections; data is the lab's (after its split) for every kind but MNIST, which it ignores. */
export function programSections(config: ExperimentConfig, data: ExperimentData | null, style: CodeStyle, convention: Convention): ProgramSection[] {
  const lay = layout(convention);
  const spec = config.network;
  const k = spec.layers[spec.layers.length - 1]!.units;
  const step = numpyCode(spec, config.hyper, style, convention).lines;
  const demo = step.findIndex((l) => l.startsWith('if __name__ == "__main__":'));
  const stepCode = step.slice(1, demo).join('\n').trim(); // without "import numpy as np" and the demo
  const classification = config.data.kind === 'mnist' || data?.train.kind === 'classification';
  if (config.data.kind !== 'mnist' && data === null) throw new Error('the program needs the data of a non-MNIST experiment');
  const s = config.schedule;
  const settings = [
    `SIZES = [${spec.layers.map((l) => l.units).join(', ')}]`,
    `SEED = ${config.seed}`,
    `LEARNING_RATE = ${py(config.hyper.learningRate)}`,
    `BATCH_SIZE = ${s.batchSize}`,
    `ITERATIONS = ${s.iterations}`,
    `EVALUATE_EVERY = ${s.evaluateEvery}`,
    `EVALUATE_TRAIN = ${s.evaluateTrain ? 'True' : 'False'}`,
    `CLASSIFICATION = ${classification ? 'True' : 'False'}`,
    `UNITS = ${lay.unitAxis}  # the axis of a sample's units`,
    '',
    '',
    'def as_batch(rows):',
    `    """Rows of samples as step() takes them${lay.row ? ': unchanged (rows are samples).' : ': transposed (columns are samples).'}"""`,
    `    return ${lay.row ? 'rows' : 'rows.T'}`,
  ].join('\n');
  return [
    {
      title: `${config.name}: the whole experiment`,
      code: `"""${config.name}: the lab's experiment as a program. From seed ${config.seed} it draws the same initial
weights and the same batches as the lab and takes the same steps: python3 ${config.name}.py [--steps N] [--gradcheck]${config.data.kind === 'mnist' ? ' --mnist DIR' : ''}"""
import argparse
import copy
import gzip
import json
import math
import os
import sys

import numpy as np

${settings}`,
    },
    { title: 'The training step, as the code panel shows it', code: stepCode },
    { title: "The lab's random numbers: the same seed gives the same weights and batches", code: LAB_RANDOM },
    { title: 'The data', code: config.data.kind === 'mnist' ? mnistData(config.data, k) : inlineData(data!, k, dataDescription(config)) },
    { title: 'The network, built once', code: networkClass(config, style, lay) },
    { title: 'Evaluation: loss and accuracy over a whole set', code: EVALUATE },
    { title: "A numerical gradient check, in the manner of Saito's gradient_check.py", code: GRADIENT_CHECK },
    { title: "Training with the lab's schedule", code: trainLoop(config) },
  ];
}

/** The program as one Python file: sections marked "# %%" (as editors and jupytext read them). */
export function pythonProgram(sections: readonly ProgramSection[]): string {
  const body = sections.map((s, i) => (i === 0 ? s.code : `# %% ${s.title}\n\n${s.code}`)).join('\n\n\n');
  return `${body}\n\n\nif __name__ == "__main__":\n    main(sys.argv[1:])\n`;
}

/** The program as a Jupyter notebook (nbformat 4): a markdown title and a code cell per section, then a cell that runs it. */
export function notebook(sections: readonly ProgramSection[], mnist: boolean): string {
  const source = (text: string) => text.split('\n').map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));
  const cells = sections.flatMap((s) => [
    { cell_type: 'markdown', metadata: {}, source: source(`## ${s.title}`) },
    { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: source(s.code) },
  ]);
  const run = mnist ? 'main(["--mnist", "mnist"])  # the directory with the MNIST IDX files' : 'main([])';
  cells.push({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: source(run) });
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' }, language_info: { name: 'python' } },
    cells: cells.map((c, i) => ({ id: `cell-${i}`, ...c })),
  };
  return JSON.stringify(nb, null, 1) + '\n';
}
