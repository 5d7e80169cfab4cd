/** The lessons that ship with the lab, each validated when this module loads. */
import { forwardPass } from './catalog/forward-pass.ts';
import { vanishingGradients } from './catalog/vanishing-gradients.ts';
import { validateLesson, type Lesson } from './schema.ts';

export const LESSONS: readonly Lesson[] = [forwardPass, vanishingGradients].map(validateLesson);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
