/** One row per parameter tensor of a gradient check: entries checked, errors, and pass or fail against τ. */
import type { GradCheckReport } from '../../core/gradcheck.ts';
import { groupDigits, passes, short, tensorLabel } from './checks.ts';
import type { GradCheckMessages } from './messages.ts';

interface Props {
  readonly report: GradCheckReport;
  readonly threshold: number;
  readonly selected: string | null;
  readonly onSelect: (name: string) => void;
  readonly m: GradCheckMessages;
}

export function GradCheckTable({ report, threshold, selected, onSelect, m }: Props) {
  return (
    <table className="gradcheck-table">
      <thead>
        <tr>
          <th scope="col">{m('gc.col.tensor')}</th>
          <th scope="col">{m('gc.col.checked')}</th>
          <th scope="col">{m('gc.col.maxAbs')}</th>
          <th scope="col">{m('gc.col.maxRel')}</th>
          <th scope="col">{m('gc.col.meanAbs')}</th>
          <th scope="col">{m('gc.col.result')}</th>
        </tr>
      </thead>
      <tbody>
        {report.tensors.map((t) => {
          const name = tensorLabel(t);
          const pass = passes(t, threshold);
          const k = t.indices.length;
          const isSelected = t.name === selected;
          return (
            <tr key={t.name} data-tensor={t.name} className={isSelected ? 'selected' : undefined} onClick={() => onSelect(t.name)}>
              <th scope="row">
                <button type="button" className="gradcheck-name" aria-pressed={isSelected} aria-label={m('gc.select', { name })}>
                  {name}
                </button>
              </th>
              <td>{k === t.size ? m('gc.checked.all', { size: groupDigits(t.size) }) : m('gc.checked.sampled', { k: groupDigits(k), size: groupDigits(t.size) })}</td>
              <td className="number">{short(t.maxAbsError)}</td>
              <td className="number">{short(t.maxRelError)}</td>
              <td className="number">{short(t.meanAbsDiff)}</td>
              <td className={pass ? 'result pass' : 'result fail'}>
                <span aria-hidden="true">{pass ? '✓ ' : '✗ '}</span>
                {m(pass ? 'gc.pass' : 'gc.fail')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
