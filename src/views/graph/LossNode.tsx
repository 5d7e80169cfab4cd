/**
 * The loss node after the output layer: the batch loss L once the loss phase has run, the
 * focused sample's own Lᵢ, its targets t on the lines into the node, and, once the backward pass
 * has started, the output error terms δᴸ on those lines (written and as their colour). The
 * labels stand in a column level with the output units they belong to, for any number of
 * outputs; the lines start after it (layout.loss), and a graph too narrow for the column leaves
 * t and δᴸ to the output units' hover readout.
 */
import { textWidth } from '../shared/chart.ts';
import type { Trace } from '../../core/trace.ts';
import { formatEngineering } from '../shared/diverging.ts';
import { MIN_SPACING_FOR_NUMBERS, type GraphLayout, type LayerLayout } from './layout.ts';
import type { useGraphMessages } from './messages.ts';

export interface LossNodeProps {
  readonly layout: GraphLayout;
  readonly output: LayerLayout;
  readonly trace: Trace | null;
  /** Targets of the focused sample (or their batch mean). */
  readonly targets: Float64Array | null;
  /** δᴸ of the focused sample, once computed, with its colour. */
  readonly outputDelta: Float64Array | null;
  readonly deltaColour: (x: number) => string;
  readonly sample: number | 'mean';
  readonly active: boolean;
  readonly t: ReturnType<typeof useGraphMessages>;
}

export function LossNode({ layout, output, trace, targets, outputDelta, deltaColour, sample, active, t }: LossNodeProps) {
  const { x, y, r, labelX, lineX } = layout.loss;
  const loss = trace?.loss?.total;
  const own = sample === 'mean' ? undefined : trace?.perSampleLoss?.[sample];
  const labels = layout.loss.labels && targets !== null && loss !== undefined && output.spacing >= MIN_SPACING_FOR_NUMBERS;
  return (
    <g className={active ? 'loss-node active' : 'loss-node'} data-testid="loss-node">
      <text x={x} y={12} textAnchor="middle" className="layer-label">
        {t('lossNode')}
      </text>
      {output.ys.map((yo, a) => {
        const j = output.offset + a;
        const d = outputDelta?.[j];
        return (
          <g key={j}>
            <line x1={lineX} y1={yo} x2={x - r} y2={y} stroke={d === undefined ? 'var(--muted)' : deltaColour(d)} strokeOpacity={d === undefined ? 0.35 : 1} strokeWidth={d === undefined ? 0.6 : 2} data-loss-edge={j} />
            {labels && (
              <text x={labelX} y={yo} dy="0.35em" textAnchor="start" className="edge-label" data-target={j}>
                t={formatEngineering(targets![j]!)}
                {d !== undefined && ` δ=${formatEngineering(d)}`}
              </text>
            )}
          </g>
        );
      })}
      <circle cx={x} cy={y} r={r} className="loss-circle" />
      <text x={x} y={y} dy="0.35em" textAnchor="middle" className="loss-symbol">
        L
      </text>
      <text x={x} y={y + r + 14} textAnchor="middle" className="loss-value" data-testid="loss-node-value">
        {loss === undefined ? '—' : formatEngineering(loss)}
      </text>
      {own !== undefined && (
        <OwnLoss x={x} y={y + r + 29} right={layout.loss.right} text={t('lossOwn', { k: sample as number, v: formatEngineering(own) })} />
      )}
    </g>
  );
}

/**
 * "sample 0: 0.0686" under the loss node: centred, unless half of it would run past the
 * drawing's right edge (a narrow graph); then it ends at that edge.
 */
function OwnLoss({ x, y, right, text }: { x: number; y: number; right: number; text: string }) {
  const end = x + textWidth(text, 11) / 2 > right - 2;
  return (
    <text x={end ? right - 2 : x} y={y} textAnchor={end ? 'end' : 'middle'} className="loss-own" data-testid="loss-node-sample">
      {text}
    </text>
  );
}
