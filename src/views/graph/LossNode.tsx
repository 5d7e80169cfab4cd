/**
 * The loss node after the output layer: the batch loss L once the loss phase has run, the
 * focused sample's own Lᵢ, its targets t on the lines into the node, and, once the backward pass
 * has started, the output error terms δᴸ on those lines (written and as their colour).
 */
import type { Trace } from '../../core/trace.ts';
import { formatEngineering } from '../shared/diverging.ts';
import type { GraphLayout, LayerLayout } from './layout.ts';
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

/** Where the lines into the loss node start: after the output units' numbers, which they would cross. */
const NUMBER_ROOM = 48;

export function LossNode({ layout, output, trace, targets, outputDelta, deltaColour, sample, active, t }: LossNodeProps) {
  const { x, y, r } = layout.loss;
  const loss = trace?.loss?.total;
  const own = sample === 'mean' ? undefined : trace?.perSampleLoss?.[sample];
  const labelTargets = targets !== null && output.spacing >= 12;
  // With many outputs a label of t and δᴸ would run into the loss node: δᴸ is then read beside the output units.
  const fewOutputs = output.visible <= 4;
  return (
    <g className={active ? 'loss-node active' : 'loss-node'} data-testid="loss-node">
      <text x={x} y={16} textAnchor="middle" className="layer-label">
        {t('lossNode')}
      </text>
      {output.ys.map((yo, a) => {
        const j = output.offset + a;
        const d = outputDelta?.[j];
        const x0 = Math.min(output.x + layout.radius + NUMBER_ROOM, x - r - 20);
        const y0 = yo + ((y - yo) * (x0 - output.x)) / (x - output.x);
        // At the start of the line, where the lines are still as far apart as the units.
        const lx = x0 + 2;
        const ly = y0;
        return (
          <g key={j}>
            <line x1={x0} y1={y0} x2={x - r} y2={y} stroke={d === undefined ? 'var(--muted)' : deltaColour(d)} strokeOpacity={d === undefined ? 0.35 : 1} strokeWidth={d === undefined ? 0.6 : 2} data-loss-edge={j} />
            {labelTargets && loss !== undefined && (
              <text x={lx} y={ly} dy="-0.3em" textAnchor="start" className="edge-label" data-target={j}>
                t={formatEngineering(targets![j]!)}
                {d !== undefined && fewOutputs && `, δ=${formatEngineering(d)}`}
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
        <text x={x} y={y + r + 29} textAnchor="middle" className="loss-own" data-testid="loss-node-sample">
          {t('lossOwn', { k: sample as number, v: formatEngineering(own) })}
        </text>
      )}
    </g>
  );
}
