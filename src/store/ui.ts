/**
 * What the user has selected on screen, shared by every view: a unit, a weight, or nothing,
 * and the layer the layer-wise views show. Layers are weight layers 1..L; unit j of layer l;
 * weight W[i][j] of layer l goes from unit i of layer l − 1 to unit j of layer l.
 */
import { createStore } from 'zustand/vanilla';

export type Selection =
  | { readonly kind: 'unit'; readonly layer: number; readonly unit: number }
  | { readonly kind: 'weight'; readonly layer: number; readonly i: number; readonly j: number }
  | null;

export interface UiState {
  readonly selection: Selection;
  /** The weight layer the heatmaps show. */
  readonly layer: number;
  /** The sample of the batch the views focus on. */
  readonly sample: number;
  /** Units show the focused sample's values, or their mean over the batch. */
  readonly unitFocus: 'sample' | 'mean';
  /** The graph's colours: one scale per quantity shared by all layers, or one per layer. */
  readonly colourScaling: 'shared' | 'layer';
  readonly colourMode: 'linear' | 'symlog';
  /**
   * The phase of the current step the graph shows, as an index into its trace's phases; null:
   * the latest. Stepping back (←) is view-side: the trace holds every phase that has run.
   */
  readonly viewedPhase: number | null;
  select(selection: Selection): void;
  setLayer(layer: number): void;
  setSample(sample: number): void;
  setUnitFocus(focus: 'sample' | 'mean'): void;
  setColourScaling(scaling: 'shared' | 'layer'): void;
  setColourMode(mode: 'linear' | 'symlog'): void;
  viewPhase(index: number | null): void;
}

export function createUiStore() {
  return createStore<UiState>()((set) => ({
    selection: null,
    layer: 1,
    sample: 0,
    unitFocus: 'sample',
    colourScaling: 'shared',
    colourMode: 'linear',
    viewedPhase: null,
    select: (selection) => set(selection === null ? { selection } : { selection, layer: selection.layer }),
    setLayer: (layer) => set({ layer }),
    setSample: (sample) => set({ sample, unitFocus: 'sample' }),
    setUnitFocus: (unitFocus) => set({ unitFocus }),
    setColourScaling: (colourScaling) => set({ colourScaling }),
    setColourMode: (colourMode) => set({ colourMode }),
    viewPhase: (viewedPhase) => set({ viewedPhase }),
  }));
}
export type UiStore = ReturnType<typeof createUiStore>;
