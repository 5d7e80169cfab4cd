/**
 * The losses, one file each in core/losses/ (arithmetic, output, targets, formulas, NumPy; see
 * loss.ts), and this list of them. Adding one: its file, and an entry in LOSS_LIST.
 */
import type { Loss } from './loss.ts';
import { sigmoidBinaryCrossEntropy } from './losses/sigmoid-binary-cross-entropy.ts';
import { softmaxCrossEntropy } from './losses/softmax-cross-entropy.ts';
import { meanSquaredError, squaredErrorHalf } from './losses/squared-error.ts';

export type { Loss };

const LOSS_LIST = [softmaxCrossEntropy, sigmoidBinaryCrossEntropy, squaredErrorHalf, meanSquaredError] as const;

export type LossName = (typeof LOSS_LIST)[number]['name'];

/** Every loss's name, in the list's order (what the validator accepts). */
export const LOSSES: readonly LossName[] = LOSS_LIST.map((l) => l.name);

const BY_NAME = new Map<string, Loss>(LOSS_LIST.map((l) => [l.name, l]));
const NAMES = LOSSES as LossName[];

export function loss(name: LossName): Loss {
  const l = BY_NAME.get(name);
  if (l === undefined) throw new Error(`unknown loss ${JSON.stringify(name)}`);
  return l;
}

/** Whether the loss owns the output layer (softmax or σ of z): the layer then has no activation of its own. */
export function ownsOutput(name: LossName): boolean {
  return loss(name).output !== 'activation';
}

/**
 * Adds a loss at run time, for a test that shows what picks a new one up (the list above is
 * where the lab's own are added). Its name is then valid wherever a name is.
 */
export function registerLoss(l: Loss): LossName {
  if (BY_NAME.has(l.name)) throw new Error(`loss ${JSON.stringify(l.name)} exists`);
  BY_NAME.set(l.name, l);
  NAMES.push(l.name as LossName);
  return l.name as LossName;
}
