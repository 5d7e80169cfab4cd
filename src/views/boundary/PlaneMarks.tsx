/**
 * The SVG layer over the boundary canvas: axes with ticks (x₁ across, x₂ up), the data points
 * (training points filled, test points hollow, coloured by label) and rings around the points
 * of the current batch, the selected sample's ring thicker.
 */
import { memo } from 'react';
import type { ScaleLinear } from 'd3';
import type { DataPoints } from '../../engine/protocol.ts';
import type { Matrix } from '../../core/tensor.ts';
import { divergingScale, colorRange } from '../shared/diverging.ts';
import { classColour } from '../shared/pixels.ts';
import type { SignedPalette } from '../shared/signed-palette.ts';

export const SELECTED_RING = '#f59e0b';

type Scale = ScaleLinear<number, number>;

export function Axes({ sx, sy, size, label1, label2 }: { sx: Scale; sy: Scale; size: number; label1: string; label2: string }) {
  return (
    <g className="axes" fontSize={10} fill="currentColor">
      <rect width={size} height={size} fill="none" stroke="currentColor" strokeOpacity={0.4} />
      {sx.ticks(5).map((v) => (
        <g key={`x${v}`} transform={`translate(${sx(v)},${size})`}>
          <line y2={4} stroke="currentColor" />
          <text y={14} textAnchor="middle">{v}</text>
        </g>
      ))}
      {sy.ticks(5).map((v) => (
        <g key={`y${v}`} transform={`translate(0,${sy(v)})`}>
          <line x2={-4} stroke="currentColor" />
          <text x={-6} dy="0.32em" textAnchor="end">{v}</text>
        </g>
      ))}
      <text x={size / 2} y={size + 26} textAnchor="middle" fontSize={11}>{label1}</text>
      <text transform={`translate(-26,${size / 2}) rotate(-90)`} textAnchor="middle" fontSize={11}>{label2}</text>
    </g>
  );
}

/** Colours of the points: by class index, or by target value for regression. */
function pointColours(points: DataPoints, classes: number, palette: SignedPalette): (i: number) => string {
  if (points.kind === 'regression') {
    const scale = divergingScale(colorRange(points.y), palette);
    return (i) => scale(points.y[i]!);
  }
  return (i) => classColour(points.y[i]!, classes, palette);
}

export const PointMarks = memo(function PointMarks({ points, sx, sy, classes, palette }: { points: DataPoints; sx: Scale; sy: Scale; classes: number; palette: SignedPalette }) {
  const colour = pointColours(points, classes, palette);
  const { x } = points;
  const marks = [];
  for (let i = 0; i < x.rows; i++) {
    const cx = sx(x.data[i * x.cols]!);
    const cy = sy(x.data[i * x.cols + 1]!);
    const test = points.test[i] === 1;
    const c = colour(i);
    marks.push(
      <circle
        key={i}
        cx={cx}
        cy={cy}
        r={test ? 3.2 : 3}
        fill={test ? 'white' : c}
        stroke={test ? c : 'white'}
        strokeWidth={test ? 1.6 : 0.7}
        data-point={test ? 'test' : 'train'}
        data-class={points.kind === 'classification' ? points.y[i] : undefined}
      />,
    );
  }
  return <g className="points">{marks}</g>;
});

/**
 * Rings around the rows of the batch x (m × 2) unless `ringAll` is false (a full batch: every
 * point); row `selected` always gets the thick orange ring.
 */
export function BatchRings({ x, sx, sy, selected, ringAll }: { x: Matrix; sx: Scale; sy: Scale; selected: number; ringAll: boolean }) {
  const rings = [];
  for (let i = 0; ringAll && i < x.rows; i++) {
    const cx = sx(x.data[i * x.cols]!);
    const cy = sy(x.data[i * x.cols + 1]!);
    // a dark ring on a white halo: visible on the darkest and the palest cells alike
    rings.push(
      <g key={i} data-batch={i}>
        <circle cx={cx} cy={cy} r={6} fill="none" stroke="white" strokeWidth={3} />
        <circle cx={cx} cy={cy} r={6} fill="none" stroke="#1d2330" strokeWidth={1.2} />
      </g>,
    );
  }
  if (selected >= 0 && selected < x.rows) {
    const cx = sx(x.data[selected * x.cols]!);
    const cy = sy(x.data[selected * x.cols + 1]!);
    rings.push(<circle key="selected" cx={cx} cy={cy} r={8} fill="none" stroke={SELECTED_RING} strokeWidth={2.5} data-selected-sample={selected} />);
  }
  return <g className="batch">{rings}</g>;
}
