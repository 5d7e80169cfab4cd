/**
 * The screen's notation: rows (x·W, the lab's own layout) or columns (W·x, most textbooks').
 * Formulas, indices, heatmap layouts and shape labels follow it; the numbers never change.
 */
import { defineMessages } from '../../i18n/i18n.ts';
import { CONVENTIONS, type Convention } from '../../store/ui.ts';
import { useUi } from '../lab-context.tsx';

const useMessages = defineMessages({
  en: {
    label: 'Notation',
    hint: 'Rows: a sample is a row, z = a·W + b, W is n_in × n_out. Columns (most textbooks): a sample is a column, z = W·a + b, W is n_out × n_in. The numbers are the same.',
    rows: 'rows (x·W)',
    columns: 'columns (W·x)',
  },
  zh: {
    label: '记法',
    hint: '行向量：每个样本是一行，z = a·W + b，W 为 n_in × n_out。列向量（多数教材）：每个样本是一列，z = W·a + b，W 为 n_out × n_in。数值完全相同。',
    rows: '行向量（x·W）',
    columns: '列向量（W·x）',
  },
});

export function ConventionSwitch() {
  const t = useMessages();
  const convention = useUi((s) => s.convention);
  const setConvention = useUi((s) => s.setConvention);
  return (
    <label className="field convention-switch" title={t('hint')}>
      <span className="field-label">{t('label')}</span>
      <select value={convention} onChange={(e) => setConvention(e.target.value as Convention)}>
        {CONVENTIONS.map((c) => (
          <option key={c} value={c}>
            {t(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
