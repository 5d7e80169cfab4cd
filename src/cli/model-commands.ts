/**
 * `trace`, `gradcheck` and `export`: one step of a model on a batch, every number as JSON.
 */
import { writeFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.ts';
import { gradientCheck } from '../core/gradcheck.ts';
import { createNetwork } from '../core/network.ts';
import { createRng } from '../core/rng.ts';
import { Trainer } from '../core/trainer.ts';
import { parseBatchFile } from '../data/batch-file.ts';
import { modelToJson, parseModelFile } from '../data/model-file.ts';
import { traceToJson } from '../data/trace-file.ts';
import { validateBugs, type BugName } from '../core/bugs.ts';
import { updateCheck } from '../core/update-check.ts';
import { numberFlag, requireFlag, stringFlag, UsageError, type ParsedArgs } from './args.ts';
import { readText, resolveConfig, SEED_BOUNDS } from './train.ts';


function loadModelAndBatch(args: ParsedArgs) {
  const model = parseModelFile(readText(requireFlag(args, 'model'), 'model'));
  const layers = model.network.spec.layers;
  const batch = parseBatchFile(readText(requireFlag(args, 'batch'), 'batch'), layers[0]!.units, layers[layers.length - 1]!.units);
  return { model, batch };
}

/** --bug NAME[,NAME…]: the bug-lab mistakes to apply (none without the flag). */
function bugsFlag(args: ParsedArgs): BugName[] {
  const raw = stringFlag(args, 'bug');
  return raw === undefined ? [] : validateBugs(raw.split(',').map((b) => b.trim()), '--bug');
}

export function runTrace(args: ParsedArgs, out: (line: string) => void): void {
  const { model, batch } = loadModelAndBatch(args);
  const apply = args.flags.get('apply') === true;
  const lr = numberFlag(args, 'lr', { min: 0, aboveMin: true, max: 10 });
  if (apply && lr === undefined) throw new UsageError('--apply needs --lr X (the SGD learning rate)');
  if (!apply && lr !== undefined) throw new UsageError('--lr only makes sense with --apply');
  const trainer = new Trainer(model.network, {
    learningRate: lr ?? 1,
    optimizer: { kind: 'sgd' },
    regularization: model.regularization,
  });
  const bugs = bugsFlag(args);
  trainer.setBugs(bugs);
  const stepper = trainer.begin(batch, { trace: true });
  while (!stepper.done && (apply || stepper.upcoming?.kind !== 'update')) stepper.next();
  out(JSON.stringify(traceToJson(stepper.trace(), model.regularization, apply ? trainer.params : null, bugs)));
}

export function runGradcheck(args: ParsedArgs, out: (line: string) => void): void {
  const { model, batch } = loadModelAndBatch(args);
  const max = numberFlag(args, 'max-entries', { integer: true, min: 1, max: 1_000_000 });
  const bugs = bugsFlag(args);
  // With bugs, the gradients checked are the buggy pass's; the update check takes one SGD step (η = 0.1).
  const trainer = new Trainer(model.network, { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: model.regularization });
  trainer.setBugs(bugs);
  const report = gradientCheck(model.network.spec, model.network.params, model.regularization, batch, {
    ...(max === undefined ? {} : { maxEntriesPerTensor: max, seed: 0 }),
    ...(bugs.length > 0 ? { analytic: trainer.gradientsOn(batch) } : {}),
  });
  const updates = updateCheck(trainer, batch);
  out(
    JSON.stringify({
      format: 'backprop-lab/gradcheck@1',
      method: 'fourth-order central difference',
      h: report.h,
      relativeError: `|g − ĝ| / max(|g|, |ĝ|, ${report.relativeFloor})`,
      maxRelError: report.maxRelError,
      maxAbsError: report.maxAbsError,
      tensors: report.tensors.map((t) => ({
        name: t.name,
        size: t.size,
        checked: t.indices.length,
        maxAbsError: t.maxAbsError,
        maxRelError: t.maxRelError,
        meanAbsDiff: t.meanAbsDiff,
      })),
      ...(bugs.length > 0 ? { bugs } : {}),
      updateCheck: {
        method: 'one SGD step (learning rate 0.1) on the batch; a tensor with a nonzero gradient and no entry changed was not updated',
        notUpdated: updates.tensors.filter((t) => t.notUpdated).map((t) => t.name),
        tensors: updates.tensors,
      },
    }),
  );
}

export function runExport(args: ParsedArgs, out: (line: string) => void): void {
  const config = resolveConfig(args);
  const path = requireFlag(args, 'out');
  const seed = numberFlag(args, 'seed', SEED_BOUNDS) ?? config.seed;
  // The same stream the Experiment draws its initial weights from.
  const network = createNetwork(config.network, config.init, createRng(seed * 2));
  try {
    writeFileSync(path, JSON.stringify(modelToJson(network, config.hyper.regularization)));
  } catch (e) {
    throw new ConfigError('out', `cannot write "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  out(JSON.stringify({ wrote: path, preset: config.name, seed, layers: config.network.layers.map((l) => l.units) }));
}
