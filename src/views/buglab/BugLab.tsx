/**
 * The bug lab: a switch per classic backpropagation mistake, each saying what it does to
 * training and what a gradient check will and will not show. Switching restarts the run from
 * its seed with a bug-free twin beside it (drawn on the loss chart).
 */
import { BUGS, SAME_EFFECT, type BugName } from '../../core/bugs.ts';
import { useConfig } from '../lab-context.tsx';
import { useBugMessages } from './messages.ts';

export function BugLab() {
  const t = useBugMessages();
  const bugs = useConfig((s) => s.bugs);
  const setBugs = useConfig((s) => s.setBugs);
  const toggle = (bug: BugName, on: boolean) => setBugs(on ? [...bugs, bug] : bugs.filter((b) => b !== bug));
  return (
    <section className="bug-lab" aria-labelledby="bug-lab-title">
      <h3 id="bug-lab-title">{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      <ul>
        {BUGS.map((bug, i) => {
          const same = SAME_EFFECT[bug];
          return (
            <li key={bug} data-bug={bug}>
              <label>
                <input type="checkbox" role="switch" checked={bugs.includes(bug)} onChange={(e) => toggle(bug, e.target.checked)} />
                <span>
                  {i + 1}. {t(bug)}
                </span>
              </label>
              <p className="muted">
                {t(`${bug}.effect`)}
                {same !== undefined && <> {t('sameAs', { n: BUGS.indexOf(same) + 1 })}</>}
              </p>
              <p className="muted bug-check">{t(`${bug}.check`)}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
