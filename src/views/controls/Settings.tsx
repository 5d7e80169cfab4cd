/**
 * Every other setting. Batch size, optimizer and λ act live (no reset); architecture, loss,
 * data and seed rebuild the network from the seed without asking. A refused value shows the
 * reason next to its control and changes nothing; a disabled one says why. (Speed is on the
 * toolbar.)
 */
import { activation, ACTIVATIONS, type ActivationName } from '../../core/activations.ts';
import { LOSSES, OPTIMIZERS, REGULARIZATIONS, type OptimizerConfig, type OptimizerKind } from '../../core/spec.ts';
import { TOY_2D_NAMES, type ExperimentConfig } from '../../presets/config.ts';
import { useRefusalText } from '../../i18n/i18n.ts';
import { useTerms } from '../../i18n/terms.ts';
import { useConfig } from '../lab-context.tsx';
import { useSettingsMessages } from './settings-messages.ts';
import { CsvData } from './CsvData.tsx';
import { ModelFile } from './ModelFile.tsx';
import { NumberField } from './NumberField.tsx';
import { useWhyDisabled } from './why-disabled.tsx';

/** The most layers a network may have, input and output included. */
const MAX_LAYERS = 10;

const OPTIMIZER_DEFAULTS: Record<OptimizerKind, OptimizerConfig> = {
  sgd: { kind: 'sgd' },
  momentum: { kind: 'momentum', momentum: 0.9 },
  adam: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
};

export function Settings() {
  const t = useSettingsMessages();
  const terms = useTerms();
  const experiment = useConfig((s) => s.experiment);
  const refused = useConfig((s) => s.refused);
  const setHyper = useConfig((s) => s.setHyper);
  const setBatchSize = useConfig((s) => s.setBatchSize);
  const configure = useConfig((s) => s.configure);
  const { hyper, network, data, schedule } = experiment;
  const opt = hyper.optimizer;
  const reg = hyper.regularization;
  const rebuild = (change: Partial<ExperimentConfig>) => configure({ ...experiment, ...change });
  const inLanguage = useRefusalText();
  const errorFor = (prefix: string) => (refused !== null && refused.field.includes(prefix) ? inLanguage(refused) : null);
  const layers = network.layers;
  const outputFixed = network.loss === 'softmax-cross-entropy' || network.loss === 'sigmoid-binary-cross-entropy';
  const outputActivationWhy = useWhyDisabled(
    network.loss === 'softmax-cross-entropy' ? t('fixedBySoftmax') : network.loss === 'sigmoid-binary-cross-entropy' ? t('fixedBySigmoid') : null,
  );
  const addLayerWhy = useWhyDisabled(layers.length >= MAX_LAYERS ? t('layerLimit', { n: MAX_LAYERS }) : null);

  const setLayer = (l: number, change: { units?: number; activation?: ActivationName }) =>
    rebuild({ network: { ...network, layers: layers.map((layer, i) => (i === l ? { ...layer, ...change } : layer)) } });
  const addLayer = () => {
    const hidden = layers[layers.length - 2]!;
    const template = hidden.activation ? hidden : { units: 4, activation: 'tanh' as const };
    rebuild({ network: { ...network, layers: [...layers.slice(0, -1), { units: template.units, activation: template.activation }, layers[layers.length - 1]!] } });
  };
  const removeLayer = (l: number) => rebuild({ network: { ...network, layers: layers.filter((_, i) => i !== l) } });

  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()} aria-label={t('title')}>
      <fieldset>
        <legend>{t('training')}</legend>
        <NumberField
          label={t('batchSize')}
          value={schedule.batchSize}
          integer
          onCommit={setBatchSize}
          error={errorFor('batchSize')}
          disabled={schedule.sampling === 'full-batch'}
          why={schedule.sampling === 'full-batch' ? t('fullBatch') : null}
        />
        <label>
          {t('optimizer')}{' '}
          <select value={opt.kind} onChange={(e) => setHyper({ optimizer: OPTIMIZER_DEFAULTS[e.target.value as OptimizerKind] })}>
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {t(`optimizer.${o}`)}
              </option>
            ))}
          </select>
        </label>
        {opt.kind === 'momentum' && <NumberField label="μ" value={opt.momentum} onCommit={(momentum) => setHyper({ optimizer: { ...opt, momentum } })} error={errorFor('momentum')} />}
        {opt.kind === 'adam' && (
          <>
            <NumberField label="β₁" value={opt.beta1} onCommit={(beta1) => setHyper({ optimizer: { ...opt, beta1 } })} error={errorFor('beta1')} />
            <NumberField label="β₂" value={opt.beta2} onCommit={(beta2) => setHyper({ optimizer: { ...opt, beta2 } })} error={errorFor('beta2')} />
            <NumberField label="ε" value={opt.epsilon} onCommit={(epsilon) => setHyper({ optimizer: { ...opt, epsilon } })} error={errorFor('epsilon')} />
          </>
        )}
        <label>
          {t('regularization')}{' '}
          <select value={reg.kind} onChange={(e) => setHyper({ regularization: { kind: e.target.value as typeof reg.kind, lambda: reg.lambda } })}>
            {REGULARIZATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`regularization.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {reg.kind !== 'none' && <NumberField label="λ" value={reg.lambda} onCommit={(lambda) => setHyper({ regularization: { ...reg, lambda } })} error={errorFor('lambda')} />}
      </fieldset>
      <fieldset>
        <legend>{t('network')}</legend>
        <ol className="layers">
          {layers.map((layer, l) => (
            <li key={l}>
              <span>{l === 0 ? t('input') : l === layers.length - 1 ? t('output') : t('hidden', { l })}</span>
              <NumberField
                label={t('units', { l })}
                value={layer.units}
                integer
                onCommit={(units) => setLayer(l, { units })}
                error={errorFor(`layers[${l}].units`)}
                disabled={l === 0 || (l === layers.length - 1 && data.kind === 'mnist')}
                why={l === 0 ? t('fixedInput') : l === layers.length - 1 && data.kind === 'mnist' ? t('fixedOutput') : null}
              />
              {l > 0 && (
                <select
                  aria-label={t('activation', { l })}
                  value={layer.activation}
                  disabled={l === layers.length - 1 && outputFixed}
                  aria-describedby={l === layers.length - 1 ? outputActivationWhy.describedBy : undefined}
                  onChange={(e) => setLayer(l, { activation: e.target.value as ActivationName })}
                >
                  {ACTIVATIONS.map((a) => (
                    <option key={a} value={a} title={`f(z) = ${activation(a).formula.text.f};  f'(z) = ${activation(a).formula.text.df}`}>
                      {terms.activation(a)}
                    </option>
                  ))}
                </select>
              )}
              {l === layers.length - 1 && outputActivationWhy.note}
              {l > 0 && l < layers.length - 1 && (
                <button type="button" aria-label={t('remove', { l })} onClick={() => removeLayer(l)}>
                  −
                </button>
              )}
            </li>
          ))}
        </ol>
        <button type="button" onClick={addLayer} disabled={layers.length >= MAX_LAYERS} aria-describedby={addLayerWhy.describedBy}>
          {t('add')}
        </button>
        {addLayerWhy.note}
        <label>
          {t('loss')}{' '}
          <select
            value={network.loss}
            onChange={(e) => {
              const loss = e.target.value as (typeof LOSSES)[number];
              const fixed = loss === 'softmax-cross-entropy' || loss === 'sigmoid-binary-cross-entropy';
              const out = layers[layers.length - 1]!;
              rebuild({ network: { loss, layers: [...layers.slice(0, -1), { ...out, activation: fixed ? 'identity' : out.activation }] } });
            }}
          >
            {LOSSES.map((loss) => (
              <option key={loss} value={loss}>
                {terms.loss(loss)}
              </option>
            ))}
          </select>
        </label>
        {errorFor('network') !== null && !/\.units$/.test(refused!.field) && <p role="alert">{errorFor('network')}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('data')}</legend>
        {data.kind === 'toy2d' && (
          <>
            <label>
              {t('dataset')}{' '}
              <select value={data.name} onChange={(e) => rebuild({ data: { ...data, name: e.target.value as typeof data.name } })}>
                {TOY_2D_NAMES.map((n) => (
                  <option key={n} value={n}>
                    {terms.dataset(n)}
                  </option>
                ))}
              </select>
            </label>
            <NumberField label={t('noise')} value={data.noise} onCommit={(noise) => rebuild({ data: { ...data, noise } })} error={errorFor('data.noise')} />
            <NumberField label={t('testFraction')} value={data.testFraction} onCommit={(testFraction) => rebuild({ data: { ...data, testFraction } })} error={errorFor('testFraction')} />
          </>
        )}
        {(data.kind === 'mnist' || data.kind === 'regression') && <p className="muted">{t(`data.${data.kind}`)}</p>}
        {data.kind === 'csv' && (
          <NumberField label={t('testFraction')} value={data.testFraction} onCommit={(testFraction) => rebuild({ data: { ...data, testFraction } })} error={errorFor('testFraction')} />
        )}
        <CsvData />
        {errorFor('data.text') !== null && <p role="alert">{errorFor('data.text')}</p>}
        <NumberField label={t('seed')} value={experiment.seed} integer onCommit={(seed) => rebuild({ seed })} error={errorFor('seed')} />
      </fieldset>
      <ModelFile />
    </form>
  );
}
