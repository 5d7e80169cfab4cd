/**
 * The application shell: one lab around one training worker, the language, and the screen.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.ts';
import { LabContext, type Lab as LabStores } from '../views/lab-context.tsx';
import { Lab } from './Lab.tsx';
import { createLab } from './create-lab.ts';
import { I18nProvider } from './I18nProvider.tsx';
import './app.css';

function Shell() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return <Lab />;
}

export function App() {
  // Created in an effect so that every mount owns exactly one live worker (StrictMode mounts twice).
  const [lab, setLab] = useState<LabStores | null>(null);
  useEffect(() => {
    const created = createLab();
    setLab(created);
    // ?debug exposes the stores to scripts (the UI benchmark reads them); nothing else does.
    if (new URLSearchParams(location.search).has('debug')) (window as unknown as { backpropLab?: LabStores }).backpropLab = created;
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
