/**
 * What the run is doing: status, step, epoch, the latest loss and accuracies, the data loading
 * progress, errors, and a plain message with a way out when training diverged.
 */
import { useMemo } from 'react';
import { useI18n, useRefusalText } from '../../i18n/i18n.ts';
import { useTerms } from '../../i18n/terms.ts';
import { targetsOf } from '../../presets/config.ts';
import { detectStall } from '../../presets/stall.ts';
import { useConfig, useLiveHistory, useLiveRun, useRun } from '../lab-context.tsx';

function format(x: number | null | undefined, digits = 4): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

export function RunStatus() {
  const { t } = useI18n();
  const inLanguage = useRefusalText();
  const terms = useTerms();
  const status = useRun((s) => s.status);
  const step = useLiveRun((s) => s.step);
  const epoch = useLiveRun((s) => s.epoch);
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
  const play = useConfig((s) => s.play);
  const reset = useConfig((s) => s.reset);
  const restoreCheckpoint = useConfig((s) => s.restoreCheckpoint);
  const data = useConfig((s) => s.experiment.data);
  const evaluations = useLiveHistory((s) => s.evaluations);
  const stall = useMemo(() => {
    const targets = targetsOf(data);
    return detectStall(evaluations, 'classes' in targets ? targets.classes : null);
  }, [data, evaluations]);

  const lowered = divergence ? Number((divergence.learningRate / 10).toPrecision(3)) : 0;
  return (
    <section className="run-status" aria-live="polite">
      <dl>
        <div>
          <dt>{t('status.label')}</dt>
          <dd data-testid="status" data-status={status}>
            {t(`status.${status}`)}
          </dd>
        </div>
        <div>
          <dt>{t('status.step')}</dt>
          <dd data-testid="step">{step}</dd>
        </div>
        <div>
          <dt>{t('status.epoch')}</dt>
          <dd>{format(epoch, 2)}</dd>
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
          <p>{inLanguage(error.message)}</p>
          <button type="button" onClick={dismissError}>
            {t('error.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
