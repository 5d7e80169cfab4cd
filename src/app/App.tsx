/**
 * The application shell: one lab around one training worker, the language, the theme and
 * presenter mode, and the link that holds the whole lesson.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../i18n/i18n.ts';
import type { Shown } from '../core/refusal.ts';
import { decodeLink, keepLinkInStep } from '../store/link.ts';
import { createUiStore, type UiStore } from '../store/ui.ts';
import { LabContext, type Lab as LabStores } from '../views/lab-context.tsx';
import { isLessonLink } from '../views/lessons/lesson-link.ts';
import { UpdateNotice } from '../views/update/UpdateNotice.tsx';
import { Lab } from './Lab.tsx';
import { createLab } from './create-lab.ts';
import { I18nProvider } from './I18nProvider.tsx';
import { LinkNotice, type LinkOutcome } from './LinkNotice.tsx';
import { applyPresenter, applyTheme, saveConvention, savedView } from './saved-view.ts';
import './app.css';

function Shell() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return <Lab />;
}

/** Keeps <html data-theme> and <html data-presenter> in step with the store, and the remembered notation. */
function useScreenAttributes(ui: UiStore) {
  const theme = useStore(ui, (s) => s.theme);
  const presenter = useStore(ui, (s) => s.presenter);
  const convention = useStore(ui, (s) => s.convention);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => applyPresenter(presenter), [presenter]);
  useEffect(() => saveConvention(convention), [convention]);
}

export function App() {
  // The address may carry a lesson (#config=…&speed=…): the screen's part is read at once, so
  // the first paint already has the link's language and theme.
  const [opening] = useState(() => decodeLink(location.hash));
  const [ui] = useState(() => createUiStore({ ...savedView(), ...(opening?.lesson ?? {}) }));
  // Created in an effect so that every mount owns exactly one live worker (StrictMode mounts twice).
  const [lab, setLab] = useState<LabStores | null>(null);
  const [linkProblem, setLinkProblem] = useState<{ problems: readonly Shown[]; outcome: LinkOutcome } | null>(null);
  useScreenAttributes(ui);
  useEffect(() => {
    const link = decodeLink(location.hash);
    const created = createLab(undefined, link?.experiment ?? undefined, link?.lesson, ui);
    if (link?.experiment && link.lesson.bugs !== undefined && link.lesson.bugs.length > 0) created.config.getState().setBugs(link.lesson.bugs);
    if (link !== null && link.problems.length > 0) setLinkProblem({ problems: link.problems, outcome: link.experiment === null ? 'default' : 'part' });
    // While a lesson is open the address holds it (#lesson=…), not the experiment it sets up.
    const stopLink = keepLinkInStep(created.config, ui, (fragment) => {
      if (!isLessonLink(location.hash)) history.replaceState(history.state, '', fragment === '' ? `${location.pathname}${location.search}` : `#${fragment}`);
    });
    // A link pasted into this tab's address bar: open what it holds.
    const onHashChange = () => {
      const pasted = decodeLink(location.hash);
      if (pasted === null) return;
      // An unusable experiment leaves the running one (kept); the lesson's usable words still apply.
      setLinkProblem(pasted.problems.length === 0 ? null : { problems: pasted.problems, outcome: pasted.experiment === null ? 'kept' : 'part' });
      const { bugs, ...lesson } = pasted.lesson;
      if (pasted.experiment !== null) {
        created.config.getState().configure(pasted.experiment);
        // The link's experiment comes with its bug switches: none when it names none.
        const next = bugs ?? [];
        if (next.join() !== created.config.getState().bugs.join()) created.config.getState().setBugs(next);
      }
      if (lesson.speed !== undefined) created.config.getState().setSpeed(lesson.speed);
      if (lesson.granularity !== undefined) created.config.getState().setGranularity(lesson.granularity);
      ui.setState({ ...lesson });
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
  }, [ui]);
  return (
    <I18nProvider ui={ui}>
      {lab !== null && (
        <LabContext.Provider value={lab}>
          <Shell />
        </LabContext.Provider>
      )}
      {linkProblem !== null && <LinkNotice problems={linkProblem.problems} outcome={linkProblem.outcome} onDismiss={() => setLinkProblem(null)} />}
      <UpdateNotice />
    </I18nProvider>
  );
}
