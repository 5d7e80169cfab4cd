/**
 * Lesson progress kept in the browser: for each lesson, the step reached and whether it was
 * finished. Read defensively: whatever another version or a user left under the key, a bad
 * entry is ignored, never trusted.
 */
const KEY = 'backprop-lab/lessons@1';

export interface LessonProgress {
  /** Zero-based index of the step the student was on. */
  readonly step: number;
  readonly done: boolean;
}

export type Progress = Readonly<Record<string, LessonProgress>>;

export function loadProgress(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Progress {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const progress: Record<string, LessonProgress> = {};
    for (const [id, p] of Object.entries(raw).slice(0, 100)) {
      const { step, done } = (p ?? {}) as { step?: unknown; done?: unknown };
      if (/^[a-z0-9-]{1,64}$/.test(id) && Number.isInteger(step) && (step as number) >= 0 && (step as number) < 1000 && typeof done === 'boolean') {
        progress[id] = { step: step as number, done };
      }
    }
    return progress;
  } catch {
    return {};
  }
}

export function saveProgress(progress: Progress, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): void {
  try {
    if (Object.keys(progress).length === 0) storage?.removeItem(KEY);
    else storage?.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Storage full or forbidden (private mode): progress lives only in this tab.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
