/** The curves' learning-rate markers, drawn as SVG. */
import type { Plot } from '../shared/chart.ts';
import type { Marker } from './geometry.ts';

/** Dashed vertical lines where the learning rate changed, labelled with the new rate. */
export function RateMarkers({ plot, markers, label }: { plot: Plot; markers: readonly Marker[]; label: (rate: number) => string }) {
  return (
    <g className="markers">
      {markers.map((m) => {
        const atEnd = m.position > plot.right - 44;
        return (
          <g key={m.step} className="marker" data-step={m.step}>
            <line x1={m.position} x2={m.position} y1={plot.top} y2={plot.bottom} />
            {m.labelled && (
              <text x={atEnd ? m.position - 3 : m.position + 3} y={plot.top + 10} textAnchor={atEnd ? 'end' : 'start'}>
                {label(m.learningRate)}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
