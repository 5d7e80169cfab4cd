/**
 * What the run is doing: status, step (and, mid-step, which phase of how many), epoch, the
 * latest loss and accuracies, the data loading progress, errors, and a plain message with a
 * way out when training diverged. While a new experiment loads, the old figures are greyed.
 */
import { useMemo } from 'react';
import { phasesOf, type Phase } from '../../core/phases.ts';
import { defineMessages, useI18n, useRefusalText } from '../../i18n/i18n.ts';
import { useTerms } from '../../i18n/terms.ts';
import { targetsOf } from '../../presets/config.ts';
import { detectStall } from '../../presets/stall.ts';
import { useConfig, usePlayback, useLiveHistory, useLiveRun, useRun } from '../lab-context.tsx';

const useMessages = defineMessages({
  en: { phaseOf: 'phase {i} of {n}', previous: 'previous experiment' },
  zh: { phaseOf: '第 {i} / {n} 阶段', previous: '上一个实验' },
});

/** The phase's place in the step: forward 1..L, loss, backward L..1, update (1-based). */
export function phaseIndex(phase: Phase, L: number): number {
  return phasesOf(L).findIndex((p) => p.kind === phase.kind && ('layer' in p ? p.layer === (phase as { layer: number }).layer : true)) + 1;
}

function format(x: number | null | undefined, digits = 4): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

export function RunStatus() {
  const { t } = useI18n();
  const inLanguage = useRefusalText();
  const terms = useTerms();
  const status = useRun((s) => s.status);
  const m = useMessages();
  const step = useLiveRun((s) => s.step);
  const epoch = useLiveRun((s) => s.epoch);
  const phase = useLiveRun((s) => s.snapshot?.phase ?? null);
  const batchRows = useLiveRun((s) => s.trace?.x.rows ?? 0);
  const trainSize = useRun((s) => s.info?.trainSize ?? 0);
  const L = useRun((s) => (s.info?.network.layers.length ?? 1) - 1);
  const stale = useRun((s) => s.status === 'loading' && s.info !== null);
  // Mid-step (a phase before the update), the batch is drawn but the step not yet taken: the
  // epoch counts only whole steps, so that step and epoch agree.
  const midStep = phase !== null && phase.kind !== 'update';
  const wholeEpochs = midStep && trainSize > 0 ? Math.max(0, epoch - batchRows / trainSize) : epoch;
  const loading = useRun((s) => s.loading);
  const error = useRun((s) => s.error);
  const workerSilentMs = useRun((s) => s.workerSilentMs);
  const dismissError = useRun((s) => s.dismissError);
  const divergence = useRun((s) => s.divergence);
  const lastLoss = useLiveHistory((s) => (s.loss.length > 0 ? s.loss.last[s.loss.length - 1] : null));
  // While stepping by phase, the batch loss of the step under way as soon as its loss phase has run.
  const stepLoss = useLiveRun((s) => (s.snapshot?.phase != null ? (s.trace?.loss?.total ?? null) : null));
  const lastEval = useLiveHistory((s) => s.evaluations.at(-1) ?? null);
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
            <span data-testid="step">{step}</span>
            <span className="phase-of" data-testid="phase-of">
              {midStep && phase !== null ? ` · ${m('phaseOf', { i: phaseIndex(phase, L), n: 2 * L + 2 })}` : ''}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('status.epoch')}</dt>
          <dd data-testid="epoch">{format(wholeEpochs, 2)}</dd>
        </div>
        <div>
          <dt>{t('status.loss')}</dt>
          <dd data-testid="loss">{format(stepLoss ?? lastLoss)}</dd>
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
    </section>
  );
}
