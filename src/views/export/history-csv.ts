/**
 * The loss and accuracy history as CSV, one row per step that has a number: the training loss
 * of each kept bucket of steps (mean, min and max over the bucket; the history keeps at most
 * a few thousand buckets, see store/series.ts), each evaluation on the whole sets, and the
 * learning rate in effect. Numbers are written in full (shortest exact form).
 */
import type { HistoryState } from '../../store/history.ts';

export const HISTORY_COLUMNS = [
  'step',
  'loss_mean',
  'loss_min',
  'loss_max',
  'steps_in_bucket',
  'learning_rate',
  'train_loss',
  'train_accuracy',
  'test_loss',
  'test_accuracy',
] as const;

type Row = Partial<Record<(typeof HISTORY_COLUMNS)[number], number | null>>;

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function historyCsv(history: Pick<HistoryState, 'loss' | 'evaluations' | 'rateChanges'>): string {
  const rows = new Map<number, Row>();
  const row = (step: number) => rows.get(step) ?? rows.set(step, { step }).get(step)!;
  const { loss } = history;
  for (let i = 0; i < loss.length; i++) {
    Object.assign(row(loss.x[i]!), { loss_mean: loss.sum[i]! / loss.n[i]!, loss_min: loss.min[i]!, loss_max: loss.max[i]!, steps_in_bucket: loss.n[i]! });
  }
  for (const e of history.evaluations) {
    Object.assign(row(e.iteration), { train_loss: e.loss, train_accuracy: e.trainAccuracy, test_loss: e.testLoss, test_accuracy: e.testAccuracy });
  }
  const sorted = [...rows.values()].sort((a, b) => a.step! - b.step!);
  let change = -1;
  for (const r of sorted) {
    while (change + 1 < history.rateChanges.length && history.rateChanges[change + 1]!.step <= r.step!) change++;
    if (change >= 0) r.learning_rate = history.rateChanges[change]!.learningRate;
  }
  return [HISTORY_COLUMNS.join(','), ...sorted.map((r) => HISTORY_COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
