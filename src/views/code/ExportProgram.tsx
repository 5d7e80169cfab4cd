/**
 * "Whole program" buttons of the code panel: the current experiment as a runnable Python file
 * or a Jupyter notebook, in the panel's style and convention. The 2-D, regression and CSV data
 * are generated here from the experiment's settings (pure functions, as the worker does) and
 * written into the program; MNIST is read from its IDX files by the program itself.
 */
import { useState } from 'react';
import type { ExperimentConfig } from '../../presets/config.ts';
import { loadExperimentData } from '../../presets/data-source.ts';
import { useConfig } from '../lab-context.tsx';
import type { CodeStyle, Convention } from './numpy.ts';
import { notebook, programSections, pythonProgram } from './program/program.ts';
import type { useCodeMessages } from './messages.ts';

type Translate = ReturnType<typeof useCodeMessages>;

/** The program's text and file name, or throws with a reason. */
export function exportProgram(config: ExperimentConfig, style: CodeStyle, convention: Convention, format: 'py' | 'ipynb'): { name: string; text: string; type: string } {
  const data =
    config.data.kind === 'mnist'
      ? null
      : loadExperimentData(config.data, () => {
          throw new Error('MNIST is read by the program');
        });
  const sections = programSections(config, data, style, convention);
  const base = `${config.name}-${style}-${convention}`;
  return format === 'py'
    ? { name: `${base}.py`, text: pythonProgram(sections), type: 'text/x-python' }
    : { name: `${base}.ipynb`, text: notebook(sections, config.data.kind === 'mnist'), type: 'application/x-ipynb+json' };
}

function download(file: { name: string; text: string; type: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ExportProgram({ style, convention, t }: { style: CodeStyle; convention: Convention; t: Translate }) {
  const config = useConfig((s) => s.experiment);
  const [error, setError] = useState<string | null>(null);
  const save = (format: 'py' | 'ipynb') => {
    try {
      download(exportProgram(config, style, convention, format));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span className="code-export" role="group" aria-label={t('export')}>
      <button type="button" onClick={() => save('py')} title={t('export.pyHint')}>
        {t('export.py')}
      </button>
      <button type="button" onClick={() => save('ipynb')} title={t('export.pyHint')}>
        {t('export.ipynb')}
      </button>
      {error !== null && (
        <span role="alert" className="field-error">
          {t('export.failed', { reason: error })}
        </span>
      )}
    </span>
  );
}
