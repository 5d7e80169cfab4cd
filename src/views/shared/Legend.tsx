/** The colour legend of the diverging scale: what it shows, then a gradient bar labelled −m, 0, +m. */
import { useId } from 'react';
import { colourAt, divergingScale, formatEngineering, formatValue, RESOLUTION, resolutionOf, scalePosition, type ColourMode } from './diverging.ts';
import { useSignedPalette } from './use-signed-palette.ts';

/**
 * The |x| below which a legend's scale draws values as zero: a number for one scale of range
 * ±max; with a scale per layer, the fraction of each layer's own max (`perMax`).
 */
export function zeroThreshold(max: number, mode: ColourMode, perLayer: boolean): { below: number; perMax: boolean } {
  return perLayer ? { below: resolutionOf(1, mode), perMax: true } : { below: resolutionOf(max, mode), perMax: false };
}

export function Legend({ max, label, width = 160 }: { max: number; label: string; width?: number }) {
  const id = useId();
  const palette = useSignedPalette();
  const scale = divergingScale(max, palette);
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

/** Baseline to baseline of the shared legend's rows of 11 px text: one line's box (≈ 12.8 px), so no two touch. */
const ROW = 13;

/** One layer's range on a shared legend. */
export interface LayerRange {
  readonly layer: number;
  readonly max: number;
}

/** What a legend's marks mean, in the screen's language: two short lines and each mark's title. */
export interface MarksKey {
  /** E.g. "▲n: layer n's" and "largest |x|", written left of the bar's middle. */
  readonly lines: readonly [string, string];
  /** One mark's title (a tooltip and what a screen reader says), e.g. "layer 2: largest |x| = 0.5". */
  title(layer: number, max: string): string;
}

/**
 * One legend for a quantity drawn in several layers: the bar spans ±max on the chosen scale,
 * each layer's own largest |value| is marked on it (▲ with the layer's number), and the values
 * drawn as zero (below the scale's resolution) are stated (zeroThreshold). With `perLayer`, each layer's colours
 * span its own range (±max) instead; the marks still say where those ranges sit on the common scale.
 * A largest |value| is never negative, so the marks stay right of the middle and the key that
 * explains them has the left half of their rows to itself: nothing moves as the values change.
 */
export function SharedLegend({
  label,
  max,
  mode,
  ranges,
  perLayer,
  zeroLabel,
  marksKey,
  width = 240,
}: {
  label: string;
  max: number;
  mode: ColourMode;
  ranges: readonly LayerRange[];
  perLayer: boolean;
  /** Where the scale's zero is, in words: which values are drawn as zero (see zeroThreshold). */
  zeroLabel: string;
  /** The key to the marks, shown while there are marks; none: marks without a key (not on screen). */
  marksKey?: MarksKey;
  width?: number;
}) {
  const id = useId();
  const palette = useSignedPalette();
  const r = max > 0 && Number.isFinite(max) ? max : 0;
  const inset = 8;
  const bar = width - 2 * inset;
  const xOf = (p: number) => inset + ((p + 1) / 2) * bar;
  const stops = Array.from({ length: 11 }, (_, i) => -1 + i / 5);
  const marks = [...ranges].filter((g) => g.max > 0).sort((a, b) => a.max - b.max);
  const summary = ranges.map((g) => (marksKey === undefined ? `${g.layer}: ±${formatEngineering(g.max)}` : marksKey.title(g.layer, formatEngineering(g.max)))).join(', ');
  // Before any value (or when none is finite) the ends say so, rather than a range of ±0.
  const [low, high] = perLayer ? ['−max', '+max'] : r > 0 ? [`−${formatEngineering(r)}`, `+${formatEngineering(r)}`] : ['—', '—'];
  return (
    <svg className="legend shared-legend" width={width} height={ROW * 2 + 45} role="img" aria-label={`${label}: ${low} to ${high} (${mode}), ${zeroLabel}; ${summary}`}>
      <defs>
        <linearGradient id={id}>
          {stops.map((p) => (
            <stop key={p} offset={`${((p + 1) / 2) * 100}%`} stopColor={colourAt(Math.abs(p) < RESOLUTION ? 0 : p, palette)} />
          ))}
        </linearGradient>
      </defs>
      <text x={inset} y={11} fill="currentColor">
        {label}
      </text>
      <rect x={inset} y={15} width={bar} height={10} fill={`url(#${id})`} stroke="currentColor" strokeOpacity={0.3} />
      {marks.map((g, n) => {
        const x = xOf(scalePosition(g.max, r, mode) || RESOLUTION);
        const row = n % 2;
        return (
          <g key={g.layer} className="range-mark" data-layer={g.layer} data-x={x.toFixed(1)}>
            {marksKey !== undefined && <title>{marksKey.title(g.layer, formatEngineering(g.max))}</title>}
            <path d={`M${x},25 l-3,5 h6 z`} fill="currentColor" />
            <text x={x} y={41 + row * ROW} textAnchor="middle" fill="currentColor">
              {g.layer}
            </text>
          </g>
        );
      })}
      {marksKey !== undefined && marks.length > 0 && (
        <g className="marks-key" data-testid="marks-key">
          {marksKey.lines.map((line, n) => (
            <text key={n} x={inset} y={41 + n * ROW} fill="currentColor">
              {line}
            </text>
          ))}
        </g>
      )}
      <text x={inset} y={41 + 2 * ROW} fill="currentColor">
        {low}
      </text>
      <text x={width / 2} y={41 + 2 * ROW} textAnchor="middle" fill="currentColor">
        {zeroLabel}
      </text>
      <text x={width - inset} y={41 + 2 * ROW} textAnchor="end" fill="currentColor">
        {high}
      </text>
    </svg>
  );
}
