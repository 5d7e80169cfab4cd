/** The colour legend of the diverging scale: a gradient bar labelled −m, 0, +m, and what it shows. */
import { useId } from 'react';
import { divergingScale, formatValue } from './diverging.ts';

export function Legend({ max, label, width = 160 }: { max: number; label: string; width?: number }) {
  const id = useId();
  const scale = divergingScale(max);
  const r = max > 0 && Number.isFinite(max) ? max : 1;
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => ({ t, color: scale(-r + 2 * r * t) }));
  return (
    <svg className="legend" width={width} height={30} role="img" aria-label={`${label}: −${formatValue(r)} to +${formatValue(r)}`}>
      <defs>
        <linearGradient id={id}>
          {stops.map((s) => (
            <stop key={s.t} offset={`${s.t * 100}%`} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      <rect x={0} y={2} width={width} height={10} fill={`url(#${id})`} stroke="currentColor" strokeOpacity={0.3} />
      <text x={0} y={26} fontSize={10} fill="currentColor">−{formatValue(r)}</text>
      <text x={width / 2} y={26} fontSize={10} textAnchor="middle" fill="currentColor">0 · {label}</text>
      <text x={width} y={26} fontSize={10} textAnchor="end" fill="currentColor">+{formatValue(r)}</text>
    </svg>
  );
}
