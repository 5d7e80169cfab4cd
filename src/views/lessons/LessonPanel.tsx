/**
 * The lessons' panel, inside the frame Lessons.tsx docks beside or under the lab: the list
 * of lessons with progress, a lesson file to open, and the player. Loaded when the panel first
 * opens. `leave` gives the address back to the experiment when a lesson ends.
 */
import { useEffect, useState } from 'react';
import { ConfigError } from '../../core/errors.ts';
import { findLesson, LESSONS } from '../../lessons/catalog.ts';
import { parseLessonFile, type Lesson } from '../../lessons/schema.ts';
import { useI18n, useRefusalText } from '../../i18n/i18n.ts';
import { isLessonLink, lessonFragment, readLessonLink } from './lesson-link.ts';
import { LessonPlayer } from './LessonPlayer.tsx';
import { useLessonMessages } from './messages.ts';
import { loadProgress, saveProgress, type Progress } from './progress.ts';
import { writeHash } from './write-hash.ts';

export function LessonPanel({ leave }: { leave: () => void }) {
  const t = useLessonMessages();
  const { language } = useI18n();
  const refusal = useRefusalText();
  const [playing, setPlaying] = useState<{ lesson: Lesson; step: number } | null>(null);
  const [progress, setProgress] = useState<Progress>(() => loadProgress());
  const [opened, setOpened] = useState<Lesson[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  // A lesson link opens the lesson at its step, when the panel opens and when pasted.
  useEffect(() => {
    const follow = () => {
      const link = readLessonLink(location.hash);
      if (link === null) {
        if (isLessonLink(location.hash)) setProblem(t('unknownLesson', { id: location.hash.slice(8, 48) }));
        return;
      }
      const lesson = findLesson(link.id);
      if (lesson === undefined) {
        setProblem(t('unknownLesson', { id: link.id }));
        return;
      }
      setPlaying({ lesson, step: Math.min(link.step, lesson.steps.length - 1) });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The address and the stored progress follow the step.
  useEffect(() => {
    if (playing === null) return;
    writeHash(lessonFragment(playing.lesson.id, playing.step));
    setProgress((p) => {
      const next = { ...p, [playing.lesson.id]: { step: playing.step, done: p[playing.lesson.id]?.done ?? false } };
      saveProgress(next);
      return next;
    });
  }, [playing]);

  const finish = () => {
    if (playing === null) return;
    const next = { ...progress, [playing.lesson.id]: { step: playing.step, done: true } };
    saveProgress(next);
    setProgress(next);
    setPlaying(null);
    leave();
  };
  const openFile = async (file: File) => {
    try {
      const lesson = parseLessonFile(await file.text());
      setOpened((all) => [...all.filter((l) => l.id !== lesson.id), lesson]);
      setProblem(null);
      setPlaying({ lesson, step: 0 });
    } catch (e) {
      setProblem(t('refused', { problem: e instanceof ConfigError ? refusal(e.message) : 'unreadable' }));
    }
  };

  const lessons = [...LESSONS, ...opened];
  return (
    <>
      {problem !== null && (
        <p className="lesson-error" role="alert" data-testid="lesson-problem">
          {problem}
        </p>
      )}
      {playing !== null ? (
        <LessonPlayer lesson={playing.lesson} step={playing.step} onStep={(step) => setPlaying({ lesson: playing.lesson, step })} onFinish={finish} />
      ) : (
        <div className="lesson-list">
          <h2 className="lesson-list-title">{t('title')}</h2>
          <ol>
            {lessons.map((lesson) => {
              const p = progress[lesson.id];
              return (
                <li key={lesson.id}>
                  <button type="button" data-testid={`lesson-${lesson.id}`} onClick={() => setPlaying({ lesson, step: p !== undefined && !p.done ? Math.min(p.step, lesson.steps.length - 1) : 0 })}>
                    {lesson.title[language]}
                  </button>{' '}
                  <span className="muted lesson-state">{p === undefined ? t('notStarted') : p.done ? t('done') : t('progress', { step: p.step + 1, count: lesson.steps.length })}</span>
                </li>
              );
            })}
          </ol>
          <div className="lesson-list-actions">
            <label className="lesson-file">
              {t('openFile')}
              <input type="file" accept=".json,application/json" data-testid="lesson-file" onChange={(e) => e.target.files?.[0] && void openFile(e.target.files[0])} />
            </label>
            <button
              type="button"
              data-testid="lesson-reset"
              onClick={() => {
                saveProgress({});
                setProgress({});
              }}
            >
              {t('reset')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
