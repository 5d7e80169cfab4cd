/**
 * The phase sentence: one line (wrapping to at most three) in a box of fixed height, so that its
 * changing length never moves what is below it.
 */
import type { Phase } from '../../core/phases.ts';
import type { NetworkSpec } from '../../core/spec.ts';
import type { Trace } from '../../core/trace.ts';
import type { Selection } from '../../store/ui.ts';
import { useUi } from '../lab-context.tsx';
import { useNarrationMessages } from './messages.ts';
import { narrate } from './sentence.ts';
import './narration.css';

export function Narration({ phase, trace, spec, sample, selection, running }: { phase: Phase | null; trace: Trace | null; spec: NetworkSpec; sample: number; selection: Selection; running: boolean }) {
  const t = useNarrationMessages();
  const convention = useUi((s) => s.convention);
  const told = phase === null || trace === null ? null : narrate(phase, trace, spec, sample, selection, convention);
  const text = told !== null ? t(told.key, told.params) : t(running ? 'free' : 'idle');
  return (
    <p className="narration" data-testid="narration" aria-live="polite" title={text}>
      {text}
    </p>
  );
}
