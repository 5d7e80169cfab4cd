/**
 * Turns a data config into train and test sets. MNIST bytes come from a loader the caller
 * passes in (files in Node, fetched assets in the browser), so this module stays pure.
 */
import { createRng } from '../core/rng.ts';
import type { ClassificationSet, Dataset, Features } from '../data/dataset.ts';
import { friedman1, noisySine } from '../data/regression.ts';
import { firstN, lastN, randomN, trainTestSplit } from '../data/split.ts';
import { TOY_2D } from '../data/toy2d.ts';
import { csvDataset, type DataConfig, type MnistSelection } from './config.ts';

export interface ExperimentData {
  /** Features as doubles, or as bytes for MNIST's pixels. */
  readonly train: Dataset<Features>;
  /** null when the experiment trains and evaluates on the same points. */
  readonly test: Dataset<Features> | null;
}

export type MnistLoader = (part: MnistSelection['part']) => ClassificationSet<Features>;

function select(ds: ClassificationSet<Features>, sel: MnistSelection, seed: number): Dataset<Features> {
  switch (sel.take) {
    case 'all':
      return ds;
    case 'first':
      return firstN(ds, sel.n!);
    case 'last':
      return lastN(ds, sel.n!);
    case 'random':
      return randomN(ds, sel.n!, createRng(seed));
  }
}

function generated(config: Extract<DataConfig, { kind: 'toy2d' | 'regression' }>): Dataset {
  const options = { n: config.n, noise: config.noise, seed: config.seed };
  if (config.kind === 'toy2d') return TOY_2D[config.name](options);
  return config.name === 'noisy-sine' ? noisySine(options) : friedman1(options);
}

export function loadExperimentData(config: DataConfig, mnist: MnistLoader): ExperimentData {
  if (config.kind === 'mnist') {
    return {
      train: select(mnist(config.train.part), config.train, 1),
      test: config.test === null ? null : select(mnist(config.test.part), config.test, 2),
    };
  }
  const all: Dataset = config.kind === 'csv' ? csvDataset(config) : generated(config);
  if (config.testFraction === 0) return { train: all, test: null };
  const { train, test } = trainTestSplit(all, config.testFraction, createRng(config.seed + 1));
  return { train, test };
}
