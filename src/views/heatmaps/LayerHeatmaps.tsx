/**
 * The numbers of one weight layer l as heatmaps: z, a and δ, ∂L/∂W and ΔW from the latest
 * trace, and the current W from the snapshot, laid out in the screen's convention: in rows
 * the batch maps are batch × units (one row per sample) and the weight maps n_in × n_out
 * (W[i][j] from unit i of layer l − 1 to unit j of layer l); in columns each is transposed.
 */
import { useId, useMemo } from 'react';
import type { Matrix } from '../../core/tensor.ts';
import type { Convention } from '../../store/ui.ts';
import { laidOut, ordered } from '../shared/convention.ts';
import { useRun, useUi, useLiveRun } from '../lab-context.tsx';
import { Heatmap } from './Heatmap.tsx';
import { useHeatmapMessages } from './messages.ts';
import { fitCell } from '../shared/paint.ts';
import { unbrokenFractions } from '../shared/indices.tsx';

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
  const convention = useUi((s) => s.convention);

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
        <span className="layer-layout" data-convention={convention}>{m(`layout.${convention}`)}</span>
      </div>
      <div className="heatmap-row">
        {maps.map((spec) => (
          <LayerMap key={spec.key} spec={spec} convention={convention} m={m} onSelect={(row, col) => select(selectionOf(spec.key, l, ...ordered(convention, row, col)))} />
        ))}
      </div>
    </section>
  );
}

const isBatchMap = (key: MapSpec['key']) => key === 'z' || key === 'a' || key === 'delta';

/** The core's entry [r][c] of a weight map selects weight W[r][c]; of a batch map, unit c. */
function selectionOf(key: MapSpec['key'], layer: number, r: number, c: number) {
  return isBatchMap(key) ? { kind: 'unit' as const, layer, unit: c } : { kind: 'weight' as const, layer, i: r, j: c };
}

function LayerMap({ spec, convention, m, onSelect }: { spec: MapSpec; convention: Convention; m: Translate; onSelect: (row: number, col: number) => void }) {
  const title = m(`map.${spec.key}`);
  const matrix = useMemo(() => (spec.matrix === undefined ? undefined : laidOut(convention, spec.matrix)), [convention, spec.matrix]);
  if (matrix === undefined) {
    return (
      <figure className="heatmap heatmap-missing" data-map={spec.key}>
        <figcaption>{unbrokenFractions(title)}</figcaption>
        <p className="heatmap-placeholder">{spec.waiting}</p>
      </figure>
    );
  }
  const batch = isBatchMap(spec.key);
  const [rowName, colName] = ordered(convention, m(batch ? 'name.sample' : 'name.from'), m(batch ? 'name.unit' : 'name.to'));
  const { rows, cols } = matrix;
  return (
    <div className="layer-map" data-map={spec.key}>
      <Heatmap
        matrix={matrix}
        title={title}
        symbol={spec.symbol}
        shape={m(`shape.${batch ? 'batch' : 'weights'}.${convention}`)}
        rowName={rowName}
        colName={colName}
        cellWidth={fitCell(cols, BOX_WIDTH)}
        cellHeight={fitCell(rows, BOX_HEIGHT)}
        onSelect={onSelect}
      />
    </div>
  );
}
