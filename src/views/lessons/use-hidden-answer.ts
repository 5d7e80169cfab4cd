/**
 * While a step's number question is open, the number it asks for is shown nowhere on the page
 * outside the lesson's panel (hide-answer.ts); once answered or revealed, it appears again.
 */
import { useEffect } from 'react';
import { expectedValue } from '../../lessons/answers.ts';
import type { Checks } from '../../lessons/placeholders.ts';
import { hiddenExpression, maskAnswer } from '../../lessons/reveals.ts';
import type { Question } from '../../lessons/schema.ts';
import type { Trace } from '../../core/trace.ts';
import { hideAnswer } from './hide-answer.ts';

/**
 * The lesson's own panel is left as written: its texts give the student the operands (y and t
 * for δ = y − t, where t = 0 makes y the answer), and the question sits in it.
 */
const LESSON = '[data-testid="lesson-panel"]';

const inLesson = (node: Node) => ((node instanceof Element ? node : node.parentElement)?.closest(LESSON) ?? null) !== null;

export function useHiddenAnswer(question: Question | undefined, open: boolean, trace: Trace | null, checks: Checks): void {
  const expression = question !== undefined && open ? hiddenExpression(question) : null;
  const answer = expression === null ? null : expectedValue(expression, trace, checks);
  const tolerance = question?.kind === 'number' ? question.tolerance : null;
  useEffect(() => {
    if (typeof answer !== 'number' || tolerance === null) return;
    return hideAnswer(document.body, inLesson, (text) => maskAnswer(text, answer, tolerance));
  }, [answer, tolerance]);
}
