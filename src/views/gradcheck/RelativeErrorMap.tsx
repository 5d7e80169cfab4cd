/**
 * One tensor's relative errors as a heatmap of log₁₀(ε/τ): the diverging scale's zero is the
 * threshold τ, so red cells fail and blue cells pass. Selecting a cell reads out its entry. A
 * fully checked tensor is laid out in the screen's convention (columns: W as n_out × n_in).
 */
import { useMemo, useState } from 'react';
import type { GradCheckReport, TensorCheck } from '../../core/gradcheck.ts';
import { Heatmap } from '../heatmaps/Heatmap.tsx';
import { useUi } from '../lab-context.tsx';
import { laidOut, ordered } from '../shared/convention.ts';
import { fitCell, readValue } from '../shared/paint.ts';
import { colorRange } from '../shared/diverging.ts';
import { entryLabel, errorMap, short, tensorLabel, unitsOf } from './checks.ts';
import type { GradCheckMessages } from './messages.ts';

/** CSS pixels the map's cells are fitted into, across and down. */
const BOX = 240;
/** A strip's cells are at least this tall, so one row stays visible and clickable. */
const STRIP_HEIGHT = 16;

interface Props {
  readonly report: GradCheckReport;
  readonly tensor: TensorCheck;
  readonly threshold: number;
  readonly m: GradCheckMessages;
}

export function RelativeErrorMap({ report, tensor, threshold, m }: Props) {
  const unitsOut = unitsOf(report, tensor.layer);
  const convention = useUi((s) => s.convention);
  const map = useMemo(() => errorMap(tensor, unitsOut, threshold), [tensor, unitsOut, threshold]);
  // A strip of sampled entries has no layout of its own; a whole tensor is drawn as the screen writes it.
  const layout = map.full ? convention : 'rows';
  const matrix = useMemo(() => laidOut(layout, map.matrix), [layout, map]);
  const [entry, setEntry] = useState<{ tensor: TensorCheck; q: number } | null>(null);
  const { rows, cols } = matrix;
  const cell = Math.min(fitCell(cols, BOX), fitCell(rows, BOX));
  const name = tensorLabel(tensor);
  const names: readonly [string, string] = !map.full
    ? [m('gc.name.row'), m('gc.name.entry')]
    : tensor.kind === 'W'
      ? [m('gc.name.from'), m('gc.name.to')]
      : [m('gc.name.row'), m('gc.name.unit')];
  const [rowName, colName] = ordered(layout, ...names);
  const title = map.full ? m('gc.map.title', { name }) : m('gc.map.titleSampled', { name, k: cols });
  // At least one decade either side, so that scatter within a decade is not painted as alarm.
  const range = Math.max(1, colorRange(map.matrix.data));
  const q = entry !== null && entry.tensor === tensor ? entry.q : -1;

  return (
    <div className="gradcheck-map">
      <Heatmap
        matrix={matrix}
        title={title}
        symbol={m('gc.map.symbol')}
        rowName={rowName}
        colName={colName}
        cellWidth={cell}
        cellHeight={rows === 1 ? Math.max(cell, STRIP_HEIGHT) : cell}
        max={range}
        onSelect={(row, col) => setEntry({ tensor, q: map.entryAt(...ordered(layout, row, col)) })}
      />
      <div className="gradcheck-map-notes" aria-live="polite">
        <p className="gradcheck-key">{m('gc.map.key', { threshold: short(threshold) })}</p>
        {q >= 0 && (
          <p className="gradcheck-entry">
            {m('gc.entry', {
              entry: entryLabel(tensor, q, unitsOut, convention),
              g: readValue(tensor.analytic[q]!),
              gHat: readValue(tensor.numeric[q]!),
              abs: short(Math.abs(tensor.analytic[q]! - tensor.numeric[q]!)),
              rel: short(tensor.relativeErrors[q]!),
              result: m(tensor.relativeErrors[q]! <= threshold ? 'gc.pass' : 'gc.fail'),
            })}
          </p>
        )}
      </div>
    </div>
  );
}
