/**
 * Wires engine events into the stores. Returns the function that disconnects.
 */
import type { EngineClient } from '../engine/client.ts';
import type { ConfigStore } from './config.ts';
import type { HistoryStore } from './history.ts';
import type { RunStore } from './run.ts';

export interface LabStores {
  readonly run: RunStore;
  readonly history: HistoryStore;
  readonly config?: ConfigStore;
}

export function connectStores(client: EngineClient, { run, history, config }: LabStores): () => void {
  return client.subscribe((event) => {
    config?.getState().receive(event);
    if (event.type === 'ready') history.getState().clear();
    if (event.type === 'rewound') history.getState().rewind(event.step);
    if (event.type === 'metrics') history.getState().append(event.steps, event.evaluations, event.flow);
    run.getState().receive(event);
  });
}
