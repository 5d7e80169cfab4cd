/**
 * "Parameters changed by this step", beside the gradient check: per tensor, how many entries one
 * step on the checked batch moved. A tensor with a nonzero gradient that did not move was not
 * updated — the mistake a gradient check cannot see (the bug lab's forgotten b¹ update).
 */
import type { UpdateCheckReport } from '../../core/update-check.ts';
import { groupDigits, short, tensorLabel } from './checks.ts';
import type { GradCheckMessages } from './messages.ts';

const label = (name: string) => tensorLabel({ kind: name[0] as 'W' | 'b', layer: Number(name.slice(1)) });

export function UpdateCheckTable({ report, m }: { report: UpdateCheckReport; m: GradCheckMessages }) {
  const stuck = report.tensors.filter((t) => t.notUpdated).map((t) => label(t.name));
  const summary = !report.applied ? m('uc.refused') : stuck.length === 0 ? m('uc.summary.ok') : m('uc.summary.stuck', { names: stuck.join(', ') });
  return (
    <section className="update-check" aria-label={m('uc.title')}>
      <h4>{m('uc.title')}</h4>
      <p className="gradcheck-method">{m('uc.why')}</p>
      <p role="status" className={`gradcheck-summary ${report.applied && stuck.length === 0 ? 'pass' : 'fail'}`}>
        {summary}
      </p>
      <table className="gradcheck-table">
        <thead>
          <tr>
            <th scope="col">{m('gc.col.tensor')}</th>
            <th scope="col">{m('uc.col.changed')}</th>
            <th scope="col">{m('uc.col.maxChange')}</th>
            <th scope="col">{m('gc.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {report.tensors.map((t) => (
            <tr key={t.name} data-update-tensor={t.name}>
              <th scope="row">{label(t.name)}</th>
              <td>{m('uc.changed', { changed: groupDigits(t.changed), size: groupDigits(t.size), nonzero: groupDigits(t.gradNonzero) })}</td>
              <td className="number">{short(t.maxAbsChange)}</td>
              <td className={t.notUpdated ? 'result fail' : 'result pass'}>
                <span aria-hidden="true">{t.notUpdated ? '✗ ' : '✓ '}</span>
                {m(t.notUpdated ? 'uc.stuck' : 'uc.moved')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
