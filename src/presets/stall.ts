/**
 * Whether a run has stalled, judged from its evaluations (the measurements the schedule takes):
 *   no-improvement: the best training (or test) loss has not improved by 1 % for `patience`
 *     evaluations;
 *   chance: a classifier's accuracy has stayed at chance (1 / classes, + 2 points) for the
 *     last 3 evaluations after the start, the mark of saturated or dead units (MNIST at rate 10
 *     sits at loss 2.37, accuracy 0.10);
 *   oscillating: the loss went up and down in turn over the last 6 evaluations, by 5 % of its
 *     mean on average, the mark of a rate too high to settle.
 * A run that never left chance is reported as chance, the more telling of the two.
 */
import type { Measurement } from './experiment.ts';

export type Stall =
  | { readonly kind: 'no-improvement'; readonly evaluations: number }
  | { readonly kind: 'chance'; readonly accuracy: number; readonly chance: number }
  | { readonly kind: 'oscillating' };

export const STALL_PATIENCE = 10;

const lossOf = (m: Measurement) => m.loss ?? m.testLoss;
const accuracyOf = (m: Measurement) => m.trainAccuracy ?? m.testAccuracy;

/** `classes`: how many classes the accuracy is over (null for regression). */
export function detectStall(evaluations: readonly Measurement[], classes: number | null, patience = STALL_PATIENCE): Stall | null {
  const trained = evaluations.filter((m) => m.iteration > 0);
  if (classes !== null && trained.length >= 3) {
    const chance = 1 / classes;
    const recent = trained.slice(-3).map(accuracyOf);
    if (recent.every((a) => a !== null && a <= chance + 0.02)) return { kind: 'chance', accuracy: recent[recent.length - 1]!, chance };
  }
  const losses = evaluations.map(lossOf).filter((l): l is number => l !== null && Number.isFinite(l));
  if (losses.length >= 6) {
    const last = losses.slice(-6);
    const diffs = last.slice(1).map((l, i) => l - last[i]!);
    const alternating = diffs.every((d, i) => i === 0 || Math.sign(d) === -Math.sign(diffs[i - 1]!)) && diffs.every((d) => d !== 0);
    const mean = last.reduce((s, l) => s + l, 0) / last.length;
    const swing = diffs.reduce((s, d) => s + Math.abs(d), 0) / diffs.length;
    if (alternating && swing > 0.05 * Math.abs(mean)) return { kind: 'oscillating' };
  }
  if (losses.length > patience) {
    const bestBefore = Math.min(...losses.slice(0, -patience));
    const bestSince = Math.min(...losses.slice(-patience));
    if (bestSince > bestBefore * 0.99) return { kind: 'no-improvement', evaluations: patience };
  }
  return null;
}
