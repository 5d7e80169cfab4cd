/**
 * Checking a student's answer: a number against the trace within the question's tolerance, a
 * choice against the lesson's, a condition against the latest measurement of the run.
 */
import type { Trace } from '../core/trace.ts';
import { NO_CHECKS, parsePlaceholder, resolvePlaceholder, type Checks } from './placeholders.ts';
import type { Condition, Question, Tolerance } from './schema.ts';

export type Verdict = { readonly kind: 'right' } | { readonly kind: 'wrong' } | { readonly kind: 'unreadable'; readonly problem: string };

/** A typed number: accepts a true minus sign (−), a decimal comma, spaces and 1e-3. */
export function readNumber(input: string): number | null {
  const text = input.trim().replace(/\s+/g, '').replace(/[−–]/g, '-').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

export function withinTolerance(answer: number, value: number, tolerance: Tolerance): boolean {
  const gap = Math.abs(answer - value);
  return (tolerance.abs !== undefined && gap <= tolerance.abs) || (tolerance.rel !== undefined && gap <= tolerance.rel * Math.abs(value));
}

/** The value a number question expects, from the trace. */
export function expectedValue(expression: string, trace: Trace | null, checks: Checks = NO_CHECKS): number | { problem: string } {
  const p = parsePlaceholder(expression);
  if ('problem' in p) return p;
  return resolvePlaceholder(p, trace, checks);
}

/** What a condition is checked against: the run's latest measurement. */
export interface Measured {
  readonly loss: number | null;
  readonly trainAccuracy: number | null;
  readonly testAccuracy: number | null;
}

export function conditionHolds(condition: Condition, measured: Measured): boolean {
  const v = measured[condition.quantity];
  if (condition.op === 'finite') return v !== null && Number.isFinite(v);
  if (v === null || !Number.isFinite(v)) return false;
  return condition.op === '>=' ? v >= condition.value : v <= condition.value;
}

export type Answer = { readonly kind: 'number'; readonly text: string } | { readonly kind: 'choice'; readonly index: number } | { readonly kind: 'condition' };

export function checkAnswer(question: Question, answer: Answer, trace: Trace | null, measured: Measured, checks: Checks = NO_CHECKS): Verdict {
  switch (question.kind) {
    case 'number': {
      if (answer.kind !== 'number') return { kind: 'unreadable', problem: 'expected a number' };
      const typed = readNumber(answer.text);
      if (typed === null) return { kind: 'unreadable', problem: 'not a number' };
      const expected = expectedValue(question.value, trace, checks);
      if (typeof expected !== 'number') return { kind: 'unreadable', problem: expected.problem };
      return { kind: withinTolerance(typed, expected, question.tolerance) ? 'right' : 'wrong' };
    }
    case 'choice':
      if (answer.kind !== 'choice') return { kind: 'unreadable', problem: 'expected a choice' };
      return { kind: answer.index === question.correct ? 'right' : 'wrong' };
    case 'condition':
      return { kind: conditionHolds(question.condition, measured) ? 'right' : 'wrong' };
  }
}
