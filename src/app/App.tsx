/**
 * The application shell: one lab around one training worker, the controls, and the run's
 * status. The lab's views (network graph, heatmaps, curves, boundaries) come next.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../views/controls/LanguageSwitch.tsx';
import { LearningRate } from '../views/controls/LearningRate.tsx';
import { PresetPicker } from '../views/controls/PresetPicker.tsx';
import { Transport } from '../views/controls/Transport.tsx';
import { LabContext, type Lab } from '../views/lab-context.tsx';
import { RunStatus } from '../views/status/RunStatus.tsx';
import { createLab } from './create-lab.ts';
import { I18nProvider } from './I18nProvider.tsx';
import './app.css';

function Shell() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <div className="app">
      <header>
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
        <LanguageSwitch />
      </header>
      <main>
        <div className="controls">
          <PresetPicker />
          <Transport />
          <LearningRate />
        </div>
        <RunStatus />
      </main>
    </div>
  );
}

export function App() {
  // Created in an effect so that every mount owns exactly one live worker (StrictMode mounts twice).
  const [lab, setLab] = useState<Lab | null>(null);
  useEffect(() => {
    const created = createLab();
    setLab(created);
    // ?debug exposes the stores to scripts (the UI benchmark reads them); nothing else does.
    if (new URLSearchParams(location.search).has('debug')) (window as unknown as { backpropLab?: Lab }).backpropLab = created;
    return () => created.dispose();
  }, []);
  return (
    <I18nProvider>
      {lab !== null && (
        <LabContext.Provider value={lab}>
          <Shell />
        </LabContext.Provider>
      )}
    </I18nProvider>
  );
}
