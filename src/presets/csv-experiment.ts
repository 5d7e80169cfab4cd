/**
 * An experiment retargeted at the user's CSV data: its inputs and outputs fitted to the data
 * set's shape, the hidden layers kept, classification with softmax cross-entropy or
 * regression with squared error.
 */
import type { CsvShape, DataConfig, ExperimentConfig } from './config.ts';

export type CsvDataConfig = Extract<DataConfig, { kind: 'csv' }>;

/** How a chosen file becomes data: the last column is the target, a fifth of the rows is held out. */
export function csvData(name: string, text: string): CsvDataConfig {
  return { kind: 'csv', name, text, target: null, testFraction: 0.2, seed: 0 };
}

/** `current` on the data `data`, whose shape is `shape`. */
export function csvExperiment(current: ExperimentConfig, data: CsvDataConfig, shape: CsvShape): ExperimentConfig {
  const hidden = current.network.layers.slice(1, -1);
  const classification = shape.kind === 'classification';
  const outputs = shape.kind === 'classification' ? shape.classes : shape.values;
  const trainRows = shape.rows - Math.round(shape.rows * data.testFraction);
  return {
    ...current,
    name: data.name.replace(/\.csv$/i, '') || 'csv',
    title: data.name,
    source: '',
    data,
    network: {
      layers: [{ units: shape.features }, ...(hidden.length > 0 ? hidden : [{ units: 8, activation: 'tanh' as const }]), { units: outputs, activation: 'identity' as const }],
      loss: classification ? 'softmax-cross-entropy' : 'squared-error-half',
    },
    schedule: { ...current.schedule, batchSize: Math.max(1, Math.min(current.schedule.batchSize, trainRows)) },
  };
}
