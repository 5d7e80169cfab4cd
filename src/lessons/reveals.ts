/**
 * What would give a question's answer away. A number question asks for one figure of the trace
 * (or of the gradient check); while it is open, any number shown elsewhere that would pass as
 * the answer, either sign, reveals it: the test is the question's own, `withinTolerance`. Zero
 * is never taken for an answer (it is everywhere on screen: axes, indices, empty readouts).
 * Counts that a question asks the student to read off the update check's table (changed,
 * gradnonzero) are not hidden: reading them there is the exercise.
 */
import { readShown } from '../core/shown-number.ts';
import { withinTolerance } from './answers.ts';
import { parsePlaceholder } from './placeholders.ts';
import type { Question, Tolerance } from './schema.ts';

/** Check functions whose figures the question asks to read off an instrument's table. */
const READ_OFF = ['changed', 'gradnonzero'];

/** The expression whose value must not be shown while the question is open, or null (nothing to hide). */
export function hiddenExpression(question: Question): string | null {
  if (question.kind !== 'number') return null;
  const p = parsePlaceholder(question.value);
  if ('problem' in p || (p.fn !== null && READ_OFF.includes(p.fn))) return null;
  return question.value;
}

/**
 * A number as the screen writes it: an optional minus (true or ASCII), digits, a decimal part,
 * an exponent as "e−6", "·10⁻⁵" or "×10⁻⁶"; not the digits of a name ("z13", "W2[3]").
 */
const NUMBER = /(?<![\p{L}\d.])[−-]?\d+(?:\.\d+)?(?:e[−+-]?\d+|[·×]10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?/gu;

/** A whole number in square brackets right after a name: an index (W2[3][0]), not a value. */
function isIndex(text: string, token: string, at: number): boolean {
  return /^\d+$/.test(token) && text[at - 1] === '[' && text[at + token.length] === ']';
}

/** Whether a shown number would pass as the answer (either sign; never zero). */
export function passesAs(shown: number, answer: number, tolerance: Tolerance): boolean {
  if (shown === 0 || !Number.isFinite(shown)) return false;
  return withinTolerance(shown, answer, tolerance) || withinTolerance(-shown, answer, tolerance);
}

/** The text with every number that would pass as the answer replaced by "?", or null when none does. */
export function maskAnswer(text: string, answer: number, tolerance: Tolerance): string | null {
  let found = false;
  const masked = text.replace(NUMBER, (token, at: number) => {
    if (isIndex(text, token, at) || !passesAs(readShown(token), answer, tolerance)) return token;
    found = true;
    return '?';
  });
  return found ? masked : null;
}
