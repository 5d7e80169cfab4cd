/**
 * One lesson being played: the step's narration with live numbers, its question, the callout,
 * and Back / Next. Entering a step sets up the lab for it (drive.ts); Next is open once the
 * question is answered right or its answer revealed; until then, the number a question asks
 * for is shown nowhere else on the page.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import { fillText } from '../../lessons/placeholders.ts';
import type { Lesson } from '../../lessons/schema.ts';
import { setupAt } from '../../lessons/setup.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { LabContext, useLiveRun } from '../lab-context.tsx';
import { useLiveChecks } from './use-checks.ts';
import { CalloutRing } from './Callout.tsx';
import { RichText } from './RichText.tsx';
import { applySetup, isPast } from './drive.ts';
import { useLessonMessages } from './messages.ts';
import { QuestionBox, type Outcome } from './QuestionBox.tsx';
import { useHiddenAnswer } from './use-hidden-answer.ts';

type SetupState = { readonly kind: 'busy' } | { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly problem: string };

export function LessonPlayer({ lesson, step, onStep, onFinish }: { lesson: Lesson; step: number; onStep(step: number): void; onFinish(): void }) {
  const lab = useContext(LabContext)!;
  const t = useLessonMessages();
  const { language } = useI18n();
  const trace = useLiveRun((s) => s.trace);
  const checks = useLiveChecks();
  const [setup, setSetup] = useState<SetupState>({ kind: 'busy' });
  const [outcomes, setOutcomes] = useState<Record<number, Outcome>>({});
  const previous = useRef<{ id: string; step: number } | null>(null);
  const current = lesson.steps[step]!;

  useEffect(() => {
    let cancelled = false;
    const own = current.setup ?? {};
    const last = previous.current;
    const sequential = last !== null && last.id === lesson.id && step === last.step + 1;
    const rebuild = !sequential || own.preset !== undefined || (own.reach !== undefined && isPast(lab, own.reach));
    previous.current = { id: lesson.id, step };
    const merged = setupAt(lesson, step);
    setSetup({ kind: 'busy' });
    applySetup(lab, merged, rebuild, own.gradientCheck === true, () => cancelled)
      .then(() => {
        if (cancelled) return;
        setSetup({ kind: 'ready' });
      })
      .catch((e: unknown) => {
        if (!cancelled) setSetup({ kind: 'failed', problem: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
    // The set-up runs once per step entered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lesson, step]);

  const outcome = outcomes[step] ?? 'open';
  const canGoOn = current.question === undefined || outcome !== 'open';
  const lastStep = step === lesson.steps.length - 1;
  const ready = setup.kind === 'ready';
  useHiddenAnswer(current.question, ready && outcome === 'open', trace, checks);
  return (
    <div className="lesson-player" data-testid="lesson-player" data-step={step + 1} data-ready={ready}>
      <div className="lesson-bar">
        <strong>{lesson.title[language]}</strong>
        <span className="muted" data-testid="lesson-step">
          {t('stepOf', { step: step + 1, count: lesson.steps.length })}
        </span>
        <span className="lesson-nav">
          <button type="button" data-testid="lesson-back" disabled={step === 0} onClick={() => onStep(step - 1)}>
            {t('back')}
          </button>
          <button type="button" data-testid="lesson-next" disabled={!canGoOn || !ready} onClick={() => (lastStep ? onFinish() : onStep(step + 1))}>
            {lastStep ? t('finish') : t('next')}
          </button>
        </span>
      </div>
      <div className="lesson-body">
        <div className="lesson-text">
          <p className="lesson-narration" data-testid="lesson-narration">
            {ready ? <RichText text={fillText(current.narration[language], trace, checks).text} /> : t('settingUp')}
          </p>
          {ready && current.callout !== undefined && (
            <p className="lesson-note" data-testid="lesson-note" role="note">
              <span className="lesson-note-mark" aria-hidden="true" />
              <RichText text={fillText(current.callout.text[language], trace, checks).text} />
            </p>
          )}
          {setup.kind === 'failed' && (
            <p className="lesson-error" role="alert">
              {t('setupFailed', { problem: setup.problem })}
            </p>
          )}
        </div>
        {ready && current.question !== undefined && (
          <QuestionBox key={`${lesson.id}-${step}`} question={current.question} language={language} outcome={outcome} onOutcome={(o) => setOutcomes((all) => ({ ...all, [step]: o }))} />
        )}
      </div>
      {ready && current.callout !== undefined && <CalloutRing target={current.callout.target} />}
    </div>
  );
}
