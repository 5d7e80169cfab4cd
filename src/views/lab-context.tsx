/**
 * The lab's stores, created once per page around one engine client, and the hooks views use
 * to select from them. Views never see the worker; they read stores and call store actions.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { usePaced } from './shared/use-paced.ts';
import type { ConfigState, ConfigStore } from '../store/config.ts';
import type { HistoryState, HistoryStore } from '../store/history.ts';
import type { PlaybackState, PlaybackStore } from '../store/playback.ts';
import type { RunState, RunStore } from '../store/run.ts';
import type { UiState, UiStore } from '../store/ui.ts';

export interface Lab {
  readonly config: ConfigStore;
  readonly playback: PlaybackStore;
  readonly run: RunStore;
  readonly history: HistoryStore;
  readonly ui: UiStore;
}

export const LabContext = createContext<Lab | null>(null);

function useLab(): Lab {
  const lab = useContext(LabContext);
  if (lab === null) throw new Error('a lab view must be inside <LabContext.Provider>');
  return lab;
}

export const useConfig = <T,>(selector: (s: ConfigState) => T): T => useStore(useLab().config, selector);
export const usePlayback = <T,>(selector: (s: PlaybackState) => T): T => useStore(useLab().playback, selector);
export const useRun = <T,>(selector: (s: RunState) => T): T => useStore(useLab().run, selector);
export const useHistory = <T,>(selector: (s: HistoryState) => T): T => useStore(useLab().history, selector);
export const useUi = <T,>(selector: (s: UiState) => T): T => useStore(useLab().ui, selector);

/**
 * How often views that draw the snapshot redraw while training runs free: 4 per second. Measured
 * with bench:ui on MNIST (two cores, software rendering): at 100 ms the 95th-percentile frame
 * took 33 ms; at 250 ms it is 16.8 ms, and the worker keeps 0.9–1.15× the Node core's speed.
 */
export const LIVE_VIEW_INTERVAL_MS = 250;

/**
 * Like useRun, for what a view draws from snapshots and traces: while training runs free the
 * value follows the store at most every LIVE_VIEW_INTERVAL_MS, so redrawing never competes with
 * training for the machine; when paused or stepping it follows every change at once.
 */
export function useLiveRun<T>(selector: (s: RunState) => T): T {
  const lab = useLab();
  const running = useStore(lab.run, (s) => s.status === 'running');
  return usePaced(lab.run, selector, running ? LIVE_VIEW_INTERVAL_MS : 0);
}

/** useHistory, paced like useLiveRun. */
export function useLiveHistory<T>(selector: (s: HistoryState) => T): T {
  const lab = useLab();
  const running = useStore(lab.run, (s) => s.status === 'running');
  return usePaced(lab.history, selector, running ? LIVE_VIEW_INTERVAL_MS : 0);
}

/** The sample the views focus on, clamped to the latest batch (ui.sample may outlive a larger batch). */
export function useFocusSample(): number {
  const sample = useUi((s) => s.sample);
  const m = useLiveRun((s) => s.trace?.x.rows ?? 0);
  return Math.max(0, Math.min(sample, m - 1));
}
