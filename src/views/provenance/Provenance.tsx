/**
 * The current preset's provenance, next to the preset picker: its readable title, and on
 * opening, the source it reproduces (book and chapter), the figure that source publishes, and
 * what this lab changed and why. An experiment that is not a preset (a CSV file, a loaded
 * link) says so.
 */
import { defineMessages, useI18n } from '../../i18n/i18n.ts';
import { PROVENANCE } from '../../presets/provenance.ts';
import { useConfig } from '../lab-context.tsx';
import './provenance.css';

const useMessages = defineMessages({
  en: {
    open: 'Where this preset comes from',
    source: 'Source',
    figure: 'Published figure',
    noFigure: 'none published',
    changes: 'What the lab changed, and why',
    own: 'Your own experiment ({name}): no published source.',
  },
  zh: {
    open: '这个实验的出处',
    source: '出处',
    figure: '原文给出的结果',
    noFigure: '原文没有给出',
    changes: '实验室做了哪些改动，为什么',
    own: '你自己的实验（{name}）：没有已发表的出处。',
  },
});

export function Provenance() {
  const t = useMessages();
  const { language } = useI18n();
  const name = useConfig((s) => s.experiment.name);
  const p = PROVENANCE[name];
  const title = p === undefined ? name : p.title[language];
  return (
    <details className="provenance" data-testid="provenance">
      <summary title={t('open')}>
        <span aria-hidden="true">ⓘ </span>
        <span className="provenance-title">{title}</span>
      </summary>
      <div className="provenance-body" role="note" aria-label={t('open')}>
        {p === undefined ? (
          <p>{t('own', { name })}</p>
        ) : (
          <dl>
            <dt>{t('source')}</dt>
            <dd>{p.source[language]}</dd>
            <dt>{t('figure')}</dt>
            <dd>{p.figure === undefined ? t('noFigure') : p.figure[language]}</dd>
            <dt>{t('changes')}</dt>
            <dd>{p.changes[language]}</dd>
          </dl>
        )}
      </div>
    </details>
  );
}
