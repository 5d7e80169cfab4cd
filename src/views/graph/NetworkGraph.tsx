/**
 * The network graph: units as circles, weights as lines, in SVG (React owns the elements;
 * d3 supplies the colour scale). During forward phases a unit's colour is its activation a
 * for the focused sample; from the backward phases on it is its error term δ. A weight's line
 * shows W, then ∂L/∂W once its layer's backward phase has run, then the applied ΔW after the
 * update. The layer the current phase computes is highlighted and its formula written above.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Phase } from '../../core/phases.ts';
import type { Matrix } from '../../core/tensor.ts';
import type { Trace } from '../../core/trace.ts';
import { useConfig, useRun, useUi, useLiveRun } from '../lab-context.tsx';
import { divergingScale, formatValue, colorRange } from '../shared/diverging.ts';
import { Legend } from '../shared/Legend.tsx';
import { sup } from '../shared/notation.ts';
import { phaseFormula, phaseLayer } from './formulas.ts';
import { graphLayout, MAX_VISIBLE_UNITS, type LayerLayout } from './layout.ts';
import { useGraphMessages } from './messages.ts';
import { InputImage } from './InputImage.tsx';
import './graph.css';

type Hover = { kind: 'unit'; layer: number; unit: number } | { kind: 'weight'; layer: number; i: number; j: number } | null;

/** What a unit's colour shows: 'a' (activation) or 'delta' (error term). */
export function nodeQuantity(phase: Phase | null, trace: Trace | null, layer: number): 'a' | 'delta' {
  if (phase === null || trace === null || layer === 0) return 'a';
  const lt = trace.layers[layer - 1];
  return (phase.kind === 'backward' || phase.kind === 'update') && lt?.delta !== undefined ? 'delta' : 'a';
}

/** What a weight's line shows for weight layer l. */
export function edgeQuantity(phase: Phase | null, trace: Trace | null, layer: number): 'W' | 'dW' | 'updateW' {
  const lt = trace?.layers[layer - 1];
  if (phase === null || lt === undefined) return 'W';
  if (phase.kind === 'update' && lt.updateW !== undefined) return 'updateW';
  if ((phase.kind === 'backward' || phase.kind === 'update') && lt.dW !== undefined) return 'dW';
  return 'W';
}

const at = (m: Matrix | undefined, i: number, j: number) => (m === undefined || i >= m.rows ? undefined : m.data[i * m.cols + j]);

export function NetworkGraph({ width, height }: { width: number; height: number }) {
  const t = useGraphMessages();
  const info = useRun((s) => s.info);
  const trace = useLiveRun((s) => s.trace);
  const params = useLiveRun((s) => s.snapshot?.params ?? null);
  const phase = useLiveRun((s) => s.snapshot?.phase ?? null);
  const hyper = useConfig((s) => s.experiment.hyper);
  const sample = useUi((s) => s.sample);
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const [offsets, setOffsets] = useState<number[]>([]);
  const [hover, setHover] = useState<Hover>(null);
  const spec = info?.network ?? null;
  useEffect(() => setOffsets([]), [spec]);

  const units = spec?.layers.map((l) => l.units) ?? [];
  const layout = useMemo(() => graphLayout(units, offsets, width, height), [units.join(','), offsets, width, height]);
  if (spec === null) return <p className="graph-empty">{t('waiting')}</p>;
  const L = units.length - 1;
  const m = trace?.x.rows ?? 0;
  const k = Math.min(sample, Math.max(0, m - 1));
  const active = phase === null ? null : phaseLayer(phase, L);

  const nodeValues = (l: number): Matrix | undefined =>
    trace === null ? undefined : l === 0 ? trace.x : nodeQuantity(phase, trace, l) === 'delta' ? trace.layers[l - 1]!.delta : trace.layers[l - 1]!.a;
  const edgeValues = (l: number): Matrix | undefined => {
    const q = edgeQuantity(phase, trace, l);
    return q === 'W' ? (trace?.layers[l - 1]?.W ?? params?.[l - 1]?.W) : trace!.layers[l - 1]![q];
  };

  const page = (l: number, delta: number) =>
    setOffsets((o) => {
      const next = [...o];
      next[l] = Math.max(0, Math.min(units[l]! - MAX_VISIBLE_UNITS, (o[l] ?? 0) + delta));
      return next;
    });

  /** Largest |value| drawn per layer: the range of that layer's colour scale. */
  const nodeMax: number[] = [];
  const edgeMax: number[] = [];
  const legendLayer = active ?? L;

  const edges = layout.layers.slice(1).map((to) => {
    const l = to.layer;
    const from = layout.layers[l - 1]!;
    if (from.image !== null) return null;
    const values = edgeValues(l);
    const visible: number[] = [];
    for (let a = 0; a < from.visible; a++) for (let b = 0; b < to.visible; b++) visible.push(at(values, from.offset + a, to.offset + b) ?? 0);
    const max = colorRange(visible);
    edgeMax[l] = max;
    const color = divergingScale(max);
    return (
      <g key={`e${l}`} className={active === l ? 'edges active' : 'edges'}>
        {from.ys.map((y1, a) =>
          to.ys.map((y2, b) => {
            const i = from.offset + a;
            const j = to.offset + b;
            const v = at(values, i, j) ?? 0;
            const chosen = selection?.kind === 'weight' && selection.layer === l && selection.i === i && selection.j === j;
            return (
              <line
                key={`${i}-${j}`}
                x1={from.x}
                y1={y1}
                x2={to.x}
                y2={y2}
                stroke={chosen ? 'var(--accent)' : color(v)}
                strokeWidth={chosen ? 3 : 0.4 + (max > 0 ? (2.6 * Math.abs(v)) / max : 0)}
                data-weight={`${l}:${i}:${j}`}
                onPointerEnter={() => setHover({ kind: 'weight', layer: l, i, j })}
                onPointerLeave={() => setHover(null)}
                onClick={() => select({ kind: 'weight', layer: l, i, j })}
              />
            );
          }),
        )}
      </g>
    );
  });

  const nodes = layout.layers.map((lay: LayerLayout) => {
    const l = lay.layer;
    if (lay.image !== null) {
      const n = lay.units;
      const row = trace === null || trace.x.cols !== n ? null : trace.x.data.subarray(k * n, (k + 1) * n);
      return <InputImage key="input" x={lay.x} height={height} image={lay.image} row={row} label={t('inputImage', { rows: lay.image.rows, cols: lay.image.cols })} />;
    }
    const values = nodeValues(l);
    const shown = lay.ys.map((_, a) => at(values, k, lay.offset + a) ?? 0);
    nodeMax[l] = colorRange(shown);
    const color = divergingScale(nodeMax[l]);
    return (
      <g key={`n${l}`} className={active === l ? 'layer active' : 'layer'} data-layer={l}>
        <text x={lay.x} y={16} textAnchor="middle" className="layer-label">
          {l === 0 ? t('input') : l === L ? t('output') : t('hidden', { l })} ({lay.units})
        </text>
        {lay.ys.map((y, a) => {
          const unit = lay.offset + a;
          const chosen = selection?.kind === 'unit' && selection.layer === l && selection.unit === unit;
          return (
            <circle
              key={unit}
              cx={lay.x}
              cy={y}
              r={layout.radius}
              fill={values === undefined ? 'var(--bg)' : color(shown[a]!)}
              className={chosen ? 'unit selected' : 'unit'}
              data-unit={`${l}:${unit}`}
              onPointerEnter={() => setHover({ kind: 'unit', layer: l, unit })}
              onPointerLeave={() => setHover(null)}
              onClick={() => l > 0 && select({ kind: 'unit', layer: l, unit })}
            />
          );
        })}
        {lay.units > lay.visible && (
          <g className="pager">
            <text x={lay.x} y={height - 8} textAnchor="middle">
              {t('window', { from: lay.offset + 1, to: lay.offset + lay.visible, of: lay.units })}
            </text>
            <foreignObject x={lay.x - 40} y={height - 44} width={80} height={22}>
              <div className="pager-buttons">
                <button type="button" aria-label={t('pageUp', { l })} onClick={() => page(l, -MAX_VISIBLE_UNITS)} disabled={lay.offset === 0}>
                  ▲
                </button>
                <button type="button" aria-label={t('pageDown', { l })} onClick={() => page(l, MAX_VISIBLE_UNITS)} disabled={lay.offset + lay.visible >= lay.units}>
                  ▼
                </button>
              </div>
            </foreignObject>
          </g>
        )}
      </g>
    );
  });

  const phaseName = phase === null ? null : t(`phase.${phase.kind}`);
  const formula = phase === null ? null : phaseFormula(phase, spec, hyper);
  return (
    <figure className="network-graph">
      <figcaption>
        {phase === null ? (
          <span>{t('caption.free')}</span>
        ) : (
          <span data-testid="phase-label">
            <strong>
              {phaseName}
              {'layer' in phase ? ` ${phase.layer}` : ''}:
            </strong>{' '}
            <code>{formula}</code>
          </span>
        )}
      </figcaption>
      <svg width={width} height={height} role="img" aria-label={t('aria', { layers: units.join('-') })}>
        {edges}
        {nodes}
      </svg>
      <div className="graph-readout" aria-live="polite">
        {hover === null ? t('hint') : readout(hover, trace, params, k, t)}
      </div>
      <div className="graph-legends">
        <Legend max={nodeMax[legendLayer] ?? 0} label={t('legend.nodes', { l: legendLayer, what: nodeQuantity(phase, trace, legendLayer) === 'delta' ? 'δ' : 'a' })} width={220} />
        <Legend max={edgeMax[legendLayer] ?? 0} label={t('legend.edges', { l: legendLayer, what: { W: 'W', dW: '∂L/∂W', updateW: 'ΔW' }[edgeQuantity(phase, trace, legendLayer)] })} width={220} />
      </div>
    </figure>
  );
}

function readout(h: NonNullable<Hover>, trace: Trace | null, params: readonly { W: Matrix }[] | null, k: number, t: ReturnType<typeof useGraphMessages>): string {
  const f = (x: number | undefined) => (x === undefined ? '—' : formatValue(x, 4));
  if (h.kind === 'unit') {
    if (h.layer === 0) return t('readout.input', { unit: h.unit, sample: k, x: f(at(trace?.x, k, h.unit)) });
    const lt = trace?.layers[h.layer - 1];
    return t('readout.unit', { l: h.layer, lsup: sup(h.layer), unit: h.unit, sample: k, z: f(at(lt?.z, k, h.unit)), a: f(at(lt?.a, k, h.unit)), delta: f(at(lt?.delta, k, h.unit)) });
  }
  const lt = trace?.layers[h.layer - 1];
  const W = lt?.W ?? params?.[h.layer - 1]?.W;
  return t('readout.weight', { l: h.layer, lsup: sup(h.layer), i: h.i, j: h.j, w: f(at(W, h.i, h.j)), dw: f(at(lt?.dW, h.i, h.j)), update: f(at(lt?.updateW, h.i, h.j)) });
}
