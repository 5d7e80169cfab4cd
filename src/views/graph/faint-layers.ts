/**
 * Layers drawn nearly white by a shared linear colour scale: their largest |value| is under
 * FAINT_SHARE of the largest of all layers (the inputs of the flower data, 2.01, against hidden
 * activations of 0.03; an output δ of 0.5 against hidden δ of 0.005). The graph says so, and
 * which switch shows them, rather than let a student read white as zero.
 */
import type { ColourMode } from '../shared/diverging.ts';
import type { LayerRange } from '../shared/Legend.tsx';

export const FAINT_SHARE = 0.05;

export function faintLayers(ranges: readonly LayerRange[], sharedMax: number, scaling: 'shared' | 'layer', mode: ColourMode): number[] {
  if (scaling !== 'shared' || mode !== 'linear' || !(sharedMax > 0)) return [];
  return ranges.filter((r) => r.max > 0 && r.max < FAINT_SHARE * sharedMax).map((r) => r.layer);
}
