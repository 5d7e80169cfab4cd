/**
 * The lab's stores, created once per page around one engine client, and the hooks views use
 * to select from them. Views never see the worker; they read stores and call store actions.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ConfigState, ConfigStore } from '../store/config.ts';
import type { HistoryState, HistoryStore } from '../store/history.ts';
import type { RunState, RunStore } from '../store/run.ts';
import type { UiState, UiStore } from '../store/ui.ts';

export interface Lab {
  readonly config: ConfigStore;
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
export const useRun = <T,>(selector: (s: RunState) => T): T => useStore(useLab().run, selector);
export const useHistory = <T,>(selector: (s: HistoryState) => T): T => useStore(useLab().history, selector);
export const useUi = <T,>(selector: (s: UiState) => T): T => useStore(useLab().ui, selector);
