/**
 * A step's question: a number typed by the student, a choice, or a condition the run must
 * reach. Right moves the student on; after two wrong tries the answer can be revealed.
 */
import { useEffect, useId, useState } from 'react';
import { checkAnswer, expectedValue, type Answer, type Measured } from '../../lessons/answers.ts';
import { fillText, formatValue } from '../../lessons/placeholders.ts';
import type { Question } from '../../lessons/schema.ts';
import type { Language } from '../../i18n/i18n.ts';
import { useLiveHistory, useLiveRun } from '../lab-context.tsx';
import { RichText } from './RichText.tsx';
import { useLiveChecks } from './use-checks.ts';
import { useLessonMessages } from './messages.ts';

/** Wrong tries after which the answer may be revealed. */
export const TRIES_BEFORE_REVEAL = 2;

export type Outcome = 'open' | 'right' | 'revealed';

export function QuestionBox({ question, language, outcome, onOutcome }: { question: Question; language: Language; outcome: Outcome; onOutcome(o: Outcome): void }) {
  const t = useLessonMessages();
  const id = useId();
  const trace = useLiveRun((s) => s.trace);
  const checks = useLiveChecks();
  const evaluations = useLiveHistory((s) => s.evaluations);
  const last = evaluations.at(-1);
  const measured: Measured = { loss: last?.loss ?? null, trainAccuracy: last?.trainAccuracy ?? null, testAccuracy: last?.testAccuracy ?? null };
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<number | null>(null);
  const [wrongTries, setWrongTries] = useState(0);
  const [feedback, setFeedback] = useState<'wrong' | 'unreadable' | 'waiting' | null>(null);
  const fill = (s: string) => fillText(s, trace, checks).text;

  // A condition is also checked at every new evaluation, so reaching it is noticed at once.
  useEffect(() => {
    if (question.kind === 'condition' && outcome === 'open' && checkAnswer(question, { kind: 'condition' }, trace, measured, checks).kind === 'right') onOutcome('right');
  });

  const submit = () => {
    const answer: Answer = question.kind === 'number' ? { kind: 'number', text } : question.kind === 'choice' ? { kind: 'choice', index: choice ?? -1 } : { kind: 'condition' };
    if (question.kind === 'choice' && choice === null) return;
    const verdict = checkAnswer(question, answer, trace, measured, checks);
    if (verdict.kind === 'right') {
      setFeedback(null);
      onOutcome('right');
    } else if (verdict.kind === 'unreadable') setFeedback('unreadable');
    else if (question.kind === 'condition') {
      setWrongTries((n) => n + 1);
      setFeedback('waiting');
    }
    else {
      setWrongTries((n) => n + 1);
      setFeedback('wrong');
    }
  };

  const finished = outcome !== 'open';
  const expected = question.kind === 'number' ? expectedValue(question.value, trace, checks) : null;
  return (
    <div className="lesson-question" data-testid="lesson-question" data-kind={question.kind}>
      <p className="lesson-prompt"><RichText text={fill(question.prompt[language])} /></p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!finished) submit();
        }}
      >
        {question.kind === 'number' && (
          <label htmlFor={`${id}-n`} className="lesson-answer">
            {t('answer')}{' '}
            <input id={`${id}-n`} data-testid="lesson-answer" inputMode="decimal" autoComplete="off" value={text} disabled={finished} onChange={(e) => setText(e.target.value)} />
          </label>
        )}
        {question.kind === 'choice' && (
          <fieldset className="lesson-choices" disabled={finished}>
            <legend className="visually-hidden">{t('answer')}</legend>
            {question.options.map((option, i) => (
              <label key={i}>
                <input type="radio" name={`${id}-c`} data-testid={`lesson-choice-${i}`} checked={choice === i} onChange={() => setChoice(i)} /> <RichText text={fill(option[language])} />
              </label>
            ))}
          </fieldset>
        )}
        {!finished && (
          <button type="submit" data-testid="lesson-check">
            {t('check')}
          </button>
        )}
        {!finished && wrongTries >= TRIES_BEFORE_REVEAL && (
          <button type="button" data-testid="lesson-reveal" onClick={() => onOutcome('revealed')}>
            {t('reveal')}
          </button>
        )}
      </form>
      <p className="lesson-feedback" data-testid="lesson-feedback" aria-live="polite" data-outcome={outcome}>
        {outcome === 'right' && t('right')}
        {outcome === 'revealed' && typeof expected === 'number' && t('expected', { value: formatValue(expected) })}
        {outcome === 'open' && feedback === 'wrong' && (wrongTries >= TRIES_BEFORE_REVEAL ? t('wrongLast') : t('wrong'))}
        {outcome === 'open' && feedback === 'unreadable' && t('unreadable')}
        {outcome === 'open' && feedback === 'waiting' && t('conditionWaiting')}
      </p>
      {finished && <p className="lesson-explanation" data-testid="lesson-explanation"><RichText text={fill(question.explanation[language])} /></p>}
    </div>
  );
}
