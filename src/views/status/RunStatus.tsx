/**
 * What the run is doing: status, step (and, mid-step, which phase of how many), epoch, the
 * latest loss and accuracies, the data loading progress, errors, and a plain message with a
 * way out when training diverged. While a new experiment loads, the old figures are greyed.
 */
import { useMemo, useState } from 'react';
import { refusalEnglish, type Refusal } from '../../core/refusal.ts';
import { defineMessages, useI18n, useRefusalText } from '../../i18n/i18n.ts';
import { useTerms } from '../../i18n/terms.ts';
import { targetsOf } from '../../presets/config.ts';
import { detectStall } from '../../presets/stall.ts';
import { useConfig, usePlayback, useLiveHistory, useLiveRun, useRun } from '../lab-context.tsx';
import { useShownPhase } from '../shared/shown-phase.ts';
import { lossReadout } from './loss-readout.ts';

const useMessages = defineMessages({
  en: {
    phaseOf: 'phase {i} of {n}',
    previous: 'previous experiment',
    lossOf: 'step {n}',
    'lossTitle.batch': 'The batch loss of step {n}, computed in its forward pass, before its update',
    'lossTitle.training-set': 'The loss on the whole training set before the first step, measured with the first accuracy',
  },
  zh: {
    phaseOf: '第 {i} / {n} 阶段',
    previous: '上一个实验',
    lossOf: '第 {n} 步',
    'lossTitle.batch': '第 {n} 步的批次损失：在该步的前向传播中算出，更新之前',
    'lossTitle.training-set': '第一步之前整个训练集上的损失，与第一次准确率一同测得',
  },
});

/** A readout: fixed digits, or 4 significant digits in e-notation past 10⁶ (a diverging loss must fit its cell). */
export function format(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return Math.abs(x) >= 1e6 ? x.toExponential(3) : x.toFixed(digits);
}

/**
 * A note beside a readout ("· phase 3 of 6", "· step 12"); on a phone it takes the line under the
 * number, kept even when empty, so that a long step number never wraps the cell (app.css).
 */
function Beside({ text }: { text: string }) {
  return (
    <>
      <span className="beside-sep"> · </span>
      {text}
    </>
  );
}

export function RunStatus() {
  const { t } = useI18n();
  const inLanguage = useRefusalText();
  const terms = useTerms();
  const status = useRun((s) => s.status);
  const m = useMessages();
  const stepsTaken = useLiveRun((s) => s.step);
  const epoch = useLiveRun((s) => s.epoch);
  // Stepping by phase, the step and phase on screen (the graph's), from the trace: every phase
  // of step n says "n", its update included.
  const shown = useShownPhase();
  const batchRows = useLiveRun((s) => s.trace?.x.rows ?? 0);
  const trainSize = useRun((s) => s.info?.trainSize ?? 0);
  const stale = useRun((s) => s.status === 'loading' && s.info !== null);
  // The engine's epoch counts the batch from when it is drawn; shown before the update, the
  // step is not yet taken, so the epoch counts only whole steps, and step and epoch agree.
  const midStep = shown !== null && shown.phase.kind !== 'update';
  const wholeEpochs = midStep && trainSize > 0 ? Math.max(0, epoch - batchRows / trainSize) : epoch;
  const loading = useRun((s) => s.loading);
  const error = useRun((s) => s.error);
  const workerSilentMs = useRun((s) => s.workerSilentMs);
  const dismissError = useRun((s) => s.dismissError);
  const divergence = useRun((s) => s.divergence);
  // The schedule's notice (full-batch over too many rows), until dismissed for this experiment.
  const scheduleNotice = useRun((s) => s.info?.notice ?? null);
  const [noticeSeen, setNoticeSeen] = useState<Refusal | null>(null);
  const notice = scheduleNotice !== null && scheduleNotice !== noticeSeen ? scheduleNotice : null;
  const lastLoss = useLiveHistory((s) => (s.loss.length > 0 ? s.loss.last[s.loss.length - 1]! : null));
  // The step before the latest, while the history keeps every step apart (it is not yet decimated).
  const beforeLastLoss = useLiveHistory((s) => (s.loss.width === 1 && s.loss.length > 1 ? s.loss.last[s.loss.length - 2]! : null));
  const traceLoss = useLiveRun((s) => s.trace?.loss?.total ?? null);
  const lastEval = useLiveHistory((s) => s.evaluations.at(-1) ?? null);
  const loss = lossReadout(shown, { traceLoss, recent: [beforeLastLoss, lastLoss], stepsTaken, evaluation: lastEval });
  // Whose loss it is, said while stepping by phase (the step on screen or the one before) and before training.
  const lossNamed = loss.step !== null && (shown !== null || loss.source === 'training-set');
  const setLearningRate = useConfig((s) => s.setLearningRate);
  const play = usePlayback((s) => s.play);
  const reset = usePlayback((s) => s.reset);
  const restoreCheckpoint = usePlayback((s) => s.restoreCheckpoint);
  const data = useConfig((s) => s.experiment.data);
  const evaluations = useLiveHistory((s) => s.evaluations);
  const evaluateEvery = useConfig((s) => s.experiment.schedule.evaluateEvery);
  const stall = useMemo(() => {
    const targets = targetsOf(data);
    // Judged on the schedule's evaluations only: those taken every 250 ms at slow speeds are a
    // few steps apart, and "no better for 10 evaluations" must not mean 50 steps.
    const scheduled = evaluations.filter((e) => e.iteration % evaluateEvery === 0);
    return detectStall(scheduled, 'classes' in targets ? targets.classes : null);
  }, [data, evaluations, evaluateEvery]);

  const lowered = divergence ? Number((divergence.learningRate / 10).toPrecision(3)) : 0;
  return (
    <section className={stale ? 'run-status stale' : 'run-status'} aria-live="polite" title={stale ? m('previous') : undefined}>
      <dl>
        <div>
          <dt>{t('status.label')}</dt>
          <dd data-testid="status" data-status={status}>
            {t(`status.${status}`)}
          </dd>
        </div>
        <div>
          <dt>{t('status.step')}</dt>
          <dd>
            <span data-testid="step">{shown?.step ?? stepsTaken}</span>
            <span className="phase-of" data-testid="phase-of">
              {shown !== null && <Beside text={m('phaseOf', { i: shown.index, n: shown.count })} />}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('status.epoch')}</dt>
          <dd data-testid="epoch">{format(wholeEpochs, 2)}</dd>
        </div>
        <div>
          <dt>{t('status.loss')}</dt>
          <dd className="loss" title={loss.step === null ? undefined : m(`lossTitle.${loss.source}`, { n: loss.step })}>
            <span data-testid="loss">{format(loss.value)}</span>
            <span className="phase-of" data-testid="loss-of">
              {lossNamed && <Beside text={m('lossOf', { n: loss.step! })} />}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('status.trainAccuracy')}</dt>
          <dd data-testid="train-accuracy">{format(lastEval?.trainAccuracy)}</dd>
        </div>
        <div>
          <dt>{t('status.testAccuracy')}</dt>
          <dd>{format(lastEval?.testAccuracy)}</dd>
        </div>
      </dl>
      {/* Notes float over what lies below, so that a note coming or going never moves the screen. */}
      <div className="run-notes">
        {notice !== null && (
          <p className="schedule-notice" role="status" data-testid="schedule-notice">
            {inLanguage({ message: refusalEnglish(notice), refusal: notice })}{' '}
            <button type="button" onClick={() => setNoticeSeen(notice)}>
              {t('error.dismiss')}
            </button>
          </p>
        )}
        {loading !== null && (
          <div className="loading">
            <label>
              {t('loading.progress', { what: loading.what, loaded: (loading.loaded / 1e6).toFixed(1), total: (loading.total / 1e6).toFixed(1) })}
              <progress max={loading.total} value={loading.loaded} />
            </label>
          </div>
        )}
        {divergence !== null && (
          <div role="alert" className="diverged">
            <p>
              {t('diverged.message', {
                step: divergence.step,
                quantity: terms.quantity(divergence.divergence.quantity),
                where:
                  divergence.divergence.layer === null
                    ? t(`diverged.where.${divergence.divergence.phase.kind}`)
                    : t('diverged.where.layer', { l: divergence.divergence.layer }),
              })}
            </p>
            {divergence.recovery === 'reinitialise' && <p>{t('diverged.reinitialise')}</p>}
            {divergence.recovery === 'go-back' && divergence.checkpointStep !== null && (
              <button
                type="button"
                onClick={() => {
                  setLearningRate(lowered);
                  restoreCheckpoint();
                  play();
                }}
              >
                {t('diverged.rollback', { rate: lowered, step: divergence.checkpointStep })}
              </button>
            )}
            {/* Continuing from weights already grown far past their start only diverges again. */}
            {divergence.recovery === 'go-back' && divergence.weightsOrdinary && (
              <button
                type="button"
                onClick={() => {
                  setLearningRate(lowered);
                  play();
                }}
              >
                {t('diverged.lower', { rate: lowered })}
              </button>
            )}
            <button type="button" onClick={reset}>
              {t(divergence.recovery === 'reinitialise' ? 'diverged.reinitialiseButton' : 'diverged.reset')}
            </button>
          </div>
        )}
        {workerSilentMs !== null && (
          <p role="alert" className="worker-silent" data-testid="worker-silent">
            {t('worker.silent', { seconds: Math.round(workerSilentMs / 1000) })}
          </p>
        )}
        {stall !== null && divergence === null && (
          <p className="stalled" data-testid="stalled">
            {stall.kind === 'chance'
              ? t('stalled.chance', { accuracy: stall.accuracy.toFixed(3), chance: stall.chance.toFixed(2) })
              : stall.kind === 'oscillating'
                ? t('stalled.oscillating')
                : t('stalled.no-improvement', { n: stall.evaluations })}
          </p>
        )}
        {error !== null && (
          <div role="alert" className="error">
            <p>{inLanguage(error)}</p>
            <button type="button" onClick={dismissError}>
              {t('error.dismiss')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
