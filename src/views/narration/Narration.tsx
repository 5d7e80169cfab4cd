/**
 * The phase sentence: one line (wrapping to at most three) in a box of fixed height, so that its
 * changing length never moves what is below it. `told` is the phase's narration (sentence.ts),
 * or null between steps.
 */
import { readableIndices } from '../shared/indices.tsx';
import { useNarrationMessages } from './messages.ts';
import type { Narration as Told } from './sentence.ts';
import './narration.css';

export function Narration({ told, running }: { told: Told | null; running: boolean }) {
  const t = useNarrationMessages();
  const text = told !== null ? t(told.key, told.params) : t(running ? 'free' : 'idle');
  return (
    <p className="narration" data-testid="narration" aria-live="polite" title={text}>
      {readableIndices(text)}
    </p>
  );
}
