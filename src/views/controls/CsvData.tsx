/**
 * Training on the user's own data: a CSV file with a header row, numeric feature columns and
 * the target in the last column (class labels, or numbers for regression; see data/csv.ts).
 * Choosing a file hands it to the worker (its size checked first), which reads and parses it
 * while the experiment runs on; a big file shows its progress here. Then the network's input
 * and output layers are fitted to it and it rebuilds. A file that does not parse is refused
 * with the line and column of the problem, and nothing changes.
 */
import { useRef, type ChangeEvent } from 'react';
import { defineMessages } from '../../i18n/i18n.ts';
import { csvShape } from '../../presets/config.ts';
import { useConfig } from '../lab-context.tsx';

/** Files from this size (bytes) on show their progress; smaller ones are read in a blink. */
const SHOW_PROGRESS_BYTES = 1_000_000;

const useMessages = defineMessages({
  en: {
    choose: 'Use a CSV file…',
    hint: 'Header row, numeric features, the target in the last column.',
    classification: '{name}: {rows} rows, {features} features, {classes} classes',
    regression: '{name}: {rows} rows, {features} features, a number to predict',
    read: 'Reading\u00a0{percent}\u00a0%',
    parse: 'Checking\u00a0{percent}\u00a0%',
  },
  zh: {
    choose: '使用 CSV 文件…',
    hint: '首行为列名，特征为数值，最后一列为目标。',
    classification: '{name}：{rows} 行，{features} 个特征，{classes} 个类别',
    regression: '{name}：{rows} 行，{features} 个特征，预测一个数值',
    read: '正在读取\u00a0{percent}\u00a0%',
    parse: '正在检查\u00a0{percent}\u00a0%',
  },
});

export function CsvData() {
  const t = useMessages();
  const data = useConfig((s) => s.experiment.data);
  const readCsv = useConfig((s) => s.readCsv);
  const reading = useConfig((s) => s.csvReading);
  const chooser = useRef<HTMLInputElement>(null);

  const load = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file !== undefined) readCsv(file, file.name);
  };

  let summary: string | null = null;
  if (data.kind === 'csv') {
    const shape = csvShape(data); // known: the worker told its shape when it read the file
    const counts = { name: data.name, rows: shape.rows, features: shape.features };
    summary = shape.kind === 'classification' ? t('classification', { ...counts, classes: shape.classes }) : t('regression', counts);
  }
  const percent = reading === null ? 0 : Math.floor((100 * reading.done) / Math.max(1, reading.total));
  const stage = reading === null ? '' : t(reading.stage, { percent });

  return (
    <>
      {summary !== null && <p className="csv-summary">{summary}</p>}
      <button type="button" onClick={() => chooser.current?.click()}>
        {t('choose')}
      </button>
      <input ref={chooser} type="file" accept=".csv,text/csv" onChange={load} hidden aria-label={t('choose')} />
      {reading !== null && reading.bytes >= SHOW_PROGRESS_BYTES && (
        // The name and the stage on lines of their own: a stage or percentage changing never rewraps the name.
        <div className="csv-progress" role="progressbar" aria-label={`${reading.name}: ${stage}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={stage}>
          <span className="csv-progress-name">{reading.name}</span>
          <span className="csv-progress-label">{stage}</span>
          <span className="csv-progress-track">
            <span className="csv-progress-fill" style={{ width: `${percent}%` }} />
          </span>
        </div>
      )}
      <p className="hint">{t('hint')}</p>
    </>
  );
}
