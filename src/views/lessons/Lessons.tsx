/**
 * The lessons' shell, in the lab's first load: the header's button and, when open, the panel
 * docked beside or under the lab (the lab gives up that room, so nothing is covered). What the
 * panel holds — the catalog, the list, the player, KaTeX — loads only when it opens. The lesson
 * and step travel in the address.
 */
import { lazy, Suspense, useContext, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { encodeLink } from '../../store/link.ts';
import { LabContext } from '../lab-context.tsx';
import { isLessonLink, readLessonLink, writeHash } from './lesson-link.ts';
import { useLessonMessages } from './messages.ts';
import type { LessonRequest } from './LessonPanel.tsx';
import './lessons.css';

const LessonPanel = lazy(() => import('./LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));

export function Lessons() {
  const t = useLessonMessages();
  const [open, setOpen] = useState(false);
  const [request, setRequest] = useState<LessonRequest | null>(null);
  const lab = useContext(LabContext);
  /** Leaving a lesson: the address holds the experiment again. */
  const leave = () => {
    if (isLessonLink(location.hash)) writeHash(lab === null ? '' : encodeLink(lab.config.getState().experiment));
  };

  // A lesson link opens the lesson at its step, at load and when pasted.
  useEffect(() => {
    const follow = () => {
      if (!isLessonLink(location.hash)) return;
      const link = readLessonLink(location.hash);
      setOpen(true);
      setRequest(link === null ? { kind: 'unreadable', text: location.hash.slice(8, 48) } : { kind: 'lesson', ...link });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    document.body.classList.toggle('lesson-open', open);
    return () => document.body.classList.remove('lesson-open');
  }, [open]);

  const close = () => {
    setOpen(false);
    setRequest(null);
    leave();
  };
  return (
    <>
      <button type="button" className="lesson-open-button" data-testid="lessons-open" aria-expanded={open} onClick={() => (open ? close() : setOpen(true))}>
        {t('open')}
      </button>
      {open &&
        createPortal(
          <section className="lesson-panel" data-testid="lesson-panel" aria-label={t('title')}>
            <button type="button" className="lesson-close" data-testid="lesson-close" onClick={close} aria-label={t('close')}>
              ×
            </button>
            <Suspense fallback={<p className="muted">{t('settingUp')}</p>}>
              <LessonPanel request={request} leave={leave} />
            </Suspense>
          </section>,
          document.body,
        )}
    </>
  );
}
