/**
 * `train`: runs a preset or a config file, printing one JSON line per measurement on stdout,
 * a progress bar on stderr, and a final summary line.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../presets/config.ts';
import { findPreset, presetNames } from '../presets/catalog.ts';
import { loadExperimentData } from '../presets/data-source.ts';
import { Experiment, stepsPerEpoch, type Measurement } from '../presets/experiment.ts';
import { numberFlag, stringFlag, UsageError, type ParsedArgs } from './args.ts';
import { loadMnist } from './mnist-files.ts';
import { ProgressBar } from './progress.ts';

export const TRAIN_FLAGS = ['preset', 'config', 'iters', 'epochs', 'seed'] as const;

export function resolveConfig(args: ParsedArgs): ExperimentConfig {
  const presetName = stringFlag(args, 'preset');
  const file = stringFlag(args, 'config');
  if ((presetName === undefined) === (file === undefined)) throw new UsageError('give exactly one of --preset NAME or --config FILE');
  if (presetName !== undefined) {
    const preset = findPreset(presetName);
    if (!preset) throw new UsageError(`unknown preset "${presetName}" (known: ${presetNames().join(', ')})`);
    return preset;
  }
  return validateExperimentConfig(readJson(file!, 'config'), 'config');
}

export function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(what, `"${path}" is not valid JSON (${(e as Error).message})`);
  }
}

function round(x: number | null, digits: number): number | null {
  return x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
}

function toLine(m: Measurement): object {
  return {
    iter: m.iteration,
    epoch: round(m.epoch, 3),
    loss: round(m.loss, 6),
    trainAcc: round(m.trainAccuracy, 4),
    testAcc: round(m.testAccuracy, 4),
    testLoss: round(m.testLoss, 6),
  };
}

export function runTrain(args: ParsedArgs, out: (line: string) => void): void {
  let config = resolveConfig(args);
  const seed = numberFlag(args, 'seed', { integer: true, min: 0 });
  if (seed !== undefined) config = { ...config, seed };
  const iters = numberFlag(args, 'iters', { integer: true, min: 1 });
  const epochs = numberFlag(args, 'epochs', { min: 0 });
  if (iters !== undefined && epochs !== undefined) throw new UsageError('give --iters or --epochs, not both');

  process.stderr.write(`${config.name}: loading data…\n`);
  const data = loadExperimentData(config.data, loadMnist);
  const perEpoch = stepsPerEpoch(config.schedule, data.train.x.rows);
  const iterations = iters ?? (epochs !== undefined ? Math.max(1, Math.round(epochs * perEpoch)) : undefined);
  if (iterations !== undefined) config = { ...config, schedule: { ...config.schedule, iterations } };
  const experiment = new Experiment(config, data);

  const started = performance.now();
  const total = config.schedule.iterations;
  const bar = new ProgressBar(total, 'steps');
  const measurements: Measurement[] = [];
  const record = (m: Measurement) => {
    measurements.push(m);
    out(JSON.stringify(toLine(m)));
  };
  record(experiment.measure());
  while (!experiment.done) {
    const result = experiment.step();
    if (result.divergence !== null) {
      bar.finish();
      const d = result.divergence;
      throw new DivergedError(
        `training diverged at step ${result.step}: ${d.quantity}${d.layer === null ? '' : ` of layer ${d.layer}`} became NaN or infinite ` +
          `(during ${d.phase.kind}); lower the learning rate (now ${config.hyper.learningRate})`,
      );
    }
    if (experiment.evaluationDue) record(experiment.measure());
    bar.update(experiment.iteration);
  }
  bar.finish();
  const last = measurements[measurements.length - 1]!;
  const bestTest = measurements.reduce<number | null>((best, m) => (m.testAccuracy !== null && (best === null || m.testAccuracy > best) ? m.testAccuracy : best), null);
  out(
    JSON.stringify({
      summary: true,
      preset: config.name,
      iterations: experiment.iteration,
      seconds: round((performance.now() - started) / 1000, 1),
      final: toLine(last),
      bestTestAcc: round(bestTest, 4),
      published: config.published ?? null,
    }),
  );
}

export class DivergedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DivergedError';
  }
}
