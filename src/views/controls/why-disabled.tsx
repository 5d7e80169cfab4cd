/**
 * A disabled control says why: a short note beside it, on screen, which the control names as
 * its description (aria-describedby), so that a screen reader reads the reason with it.
 */
import { useId, type ReactNode } from 'react';
import { defineMessages } from '../../i18n/i18n.ts';

/** Reasons more than one control gives. */
export const useWhyMessages = defineMessages({
  en: { loading: 'waiting for the experiment to load' },
  zh: { loading: '正在等待实验载入' },
});

/** The note for `why` (none when the control is enabled), and the id the control points to. */
export function useWhyDisabled(why: string | null): { describedBy: string | undefined; note: ReactNode } {
  const id = useId();
  if (why === null) return { describedBy: undefined, note: null };
  return {
    describedBy: id,
    note: (
      <span id={id} className="why-disabled">
        {why}
      </span>
    ),
  };
}
