/**
 * The application shell: one lab around one training worker, the language, and the screen.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.ts';
import { decodeLink, keepLinkInStep } from '../store/link.ts';
import { LabContext, type Lab as LabStores } from '../views/lab-context.tsx';
import { isLessonLink } from '../views/lessons/lesson-link.ts';
import { Lab } from './Lab.tsx';
import { createLab } from './create-lab.ts';
import { I18nProvider } from './I18nProvider.tsx';
import { LinkNotice } from './LinkNotice.tsx';
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
  const [linkProblem, setLinkProblem] = useState<{ problem: string; kept: boolean } | null>(null);
  useEffect(() => {
    // The address may carry an experiment (#config=…): start with it, and keep it up to date.
    const link = decodeLink(location.hash);
    const created = createLab(undefined, link !== null && 'experiment' in link ? link.experiment : undefined);
    setLinkProblem(link !== null && 'problem' in link ? { problem: link.problem, kept: false } : null);
    // While a lesson is open the address holds it (#lesson=…), not the experiment it sets up.
    const stopLink = keepLinkInStep(created.config, (fragment) => {
      if (!isLessonLink(location.hash)) history.replaceState(history.state, '', fragment === '' ? `${location.pathname}${location.search}` : `#${fragment}`);
    });
    // A link pasted into this tab's address bar: open what it holds.
    const onHashChange = () => {
      const pasted = decodeLink(location.hash);
      if (pasted === null) return;
      if ('problem' in pasted) setLinkProblem({ problem: pasted.problem, kept: true }); // the running experiment stays
      else created.config.getState().configure(pasted.experiment);
    };
    window.addEventListener('hashchange', onHashChange);
    setLab(created);
    // ?debug exposes the stores to scripts (the UI benchmark reads them); nothing else does.
    if (new URLSearchParams(location.search).has('debug')) (window as unknown as { backpropLab?: LabStores }).backpropLab = created;
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      stopLink();
      created.dispose();
    };
  }, []);
  return (
    <I18nProvider>
      {lab !== null && (
        <LabContext.Provider value={lab}>
          <Shell />
        </LabContext.Provider>
      )}
      {linkProblem !== null && <LinkNotice problem={linkProblem.problem} kept={linkProblem.kept} onDismiss={() => setLinkProblem(null)} />}
    </I18nProvider>
  );
}
