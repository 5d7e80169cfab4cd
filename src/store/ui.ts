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
  select(selection: Selection): void;
  setLayer(layer: number): void;
  setSample(sample: number): void;
}

export function createUiStore() {
  return createStore<UiState>()((set) => ({
    selection: null,
    layer: 1,
    sample: 0,
    select: (selection) => set(selection === null ? { selection } : { selection, layer: selection.layer }),
    setLayer: (layer) => set({ layer }),
    setSample: (sample) => set({ sample }),
  }));
}
export type UiStore = ReturnType<typeof createUiStore>;
