/**
 * The banner on the main screen while any bug-lab mistake is on: which ones, by number and
 * name, and a button that turns them all off. Switches stay on across experiments (a teacher's
 * prepared link or a comparison of presets under the same mistake keeps them), so the screen
 * must say so wherever the user is.
 */
import { BUGS } from '../../core/bugs.ts';
import { useConfig } from '../lab-context.tsx';
import { useBugMessages } from './messages.ts';
import './buglab.css';

export function BugBanner() {
  const t = useBugMessages();
  const bugs = useConfig((s) => s.bugs);
  const setBugs = useConfig((s) => s.setBugs);
  if (bugs.length === 0) return null;
  const on = BUGS.filter((b) => bugs.includes(b));
  const numbers = on.map((b) => BUGS.indexOf(b) + 1);
  const names = on.map((b) => t(b));
  const text = on.length === 1 ? t('bannerOne', { n: numbers[0]!, name: names[0]! }) : t('bannerMany', { list: numbers.join(', '), names: names.join('; ') });
  return (
    <div role="status" className="bug-banner" data-testid="bug-banner" title={text}>
      <span>
        <strong>{text}</strong> {t('bannerNote')}
      </span>
      <button type="button" onClick={() => setBugs([])}>
        {t('bannerOff')}
      </button>
    </div>
  );
}
