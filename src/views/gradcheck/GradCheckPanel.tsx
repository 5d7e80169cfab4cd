/**
 * The gradient check: a button that asks the engine to compare backpropagation's ∂L/∂θ with
 * a numerical derivative on the current batch, a progress bar while it runs, then a table
 * with one row per parameter tensor (W¹, b¹, …) passing or failing against a threshold τ on
 * the relative error, the method, and for the row clicked, the map of its relative errors.
 */
import { useEffect, useId, useState } from 'react';
import type { GradCheckReport } from '../../core/gradcheck.ts';
import { usePlayback, useRun } from '../lab-context.tsx';
import { useWhyDisabled, useWhyMessages } from '../controls/why-disabled.tsx';
import { DEFAULT_THRESHOLD, passes, short } from './checks.ts';
import { GradCheckTable } from './GradCheckTable.tsx';
import { useGradCheckMessages, type GradCheckMessages } from './messages.ts';
import { RelativeErrorMap } from './RelativeErrorMap.tsx';
import { UpdateCheckTable } from './UpdateCheckTable.tsx';
import './gradcheck.css';

export function GradCheckPanel() {
  const m = useGradCheckMessages();
  const report = useRun((s) => s.gradcheck);
  const updates = useRun((s) => s.updateCheck);
  const progress = useRun((s) => s.gradcheckProgress);
  const ready = useRun((s) => s.info !== null);
  const gradientCheck = usePlayback((s) => s.gradientCheck);
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [selected, setSelected] = useState<string | null>(null);
  const tensor = report?.tensors.find((t) => t.name === selected) ?? null;
  const why = useWhyMessages();
  const runWhy = useWhyDisabled(ready ? null : why('loading'));

  return (
    <section className="gradcheck" aria-label={m('gc.title')}>
      <div className="gradcheck-toolbar">
        <button type="button" onClick={() => gradientCheck()} disabled={!ready} aria-describedby={runWhy.describedBy}>
          {m('gc.run')}
        </button>
        {runWhy.note}
        <ThresholdField value={threshold} onCommit={setThreshold} m={m} />
      </div>
      {progress !== null && (
        <div className="gradcheck-progress">
          <progress value={progress.done} max={progress.total} aria-label={m('gc.progress', progress)} />{' '}
          <span>{m('gc.progress', progress)}</span>
        </div>
      )}
      {report === null ? (
        <p className="gradcheck-empty">{m('gc.empty')}</p>
      ) : (
        <>
          <Summary report={report} threshold={threshold} m={m} />
          <GradCheckTable report={report} threshold={threshold} selected={tensor?.name ?? null} onSelect={setSelected} m={m} />
          <p className="gradcheck-method">
            {m('gc.method', { h: short(report.h), floor: short(report.relativeFloor) })}
            {report.sampled && <span className="gradcheck-sampled">{m('gc.sampledNote')}</span>}
            {report.kinkCount > 0 && (
              <span className="gradcheck-sampled" data-testid="kink-note">
                {m('gc.kinkNote', { n: report.kinkCount })}
              </span>
            )}
          </p>
          {tensor === null ? (
            <p className="gradcheck-hint">{m('gc.pick')}</p>
          ) : (
            <RelativeErrorMap key={tensor.name} report={report} tensor={tensor} threshold={threshold} m={m} />
          )}
          {updates !== null && <UpdateCheckTable report={updates} m={m} />}
        </>
      )}
    </section>
  );
}

function Summary({ report, threshold, m }: { report: GradCheckReport; threshold: number; m: GradCheckMessages }) {
  const n = report.tensors.length;
  const failed = report.tensors.filter((t) => !passes(t, threshold)).length;
  const text =
    failed === 0
      ? m('gc.summary.pass', { n, max: short(report.maxRelError), threshold: short(threshold) })
      : m('gc.summary.fail', { failed, n, threshold: short(threshold) });
  return (
    <p role="status" className={`gradcheck-summary ${failed === 0 ? 'pass' : 'fail'}`}>
      {text}
    </p>
  );
}

/** τ: a positive number, committed on Enter or when the field loses focus; anything else is refused. */
function ThresholdField({ value, onCommit, m }: { value: number; onCommit: (v: number) => void; m: GradCheckMessages }) {
  const id = useId();
  const [text, setText] = useState(short(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(short(value)), [value]);
  const commit = () => {
    const v = Number(text);
    const ok = text.trim() !== '' && Number.isFinite(v) && v > 0;
    setInvalid(!ok);
    if (ok && v !== value) onCommit(v);
  };
  return (
    <span className="gradcheck-threshold">
      <label htmlFor={id}>{m('gc.threshold')}</label>{' '}
      <input
        id={id}
        type="text"
        inputMode="decimal"
        size={7}
        value={text}
        aria-invalid={invalid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {invalid && (
        <span role="alert" className="field-error">
          {m('gc.thresholdInvalid')}
        </span>
      )}
    </span>
  );
}
