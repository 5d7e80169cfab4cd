/**
 * The decision boundary of a network with two inputs: its output over the input plane painted
 * on a canvas (one cell per pixel, scaled up smoothly by the browser), the data points on top,
 * and rings around the points of the current batch. Nothing for other input sizes.
 *
 * Colour: one output through the diverging scale centred at the decision threshold (p − 0.5
 * for a probability); two outputs as y₁ − y₀; three or more as the predicted class's colour.
 * The grid is recomputed at most once per animation frame (see use-frame.ts; cost in decision.ts).
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { scaleLinear } from 'd3';
import type { DataPoints } from '../../engine/protocol.ts';
import type { LayerParams } from '../../core/network.ts';
import type { NetworkSpec } from '../../core/spec.ts';
import { Legend } from '../shared/Legend.tsx';
import { useRun, useLiveRun, useFocusSample } from '../lab-context.tsx';
import { affordableResolution, boundaryGrid, decisionRule, gridRange, paramsFit, type DecisionRule } from './decision.ts';
import { useBoundaryMessages } from './messages.ts';
import { planeExtent, type Extent } from './plane.ts';
import { classColour, classPixels, paintPixels, signedPixels } from '../shared/pixels.ts';
import { Axes, BatchRings, PointMarks, SELECTED_RING } from './PlaneMarks.tsx';
import { useFrameWork } from '../shared/use-frame.ts';
import type { SignedPalette } from '../shared/signed-palette.ts';
import { useSignedPalette } from '../shared/use-signed-palette.ts';

export interface DecisionBoundaryProps {
  /** Side of the square plot in CSS pixels. */
  readonly size?: number;
  /** Cells per side of the grid the output is computed on (fewer for wide nets, see decision.ts). */
  readonly resolution?: number;
}

const NO_POINTS = { rows: 0, cols: 2, data: new Float64Array(0) };
const MARGIN = { left: 36, top: 6, right: 8, bottom: 32 };

interface Frame {
  readonly spec: NetworkSpec | undefined;
  readonly params: readonly LayerParams[] | undefined;
  readonly extent: Extent;
  readonly rule: DecisionRule | null;
  readonly cells: number;
  readonly palette: SignedPalette;
}

export function DecisionBoundary({ size = 320, resolution = 64 }: DecisionBoundaryProps) {
  const m = useBoundaryMessages();
  const spec = useRun((s) => s.info?.network);
  const points = useRun((s) => s.info?.points);
  const params = useLiveRun((s) => s.snapshot?.params);
  const batch = useLiveRun((s) => s.trace?.x);
  /** With full-batch descent every point is in the batch: ringing them all would say nothing. */
  const wholeSet = useRun((s) => s.info !== null && s.trace !== null && s.trace.x.rows >= s.info.trainSize);
  const sample = useFocusSample();
  const palette = useSignedPalette();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [range, setRange] = useState<number | null>(null);

  const planar = spec !== undefined && spec.layers[0]!.units === 2;
  const extentSource = points?.x ?? batch;
  const extent = useMemo(() => planeExtent(extentSource?.cols === 2 ? extentSource : NO_POINTS), [extentSource]);
  const rule = useMemo(() => (planar ? decisionRule(spec, points?.kind) : null), [planar, spec, points?.kind]);
  const sx = useMemo(() => scaleLinear().domain(extent.x1).range([0, size]), [extent, size]);
  const sy = useMemo(() => scaleLinear().domain(extent.x2).range([size, 0]), [extent, size]);

  const cells = planar ? affordableResolution(spec, resolution) : resolution;
  const frame = useMemo<Frame>(() => ({ spec, params, extent, rule, cells, palette }), [spec, params, extent, rule, cells, palette]);
  const paint = useCallback(({ spec, params, extent, rule, cells, palette }: Frame) => {
    if (spec === undefined || rule === null || !paramsFit(spec, params)) return;
    const values = boundaryGrid(spec, params, extent, cells, rule);
    const r = gridRange(values, rule);
    const rgba = rule.kind === 'argmax' ? classPixels(values, rule.classes, undefined, palette) : signedPixels(values, r, palette);
    paintPixels(canvas.current, rgba, cells, cells);
    setRange(r);
  }, []);
  useFrameWork(frame, paint); // every render calls it (hooks are unconditional); it paints only when planar

  if (!planar || rule === null) return null;
  const hasWeights = paramsFit(spec, params);
  const classes = rule.kind === 'argmax' ? rule.classes : 2;
  const width = size + MARGIN.left + MARGIN.right;
  const height = size + MARGIN.top + MARGIN.bottom;
  const counts = countPoints(points, batch?.cols === 2 ? batch.rows : 0);

  return (
    <figure className="decision-boundary" style={{ margin: 0 }} aria-label={m('title')}>
      <figcaption style={{ fontWeight: 600 }}>{m('title')}</figcaption>
      <div style={{ position: 'relative', width, height }}>
        <canvas
          ref={canvas}
          width={cells}
          height={cells}
          role="img"
          aria-label={m('canvas')}
          data-painted={hasWeights && range !== null ? 'yes' : 'no'}
          style={{ position: 'absolute', left: MARGIN.left, top: MARGIN.top, width: size, height: size, visibility: hasWeights ? 'visible' : 'hidden' }}
        />
        <svg width={width} height={height} style={{ position: 'absolute', left: 0, top: 0 }} aria-label={m('summary', counts)}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes sx={sx} sy={sy} size={size} label1={m('axis1')} label2={m('axis2')} />
            {points !== undefined && <PointMarks points={points} sx={sx} sy={sy} classes={classes} palette={palette} />}
            {batch !== undefined && batch.cols === 2 && <BatchRings x={batch} sx={sx} sy={sy} selected={sample} ringAll={!wholeSet} />}
          </g>
        </svg>
      </div>
      {!hasWeights && <p role="status">{m('noWeights')}</p>}
      <div className="boundary-legend" style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', fontSize: 12 }}>
        {rule.kind === 'argmax' ? (
          <span aria-label={m('classLegend')}>
            <span style={{ marginRight: 8 }}>{m('classLegend')}</span>
            {Array.from({ length: rule.classes }, (_, k) => (
              <span key={k} style={{ marginRight: 8 }}>
                <span style={{ display: 'inline-block', width: 10, height: 10, background: classColour(k, rule.classes, palette) }} /> {m('class', { k })}
              </span>
            ))}
          </span>
        ) : (
          <Legend max={range ?? rule.range ?? 1} label={m(legendKey(rule, points?.kind))} />
        )}
        <MarksKey train={m('train')} test={m('test')} batch={m('batch')} selected={m('selected')} />
      </div>
    </figure>
  );
}

function legendKey(rule: Exclude<DecisionRule, { kind: 'argmax' }>, kind: DataPoints['kind'] | undefined) {
  if (rule.kind === 'difference') return rule.probability ? 'probabilityDifference' : 'outputDifference';
  if (rule.probability) return 'probability';
  return kind === 'regression' ? 'value' : 'output';
}

function countPoints(points: DataPoints | undefined, batch: number): { train: number; test: number; batch: number } {
  let test = 0;
  if (points) for (let i = 0; i < points.test.length; i++) test += points.test[i]!;
  return { train: (points?.test.length ?? 0) - test, test, batch };
}

function MarksKey({ train, test, batch, selected }: Record<'train' | 'test' | 'batch' | 'selected', string>) {
  const item = (mark: ReactNode, text: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <svg width={18} height={18} aria-hidden="true">{mark}</svg>
      {text}
    </span>
  );
  return (
    <span style={{ display: 'inline-flex', gap: 10, flexWrap: 'wrap' }}>
      {item(<circle cx={9} cy={9} r={3.5} fill="#888" stroke="white" />, train)}
      {item(<circle cx={9} cy={9} r={3.5} fill="white" stroke="#888" strokeWidth={1.6} />, test)}
      {item(<circle cx={9} cy={9} r={6} fill="none" stroke="currentColor" strokeWidth={1.2} />, batch)}
      {item(<circle cx={9} cy={9} r={7} fill="none" stroke={SELECTED_RING} strokeWidth={2.5} />, selected)}
    </span>
  );
}
