/**
 * Training on the user's own data: a CSV file with a header row, numeric feature columns and
 * the target in the last column (class labels, or numbers for regression; see data/csv.ts).
 * Choosing a file fits the network's input and output layers to it and rebuilds; a file that
 * does not parse is refused with the line and column of the problem, and nothing changes.
 */
import { useRef, type ChangeEvent } from 'react';
import type { Dataset } from '../../data/dataset.ts';
import { defineMessages } from '../../i18n/i18n.ts';
import { csvDataset, type DataConfig, type ExperimentConfig } from '../../presets/config.ts';
import { useConfig } from '../lab-context.tsx';

const useMessages = defineMessages({
  en: {
    choose: 'Use a CSV file…',
    hint: 'Header row, numeric features, the target in the last column.',
    classification: '{name}: {rows} rows, {features} features, {classes} classes',
    regression: '{name}: {rows} rows, {features} features, a number to predict',
  },
  zh: {
    choose: '使用 CSV 文件…',
    hint: '首行为列名，特征为数值，最后一列为目标。',
    classification: '{name}：{rows} 行，{features} 个特征，{classes} 个类别',
    regression: '{name}：{rows} 行，{features} 个特征，预测一个数值',
  },
});

type CsvConfig = Extract<DataConfig, { kind: 'csv' }>;

/**
 * The experiment retargeted at a CSV file: its inputs and outputs fitted to the data, the
 * hidden layers kept. Text that does not parse is passed on unchanged, for validation to
 * refuse with its line and column.
 */
export function csvExperiment(current: ExperimentConfig, fileName: string, text: string): unknown {
  const data: CsvConfig = { kind: 'csv', name: fileName, text, target: null, testFraction: 0.2, seed: 0 };
  let ds: Dataset;
  try {
    ds = csvDataset(data);
  } catch {
    return { ...current, data };
  }
  const hidden = current.network.layers.slice(1, -1);
  const classification = ds.kind === 'classification';
  const outputs = ds.kind === 'classification' ? ds.numClasses : ds.y.cols;
  const trainRows = ds.x.rows - Math.round(ds.x.rows * data.testFraction);
  return {
    ...current,
    name: fileName.replace(/\.csv$/i, '') || 'csv',
    title: fileName,
    source: '',
    data,
    network: {
      layers: [{ units: ds.x.cols }, ...(hidden.length > 0 ? hidden : [{ units: 8, activation: 'tanh' as const }]), { units: outputs, activation: 'identity' as const }],
      loss: classification ? 'softmax-cross-entropy' : 'squared-error-half',
    },
    schedule: { ...current.schedule, batchSize: Math.max(1, Math.min(current.schedule.batchSize, trainRows)) },
  };
}

export function CsvData() {
  const t = useMessages();
  const experiment = useConfig((s) => s.experiment);
  const configure = useConfig((s) => s.configure);
  const chooser = useRef<HTMLInputElement>(null);

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file !== undefined) configure(csvExperiment(experiment, file.name, await file.text()));
  };

  const data = experiment.data;
  let summary: string | null = null;
  if (data.kind === 'csv') {
    const ds = csvDataset(data);
    const counts = { name: data.name, rows: ds.x.rows, features: ds.x.cols };
    summary = ds.kind === 'classification' ? t('classification', { ...counts, classes: ds.numClasses }) : t('regression', counts);
  }

  return (
    <>
      {summary !== null && <p className="csv-summary">{summary}</p>}
      <button type="button" onClick={() => chooser.current?.click()}>
        {t('choose')}
      </button>
      <input ref={chooser} type="file" accept=".csv,text/csv" onChange={load} hidden aria-label={t('choose')} />
      <p className="hint">{t('hint')}</p>
    </>
  );
}
