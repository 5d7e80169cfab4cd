/**
 * The input samples of the current batch (the rows of trace.x). Square images (MNIST's 784
 * inputs) are drawn as small grayscale canvases with "label → prediction ✓/✗"; other inputs
 * (the 2-D sets) as a table of x₁, x₂, label and prediction. At most `max` are shown. Clicking
 * a sample makes it the sample the other views focus on (ui.sample).
 */
import { useCallback, useRef } from 'react';
import type { Matrix } from '../../core/tensor.ts';
import type { Trace } from '../../core/trace.ts';
import { formatValue } from '../shared/diverging.ts';
import { useRun, useUi, useLiveRun, useFocusSample } from '../lab-context.tsx';
import { paintPixels } from '../shared/pixels.ts';
import { useFrameWork } from '../shared/use-frame.ts';
import { useSampleMessages } from './messages.ts';
import { imageSide } from '../../data/image.ts';
import { digitPixels, outcome, row, targetKind, type Outcome, type TargetKind } from './samples.ts';

export interface BatchSamplesProps {
  /** Samples shown; the rest are counted ("+N more"). */
  readonly max?: number;
  /** CSS pixels per image pixel. */
  readonly scale?: number;
}

/** Input columns the table shows; wider inputs end in "…". */
const TABLE_COLUMNS = 4;
const CELL = { padding: '0 6px', textAlign: 'right' } as const;
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (k: number) => String(k).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);

type Messages = ReturnType<typeof useSampleMessages>;

export function BatchSamples({ max = 20, scale = 2 }: BatchSamplesProps) {
  const m = useSampleMessages();
  const trace = useLiveRun((s) => s.trace);
  const spec = useRun((s) => s.info?.network);
  const dataKind = useRun((s) => s.info?.points?.kind);
  const sample = useFocusSample();
  const setSample = useUi((s) => s.setSample);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);

  const side = trace !== null ? imageSide(trace.x.cols) : null;
  const paint = useCallback(
    (x: Matrix | undefined) => {
      if (x === undefined || side === null) return;
      for (let i = 0; i < Math.min(x.rows, max); i++) paintPixels(canvases.current[i] ?? null, digitPixels(row(x, i)), side, side);
    },
    [side, max],
  );
  useFrameWork(trace?.x, paint);

  const kind: TargetKind = spec !== undefined ? targetKind(spec, dataKind) : 'classification';
  const count = trace?.x.rows ?? 0;
  const shown = Math.min(count, max);
  return (
    <section className="batch-samples" aria-label={m('title')}>
      <h3 style={{ fontSize: '1rem', margin: '4px 0' }}>{m('title')}</h3>
      {trace === null ? (
        <p role="status">{m('noBatch')}</p>
      ) : (
        <>
          <p style={{ margin: '2px 0', fontSize: 12 }}>{m('summary', { m: count })}</p>
          {side !== null ? (
            <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 6, listStyle: 'none', padding: 0, margin: 0 }}>
              {Array.from({ length: shown }, (_, i) => {
                const o = outcome(trace.t, trace.y, i, kind);
                return (
                  <li key={i}>
                    <button
                      type="button"
                      aria-pressed={i === sample}
                      aria-label={sampleLabel(m, i, o, kind)}
                      data-correct={o.correct === null ? undefined : String(o.correct)}
                      onClick={() => setSample(i)}
                      style={{ padding: 2, font: 'inherit', background: 'none', cursor: 'pointer', border: i === sample ? '2px solid #f59e0b' : '2px solid transparent' }}
                    >
                      <canvas
                        ref={(el) => {
                          canvases.current[i] = el;
                        }}
                        width={side}
                        height={side}
                        style={{ width: side * scale, height: side * scale, display: 'block', imageRendering: 'pixelated' }}
                      />
                      <span style={{ fontSize: 12, color: o.correct === false ? '#b42318' : undefined }}>{outcomeText(o, kind)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : (
            <PointTable trace={trace} kind={kind} shown={shown} sample={sample} setSample={setSample} m={m} />
          )}
          {count > shown && <p style={{ margin: '2px 0', fontSize: 12 }}>{m('more', { n: count - shown })}</p>}
        </>
      )}
    </section>
  );
}

function show(v: number, kind: TargetKind): string {
  return kind === 'regression' ? formatValue(v) : String(v);
}

/** "7 → 7 ✓", "7 → 1 ✗", "7 → ?" before y exists; values for regression. */
export function outcomeText(o: Outcome, kind: TargetKind): string {
  const mark = o.correct === null ? '' : o.correct ? ' ✓' : ' ✗';
  return `${show(o.label, kind)} → ${o.prediction === null ? '?' : show(o.prediction, kind)}${mark}`;
}

function sampleLabel(m: Messages, i: number, o: Outcome, kind: TargetKind): string {
  const verdict = o.correct === null ? '' : m(o.correct ? 'right' : 'wrong');
  return m('sample', { i: i + 1, label: show(o.label, kind), prediction: o.prediction === null ? m('notPredicted') : show(o.prediction, kind), verdict });
}

function PointTable({ trace, kind, shown, sample, setSample, m }: { trace: Trace; kind: TargetKind; shown: number; sample: number; setSample: (i: number) => void; m: Messages }) {
  const d = trace.x.cols;
  const columns = Math.min(d, TABLE_COLUMNS);
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
      <thead>
        <tr>
          <th scope="col">{m('index')}</th>
          {Array.from({ length: columns }, (_, k) => (
            <th key={k} scope="col" style={CELL}>{m('input', { k: subscript(k + 1) })}</th>
          ))}
          {d > columns && <th scope="col">…</th>}
          <th scope="col" style={CELL}>{m('label')}</th>
          <th scope="col" style={CELL}>{m('prediction')}</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: shown }, (_, i) => {
          const o = outcome(trace.t, trace.y, i, kind);
          const x = row(trace.x, i);
          return (
            <tr key={i} aria-selected={i === sample} data-correct={o.correct === null ? undefined : String(o.correct)} style={{ background: i === sample ? 'rgba(245,158,11,0.25)' : undefined }}>
              <td>
                <button type="button" aria-label={sampleLabel(m, i, o, kind)} onClick={() => setSample(i)} style={{ padding: '0 6px' }}>
                  {i + 1}
                </button>
              </td>
              {Array.from({ length: columns }, (_, k) => (
                <td key={k} style={CELL}>{formatValue(x[k]!)}</td>
              ))}
              {d > columns && <td>…</td>}
              <td style={CELL}>{show(o.label, kind)}</td>
              <td style={{ ...CELL, color: o.correct === false ? '#b42318' : undefined }}>
                {o.prediction === null ? '?' : show(o.prediction, kind)}
                {o.correct === null ? '' : o.correct ? ' ✓' : ' ✗'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
