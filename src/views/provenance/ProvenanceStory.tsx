/** A preset's story inside the provenance note: its source, the figure that source publishes, and what the lab changed. */
import { useI18n } from '../../i18n/i18n.ts';
import { PROVENANCE } from '../../presets/provenance.ts';
import { useProvenanceMessages } from './messages.ts';

export function ProvenanceStory({ name }: { name: string }) {
  const t = useProvenanceMessages();
  const { language } = useI18n();
  const p = PROVENANCE[name];
  if (p === undefined) return null;
  return (
    <dl>
      <dt>{t('source')}</dt>
      <dd>{p.source[language]}</dd>
      <dt>{t('figure')}</dt>
      <dd>{p.figure === undefined ? t('noFigure') : p.figure[language]}</dd>
      <dt>{t('changes')}</dt>
      <dd>{p.changes[language]}</dd>
    </dl>
  );
}
