/**
 * The current preset's provenance, next to the preset picker: its readable title, and on
 * opening, the source it reproduces (book and chapter), the figure that source publishes, and
 * what this lab changed and why. An experiment that is not a preset (a CSV file, a loaded
 * link) says so. The title is in the first load; the story loads after it.
 */
import { useI18n } from '../../i18n/i18n.ts';
import { PRESET_TITLES } from '../../presets/titles.ts';
import { useConfig } from '../lab-context.tsx';
import { lazyView } from '../shared/lazy-view.tsx';
import { useProvenanceMessages } from './messages.ts';
import './provenance.css';

const story = lazyView(() => import('./ProvenanceStory.tsx').then((m) => m.ProvenanceStory));

export function Provenance() {
  const t = useProvenanceMessages();
  const { language } = useI18n();
  const name = useConfig((s) => s.experiment.name);
  const title = PRESET_TITLES[name];
  return (
    <details className="provenance" data-testid="provenance">
      <summary title={t('open')}>
        <span aria-hidden="true">ⓘ </span>
        <span className="provenance-title">{title === undefined ? name : title[language]}</span>
      </summary>
      <div className="provenance-body" role="note" aria-label={t('open')}>
        {title === undefined ? (
          <p>{t('own', { name })}</p>
        ) : (
          <story.View name={name} fallback={<p>…</p>} />
        )}
      </div>
    </details>
  );
}
