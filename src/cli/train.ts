/**
 * `train`: runs a preset or a config file, printing one JSON line per measurement on stdout,
 * a progress bar on stderr, and a final summary line.
 */
import { readFileSync } from 'node:fs';
import { shown } from '../core/errors.ts';
import { refusalEnglish } from '../core/refusal.ts';
import { SCHEDULE_STEPS, SEED } from '../core/limits.ts';
import { parseJsonObject } from '../data/model-file.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../presets/config.ts';
import { findPreset, presetNames } from '../presets/catalog.ts';
import { loadExperimentData } from '../presets/data-source.ts';
import { Experiment, stepsPerEpoch, type Measurement } from '../presets/experiment.ts';
import { numberFlag, stringFlag, UsageError, type ParsedArgs } from './args.ts';
import { loadMnist } from './mnist-files.ts';
import { ProgressBar } from './progress.ts';
import { grouped } from '../core/grouped.ts';

export const TRAIN_FLAGS = ['preset', 'config', 'iters', 'epochs', 'seed'] as const;
/** --seed takes what a config's seed takes. */
export const SEED_BOUNDS = { integer: true, min: SEED.min, max: SEED.max } as const;

export function resolveConfig(args: ParsedArgs): ExperimentConfig {
  const presetName = stringFlag(args, 'preset');
  const file = stringFlag(args, 'config');
  if ((presetName === undefined) === (file === undefined)) throw new UsageError('give exactly one of --preset NAME or --config FILE');
  if (presetName !== undefined) {
    const preset = findPreset(presetName);
    if (!preset) throw new UsageError(`unknown preset ${shown(presetName)} (known: ${presetNames().join(', ')})`);
    return preset;
  }
  return validateExperimentConfig(readJson(file!, 'config'), 'config');
}

/** A file's text; a UsageError naming the file when it cannot be read. */
export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} file ${shown(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A JSON file's object, read as the lab reads files (a byte order mark skipped, the size checked first). */
export function readJson(path: string, what: string): unknown {
  return parseJsonObject(readText(path, what), what);
}

/** The largest number of steps a run takes: the schedule's own limit. */
const MAX_ITERATIONS = SCHEDULE_STEPS.max;

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
  const seed = numberFlag(args, 'seed', SEED_BOUNDS);
  if (seed !== undefined) config = { ...config, seed };
  const iters = numberFlag(args, 'iters', { integer: true, min: 1, max: MAX_ITERATIONS });
  const epochs = numberFlag(args, 'epochs', { min: 0, aboveMin: true, max: MAX_ITERATIONS });
  if (iters !== undefined && epochs !== undefined) throw new UsageError('give --iters or --epochs, not both');

  process.stderr.write(`${config.name}: loading data…\n`);
  const data = loadExperimentData(config.data, loadMnist);
  const perEpoch = stepsPerEpoch(config.schedule, data.train.x.rows);
  const fromEpochs = epochs === undefined ? undefined : Math.max(1, Math.round(epochs * perEpoch));
  if (fromEpochs !== undefined && fromEpochs > MAX_ITERATIONS) {
    throw new UsageError(`--epochs ${epochs} makes ${grouped(fromEpochs)} steps (${perEpoch} an epoch), more than the ${grouped(MAX_ITERATIONS)} a run takes`);
  }
  const iterations = iters ?? fromEpochs;
  if (iterations !== undefined) config = { ...config, schedule: { ...config.schedule, iterations } };
  const experiment = new Experiment(config, data);
  if (experiment.notice !== null) process.stderr.write(`${config.name}: ${refusalEnglish(experiment.notice)}\n`);

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
