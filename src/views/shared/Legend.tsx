/** The colour legend of the diverging scale: what it shows, then a gradient bar labelled −m, 0, +m. */
import { useId } from 'react';
import { divergingScale, formatValue } from './diverging.ts';

export function Legend({ max, label, width = 160 }: { max: number; label: string; width?: number }) {
  const id = useId();
  const scale = divergingScale(max);
  const r = max > 0 && Number.isFinite(max) ? max : 1;
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => ({ t, color: scale(-r + 2 * r * t) }));
  return (
    <svg className="legend" width={width} height={40} role="img" aria-label={`${label}: −${formatValue(r)} to +${formatValue(r)}`}>
      <defs>
        <linearGradient id={id}>
          {stops.map((s) => (
            <stop key={s.t} offset={`${s.t * 100}%`} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      <text x={0} y={10} fontSize={10} fill="currentColor">
        {label}
      </text>
      <rect x={0} y={14} width={width} height={10} fill={`url(#${id})`} stroke="currentColor" strokeOpacity={0.3} />
      <text x={0} y={36} fontSize={10} fill="currentColor">
        −{formatValue(r)}
      </text>
      <text x={width / 2} y={36} fontSize={10} textAnchor="middle" fill="currentColor">
        0
      </text>
      <text x={width} y={36} fontSize={10} textAnchor="end" fill="currentColor">
        +{formatValue(r)}
      </text>
    </svg>
  );
}
