/**
 * What the user has chosen about the screen, shared by every view: a selected unit or weight,
 * the layer and sample the layer-wise views show, and the lesson's view — the open tab,
 * presenter mode, theme, language and notation — which travels in a link (see link.ts).
 * Layers are weight layers 1..L; unit j of layer l; weight W[i][j] of layer l goes from unit i
 * of layer l − 1 to unit j of layer l.
 */
import { createStore } from 'zustand/vanilla';

export type Selection =
  | { readonly kind: 'unit'; readonly layer: number; readonly unit: number }
  | { readonly kind: 'weight'; readonly layer: number; readonly i: number; readonly j: number }
  | null;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** The screen's languages (the i18n catalogs have exactly these). */
export const LANGUAGE_CODES = ['en', 'zh'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];
/**
 * The screen's notation: rows (a batch is m × units, z = a·W + b, W is n_in × n_out; the
 * core's own layout) or columns (a sample is a column, z = W·a + b, W is n_out × n_in; most
 * textbooks). The numbers are the same; only layout and notation change.
 */
export const CONVENTIONS = ['rows', 'columns'] as const;
export type Convention = (typeof CONVENTIONS)[number];

/** The part of the screen a link carries. `tab` null: the first view for the data. */
export interface ScreenView {
  readonly tab: string | null;
  readonly presenter: boolean;
  readonly theme: Theme;
  readonly language: LanguageCode;
  readonly convention: Convention;
}

export interface UiState extends ScreenView {
  readonly selection: Selection;
  /** The weight layer the heatmaps show. */
  readonly layer: number;
  /** The sample of the batch the views focus on. */
  readonly sample: number;
  /** The keyboard shortcut sheet is open. */
  readonly shortcutsOpen: boolean;
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
  setTab(tab: string): void;
  setPresenter(presenter: boolean): void;
  setTheme(theme: Theme): void;
  setLanguage(language: LanguageCode): void;
  setConvention(convention: Convention): void;
  setShortcutsOpen(open: boolean): void;
}

export const DEFAULT_VIEW: ScreenView = { tab: null, presenter: false, theme: 'system', language: 'en', convention: 'rows' };

export function createUiStore(view: Partial<ScreenView> = {}) {
  return createStore<UiState>()((set) => ({
    ...DEFAULT_VIEW,
    ...view,
    selection: null,
    layer: 1,
    sample: 0,
    shortcutsOpen: false,
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
    setTab: (tab) => set({ tab }),
    setPresenter: (presenter) => set({ presenter }),
    setTheme: (theme) => set({ theme }),
    setLanguage: (language) => set({ language }),
    setConvention: (convention) => set({ convention }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  }));
}
export type UiStore = ReturnType<typeof createUiStore>;
