/**
 * The lessons: a button for the lab's header and, when open, a panel docked beside the lab on a
 * wide screen and under it on a narrow one (the lab gives up that room, so nothing is covered). What the panel holds (the list, a
 * lesson file to open, the player: LessonPanel.tsx) loads when it first opens. The lesson and
 * step travel in the address.
 */
import { useContext, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { encodeLink } from '../../store/link.ts';
import { LabContext } from '../lab-context.tsx';
import { lazyView } from '../shared/lazy-view.tsx';
import { isLessonLink, readLessonLink } from './lesson-link.ts';
import { useLessonMessages } from './messages.ts';
import { writeHash } from './write-hash.ts';
import './lessons.css';

const content = lazyView(() => import('./LessonPanel.tsx').then((m) => m.LessonPanel));
export const preloadLessons = content.preload;

export function Lessons() {
  const t = useLessonMessages();
  const [open, setOpen] = useState(false);
  const lab = useContext(LabContext);
  /** Leaving a lesson: the address holds the experiment again. */
  const leave = () => {
    if (isLessonLink(location.hash)) writeHash(lab === null ? '' : encodeLink(lab.config.getState().experiment));
  };

  // A lesson link opens the panel, at load and when pasted; the panel opens the lesson.
  useEffect(() => {
    const follow = () => {
      if (readLessonLink(location.hash) !== null) setOpen(true);
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
    leave();
  };

  return (
    <>
      <button
        type="button"
        className="lesson-open-button"
        data-testid="lessons-open"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
        onPointerEnter={content.preload}
        onFocus={content.preload}
      >
        {t('open')}
      </button>
      {open &&
        createPortal(
          <section className="lesson-panel" data-testid="lesson-panel" aria-label={t('title')}>
            <button type="button" className="lesson-close" data-testid="lesson-close" onClick={close} aria-label={t('close')}>
              ×
            </button>
            <content.View leave={leave} fallback={<p className="muted">…</p>} />
          </section>,
          document.body,
        )}
    </>
  );
}
