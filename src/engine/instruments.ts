/**
 * The worker's instruments, on the experiment it runs: the gradient check of the current
 * batch and a trace of the batch or one of its samples. Neither changes the training state.
 */
import { ConfigError } from '../core/errors.ts';
import { gradientCheck, type GradCheckReport } from '../core/gradcheck.ts';
import type { Batch } from '../core/passes.ts';
import { cloneMatrix } from '../core/tensor.ts';
import { Trainer } from '../core/trainer.ts';
import type { Trace } from '../core/trace.ts';
import { updateCheck, type UpdateCheckReport } from '../core/update-check.ts';
import { gather } from '../data/batching.ts';
import type { Experiment } from '../presets/experiment.ts';

/** Before any step: the first samples of the training set, as large as a batch. */
export function firstBatch(experiment: Experiment): Batch {
  const layers = experiment.config.network.layers;
  const m = Math.min(experiment.batchSize, experiment.data.train.x.rows);
  return gather(experiment.data.train, Int32Array.from({ length: m }, (_, i) => i), layers[layers.length - 1]!.units);
}

/** Central differences against the gradients the trainer applies (buggy ones when a bug is on). */
export function checkGradients(experiment: Experiment, batch: Batch, maxEntries: number, onProgress: (done: number, total: number) => void): GradCheckReport {
  const { spec, params } = experiment.trainer.network;
  return gradientCheck(spec, params, experiment.trainer.hyper.regularization, batch, {
    analytic: experiment.trainer.gradientsOn(batch),
    maxEntriesPerTensor: maxEntries,
    seed: experiment.trainer.steps,
    onProgress,
  });
}

/** Which parameters one step on this batch changes, on a copy: catches an update never applied. */
export function checkUpdates(experiment: Experiment, batch: Batch): UpdateCheckReport {
  return updateCheck(experiment.trainer, batch);
}

/** A trace of the batch, or of its sample `sample`, up to the update, computed on a copy. */
export function inspectBatch(experiment: Experiment, batch: Batch, sample: number | undefined): Trace {
  let target: Batch;
  if (sample !== undefined) {
    if (!Number.isInteger(sample) || sample < 0 || sample >= batch.x.rows) {
      throw new ConfigError('sample', { code: 'sample-index', max: batch.x.rows - 1, got: sample });
    }
    const row = (m: Batch['x']) => ({ rows: 1, cols: m.cols, data: m.data.slice(sample * m.cols, (sample + 1) * m.cols) });
    target = { x: row(batch.x), t: row(batch.t) };
  } else {
    target = { x: cloneMatrix(batch.x), t: cloneMatrix(batch.t) };
  }
  const copy = new Trainer(experiment.trainer.network, experiment.trainer.hyper);
  copy.setBugs(experiment.trainer.bugs);
  const stepper = copy.begin(target, { trace: true });
  while (stepper.upcoming !== null && stepper.upcoming.kind !== 'update') stepper.next();
  return stepper.trace();
}
