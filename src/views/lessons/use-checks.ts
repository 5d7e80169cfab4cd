import { useMemo } from 'react';
import type { Checks } from '../../lessons/placeholders.ts';
import { useLiveRun } from '../lab-context.tsx';

/** The gradient and update checks' latest reports, for the check placeholders of lesson texts. */
export function useLiveChecks(): Checks {
  const gradcheck = useLiveRun((s) => s.gradcheck);
  const updateCheck = useLiveRun((s) => s.updateCheck);
  return useMemo(() => ({ gradcheck, updateCheck }), [gradcheck, updateCheck]);
}
