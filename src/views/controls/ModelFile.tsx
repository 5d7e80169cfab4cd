/**
 * Saving the network's current weights as a model file, and loading one back: the format the
 * command line reads (`npm run cli -- trace --model FILE`), described in README. A file with
 * another architecture rebuilds the network around it; a file that does not fit the data, or
 * is not a model file, is refused with the reason and changes nothing.
 */
import { useEffect, useRef, type ChangeEvent } from 'react';
import { defineMessages } from '../../i18n/i18n.ts';
import { useConfig, usePlayback, useRun } from '../lab-context.tsx';
import { useWhyDisabled, useWhyMessages } from './why-disabled.tsx';

const useMessages = defineMessages({
  en: {
    legend: 'Model file',
    save: 'Save weights (JSON)',
    load: 'Load weights…',
    hint: 'The format the command line reads: npm run cli -- trace --model FILE --batch BATCH',
  },
  zh: {
    legend: '模型文件',
    save: '保存权重（JSON）',
    load: '载入权重…',
    hint: '与命令行读取的格式相同：npm run cli -- trace --model 文件 --batch 批次文件',
  },
});

/** A file name from the experiment's name and step, e.g. "mnist-two-layer-relu-step-600.json". */
export function modelFileName(experiment: string, step: number): string {
  const slug = experiment.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
  return `${slug}-step-${step}.json`;
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download only after click() returns: release the blob later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ModelFile() {
  const t = useMessages();
  const exportModel = usePlayback((s) => s.exportModel);
  const importModel = useConfig((s) => s.importModel);
  const name = useConfig((s) => s.experiment.name);
  const model = useRun((s) => s.model);
  const ready = useRun((s) => s.status !== 'loading');
  /** The serial of the model in hand when Save was pressed: the next one is ours to download. */
  const asked = useRef<number | null>(null);
  const chooser = useRef<HTMLInputElement>(null);
  const why = useWhyMessages();
  const loadingWhy = useWhyDisabled(ready ? null : why('loading'));

  useEffect(() => {
    if (model === null || asked.current === null || model.serial <= asked.current) return;
    asked.current = null;
    download(modelFileName(name, model.step), model.text);
  }, [model, name]);

  const save = () => {
    asked.current = model?.serial ?? 0;
    exportModel();
  };

  const load = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again is a new choice
    if (file !== undefined) importModel(file); // the worker reads it
  };

  return (
    <fieldset className="model-file">
      <legend>{t('legend')}</legend>
      <button type="button" onClick={save} disabled={!ready} aria-describedby={loadingWhy.describedBy}>
        {t('save')}
      </button>
      <button type="button" onClick={() => chooser.current?.click()} disabled={!ready} aria-describedby={loadingWhy.describedBy}>
        {t('load')}
      </button>
      {loadingWhy.note}
      <input ref={chooser} type="file" accept=".json,application/json" onChange={load} hidden aria-label={t('load')} />
      <p className="hint">{t('hint')}</p>
    </fieldset>
  );
}
