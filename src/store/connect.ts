/**
 * Wires engine events into the stores. Returns the function that disconnects.
 */
import type { EngineClient } from '../engine/client.ts';
import type { HistoryStore } from './history.ts';
import type { RunStore } from './run.ts';

export interface LabStores {
  readonly run: RunStore;
  readonly history: HistoryStore;
}

export function connectStores(client: EngineClient, { run, history }: LabStores): () => void {
  return client.subscribe((event) => {
    if (event.type === 'ready') history.getState().clear();
    if (event.type === 'metrics') history.getState().append(event.steps, event.evaluations, event.flow);
    run.getState().receive(event);
  });
}
