/**
 * The numbers of one weight layer l as heatmaps: z, a and δ (batch × units, one row per
 * sample), ∂L/∂W and ΔW (fan-in × fan-out) from the latest trace, and the current W from the
 * snapshot. W[i][j] goes from unit i of layer l − 1 to unit j of layer l.
 */
import { useId } from 'react';
import type { Matrix } from '../../core/tensor.ts';
import { useRun, useUi, useLiveRun } from '../lab-context.tsx';
import { Heatmap } from './Heatmap.tsx';
import { useHeatmapMessages } from './messages.ts';
import { fitCell } from '../shared/paint.ts';

/** The box each map's cells are fitted into, in CSS pixels (larger maps scroll). */
const BOX_WIDTH = 200;
const BOX_HEIGHT = 240;

type Translate = ReturnType<typeof useHeatmapMessages>;

interface MapSpec {
  readonly key: 'z' | 'a' | 'delta' | 'dW' | 'updateW' | 'W';
  readonly symbol: string;
  readonly matrix: Matrix | undefined;
  /** Why the matrix is missing: the phase that computes it. */
  readonly waiting: string;
}

export function LayerHeatmaps() {
  const m = useHeatmapMessages();
  const pickerId = useId();
  const network = useRun((s) => s.info?.network ?? null);
  const trace = useLiveRun((s) => s.trace);
  const params = useLiveRun((s) => s.snapshot?.params ?? null);
  const chosen = useUi((s) => s.layer);
  const setLayer = useUi((s) => s.setLayer);
  const select = useUi((s) => s.select);

  const units = network?.layers.map((layer) => layer.units) ?? null;
  const L = units !== null ? units.length - 1 : (params?.length ?? 0);
  if (L < 1) return <section className="layer-heatmaps"><p className="heatmap-placeholder">{m('layers.none')}</p></section>;
  const l = Math.max(1, Math.min(L, chosen));
  const layer = trace?.layers[l - 1];
  const maps: MapSpec[] = [
    { key: 'z', symbol: 'z', matrix: layer?.z, waiting: m('wait.forward', { l }) },
    { key: 'a', symbol: 'a', matrix: layer?.a, waiting: m('wait.forward', { l }) },
    { key: 'delta', symbol: 'δ', matrix: layer?.delta, waiting: m('wait.backward', { l }) },
    { key: 'dW', symbol: '∂L/∂W', matrix: layer?.dW, waiting: m('wait.backward', { l }) },
    { key: 'updateW', symbol: 'ΔW', matrix: layer?.updateW, waiting: m('wait.update') },
    { key: 'W', symbol: 'W', matrix: params?.[l - 1]?.W, waiting: m('wait.weights') },
  ];

  return (
    <section className="layer-heatmaps" aria-label={m('layers.title')}>
      <div className="layer-picker">
        <label htmlFor={pickerId}>{m('layers.picker')}</label>
        <select id={pickerId} value={l} onChange={(e) => setLayer(Number(e.target.value))}>
          {Array.from({ length: L }, (_, k) => k + 1).map((k) => (
            <option key={k} value={k}>
              {units !== null ? m('layers.option', { l: k, from: units[k - 1]!, to: units[k]! }) : k}
            </option>
          ))}
        </select>
      </div>
      <div className="heatmap-row">
        {maps.map((spec) => (
          <LayerMap key={spec.key} spec={spec} m={m} onSelect={(row, col) => select(selectionOf(spec.key, l, row, col))} />
        ))}
      </div>
    </section>
  );
}

/** A cell of a weight map selects weight W[i][j]; a cell of a batch map selects unit j. */
function selectionOf(key: MapSpec['key'], layer: number, row: number, col: number) {
  const weightMap = key === 'dW' || key === 'updateW' || key === 'W';
  return weightMap ? { kind: 'weight' as const, layer, i: row, j: col } : { kind: 'unit' as const, layer, unit: col };
}

function LayerMap({ spec, m, onSelect }: { spec: MapSpec; m: Translate; onSelect: (row: number, col: number) => void }) {
  const title = m(`map.${spec.key}`);
  if (spec.matrix === undefined) {
    return (
      <figure className="heatmap heatmap-missing" data-map={spec.key}>
        <figcaption>{title}</figcaption>
        <p className="heatmap-placeholder">{spec.waiting}</p>
      </figure>
    );
  }
  const batch = spec.key === 'z' || spec.key === 'a' || spec.key === 'delta';
  const { rows, cols } = spec.matrix;
  return (
    <div className="layer-map" data-map={spec.key}>
      <Heatmap
        matrix={spec.matrix}
        title={title}
        symbol={spec.symbol}
        rowName={m(batch ? 'name.sample' : 'name.from')}
        colName={m(batch ? 'name.unit' : 'name.to')}
        cellWidth={fitCell(cols, BOX_WIDTH)}
        cellHeight={fitCell(rows, BOX_HEIGHT)}
        onSelect={onSelect}
      />
    </div>
  );
}
