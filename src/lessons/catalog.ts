/** The lessons that ship with the lab, in teaching order, each validated when this module loads. */
import { batchAndM } from './catalog/batch-and-m.ts';
import { debugging } from './catalog/debugging.ts';
import { errorTerms } from './catalog/error-terms.ts';
import { forwardPass } from './catalog/forward-pass.ts';
import { layers } from './catalog/layers.ts';
import { learningRate } from './catalog/learning-rate.ts';
import { vanishingGradients } from './catalog/vanishing-gradients.ts';
import { validateLesson, type Lesson } from './schema.ts';

export const LESSONS: readonly Lesson[] = [forwardPass, errorTerms, batchAndM, layers, learningRate, debugging, vanishingGradients].map(validateLesson);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
